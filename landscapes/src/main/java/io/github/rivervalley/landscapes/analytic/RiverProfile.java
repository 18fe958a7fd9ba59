package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.check.Check;

/**
 * The loss along the river, {@code r(c)} as a function of the river parameter c: the part of the loss
 * that the optimizer can only reduce by travelling along the valley floor.
 */
public sealed interface RiverProfile permits RiverProfile.Linear, RiverProfile.Quadratic, RiverProfile.Softplus, RiverProfile.Power {

    /** {@code r(c)}. */
    double value(double c);

    /** {@code r'(c)}. */
    double slope(double c);

    /** {@code r''(c)}. */
    double curvature(double c);

    /** An endless river {@code r(c) = -slope * c}: constant progress per unit LR. */
    record Linear(double slope) implements RiverProfile {
        public Linear {
            Check.finite("slope", slope);
        }

        @Override
        public double value(double c) {
            return -slope * c;
        }

        @Override
        public double slope(double c) {
            return -slope;
        }

        @Override
        public double curvature(double c) {
            return 0.0;
        }

        @Override
        public String toString() {
            return "linear(slope=" + slope + ")";
        }
    }

    /** A river with a minimum: {@code r(c) = (curvature/2)(c - minimum)^2}, curvature much below the walls'. */
    record Quadratic(double curvature, double minimum) implements RiverProfile {
        public Quadratic {
            Check.nonNegative("curvature", curvature);
            Check.finite("minimum", minimum);
        }

        @Override
        public double value(double c) {
            double u = c - minimum;
            return 0.5 * curvature * u * u;
        }

        @Override
        public double slope(double c) {
            return curvature * (c - minimum);
        }

        @Override
        public double curvature(double c) {
            return curvature;
        }

        @Override
        public String toString() {
            return "quadratic(curvature=" + curvature + ", minimum=" + minimum + ")";
        }
    }

    /**
     * A river that flattens like a language-model loss: {@code r(c) = slope * log(1 + exp(-c))}. It falls
     * linearly with the given slope far upstream and ever more slowly past {@code c = 0}.
     */
    record Softplus(double slope) implements RiverProfile {
        public Softplus {
            Check.positive("slope", slope);
        }

        @Override
        public double value(double c) {
            // log(1 + exp(-c)) computed without overflow for large |c|.
            return slope * (Math.max(-c, 0.0) + Math.log1p(Math.exp(-Math.abs(c))));
        }

        @Override
        public double slope(double c) {
            return -slope * sigmoid(-c);
        }

        @Override
        public double curvature(double c) {
            double s = sigmoid(-c);
            return slope * s * (1.0 - s);
        }

        private static double sigmoid(double t) {
            if (t >= 0) {
                return 1.0 / (1.0 + Math.exp(-t));
            }
            double e = Math.exp(t);
            return e / (1.0 + e);
        }

        @Override
        public String toString() {
            return "softplus(slope=" + slope + ")";
        }
    }

    /**
     * A river whose loss falls as a power law: {@code r(c) = floor + amplitude * c^-exponent} for
     * {@code c > 0} (not a number at {@code c <= 0}: start the river coordinate above 0). Gradient flow
     * from {@code c0} gives {@code c^(k+2) = c0^(k+2) + (k+2) k amplitude t} with {@code k = exponent}, so
     * the loss along the river is a power law in the learning-rate area {@code t} with exponent
     * {@code k / (k + 2)}: the river part of a fitted loss-curve law.
     */
    record Power(double floor, double amplitude, double exponent) implements RiverProfile {
        public Power {
            Check.finite("floor", floor);
            Check.positive("amplitude", amplitude);
            Check.positive("exponent", exponent);
        }

        @Override
        public double value(double c) {
            return c > 0 ? floor + amplitude * Math.pow(c, -exponent) : Double.NaN;
        }

        @Override
        public double slope(double c) {
            return c > 0 ? -exponent * amplitude * Math.pow(c, -exponent - 1) : Double.NaN;
        }

        @Override
        public double curvature(double c) {
            return c > 0 ? exponent * (exponent + 1) * amplitude * Math.pow(c, -exponent - 2) : Double.NaN;
        }

        @Override
        public String toString() {
            return "power(floor=" + floor + ", amplitude=" + amplitude + ", exponent=" + exponent + ")";
        }
    }
}
