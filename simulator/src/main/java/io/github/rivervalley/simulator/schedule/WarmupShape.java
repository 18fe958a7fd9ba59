package io.github.rivervalley.simulator.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Rising shapes for warmups and re-warmups: {@code from + (to - from) w(u)} with {@code w} rising from
 * 0 to 1. Each is the time reverse of the decay shape of the same name taken to 0, so {@code w(u) > 0}
 * for every {@code u > 0}: no warmup step gets learning rate 0.
 */
public enum WarmupShape implements Shape {

    /** {@code w(u) = u}. */
    @JsonProperty("linear") LINEAR("linear") {
        @Override
        double rise(double u, double v) {
            return u;
        }
    },
    /** {@code w(u) = (1 - cos(pi u)) / 2}, evaluated as {@code sin^2(pi u / 2)} (no cancellation for small u). */
    @JsonProperty("cosine") COSINE("cosine") {
        @Override
        double rise(double u, double v) {
            double s = Math.sin(Math.PI * u / 2);
            return s * s;
        }
    },
    /** {@code w(u) = 1 - sqrt(1 - u)}, evaluated as {@code u / (1 + sqrt(1 - u))}. */
    @JsonProperty("1-sqrt") ONE_SQRT("1-sqrt") {
        @Override
        double rise(double u, double v) {
            return u / (1 + Math.sqrt(v));
        }
    };

    private final String label;

    WarmupShape(String label) {
        this.label = label;
    }

    /** The rise {@code w(u)} in (0, 1) for {@code 0 < u < 1}, {@code v = 1 - u}. */
    abstract double rise(double u, double v);

    @Override
    public double ratio(double from, double to, double u, double v) {
        return from + (to - from) * rise(u, v);
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
