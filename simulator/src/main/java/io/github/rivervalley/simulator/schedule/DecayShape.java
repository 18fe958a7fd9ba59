package io.github.rivervalley.simulator.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Falling shapes for decays from ratio {@code a} (usually 1, the peak) to ratio {@code b} (the floor
 * {@code f}). With {@code a = 1} they are the formulas of docs/science.md section 5, as multiples of the peak:
 * linear {@code 1-(1-f)u}, cosine {@code f+(1-f)(1+cos(pi u))/2}, 1-sqrt {@code f+(1-f)(1-sqrt(u))},
 * 1-square {@code f+(1-f)(1-u^2)}, inverse-proportional {@code 1/(1+(1/f-1)u)}, exponential {@code f^u}.
 *
 * <p>The first four are evaluated as {@code b + (a-b) g(v)} with the remaining fraction {@code v = 1-u}
 * ({@code g} = {@code v}, {@code sin^2(pi v/2)}, {@code v/(1+sqrt(u))}, {@code v(1+u)}), which is the same
 * function but stays strictly above {@code b} until the last step even when {@code b = 0}.
 */
public enum DecayShape implements Shape {

    @JsonProperty("linear") LINEAR("linear", false) {
        @Override
        public double ratio(double a, double b, double u, double v) {
            return b + (a - b) * v;
        }
    },
    @JsonProperty("cosine") COSINE("cosine", false) {
        @Override
        public double ratio(double a, double b, double u, double v) {
            double s = Math.sin(Math.PI * v / 2);
            return b + (a - b) * (s * s);
        }
    },
    @JsonProperty("1-sqrt") ONE_SQRT("1-sqrt", false) {
        @Override
        public double ratio(double a, double b, double u, double v) {
            return b + (a - b) * (v / (1 + Math.sqrt(u)));
        }
    },
    @JsonProperty("1-square") ONE_SQUARE("1-square", false) {
        @Override
        public double ratio(double a, double b, double u, double v) {
            return b + (a - b) * (v * (1 + u));
        }
    },
    /** {@code 1/eta} linear in {@code u}: {@code a / (1 + (a/b - 1) u)}; needs {@code b > 0}. */
    @JsonProperty("inverse-proportional") INVERSE_PROPORTIONAL("inverse-proportional", true) {
        @Override
        public double ratio(double a, double b, double u, double v) {
            return a / (1 + (a / b - 1) * u);
        }
    },
    /** {@code a (b/a)^u}; needs {@code b > 0}. */
    @JsonProperty("exponential") EXPONENTIAL("exponential", true) {
        @Override
        public double ratio(double a, double b, double u, double v) {
            return a * Math.pow(b / a, u);
        }
    };

    private final String label;
    private final boolean needsPositiveFloor;

    DecayShape(String label, boolean needsPositiveFloor) {
        this.label = label;
        this.needsPositiveFloor = needsPositiveFloor;
    }

    /** Whether the shape is undefined for a floor of 0 (inverse-proportional, exponential). */
    public boolean needsPositiveFloor() {
        return needsPositiveFloor;
    }

    /** The name used in specs and output. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
