package io.github.rivervalley.simulator.optim;

import io.github.rivervalley.landscapes.check.Check;

/**
 * Heavy-ball momentum or its Nesterov form, in the convention of PyTorch's SGD (dampening 0):
 * {@code v <- mu v + g}; heavy ball {@code x <- x - lr v}; Nesterov {@code x <- x - lr (g + mu v)}.
 * The Nesterov form needs the gradient at {@code x} only (the look-ahead is folded into the update),
 * so it runs through the same gradient oracle as every other optimizer.
 *
 * @param momentum {@code mu} in [0, 1)
 * @param nesterov whether to use the Nesterov update
 */
public record Momentum(double momentum, boolean nesterov) implements Optimizer {

    /** The usual default {@code mu = 0.9}. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    public Momentum {
        Check.inHalfOpenRange("momentum", momentum, 0.0, 1.0);
    }

    @Override
    public State newState(int dimension) {
        return new Velocity(new double[dimension]);
    }

    @Override
    public String toString() {
        return (nesterov ? "nesterov" : "momentum") + "(momentum=" + momentum + ")";
    }

    private final class Velocity implements State {
        private final double[] v;

        Velocity(double[] v) {
            this.v = v;
        }

        @Override
        public void step(double[] x, double[] gradient, double lr) {
            double mu = momentum;
            if (nesterov) {
                for (int i = 0; i < x.length; i++) {
                    double g = gradient[i];
                    double vi = mu * v[i] + g;
                    v[i] = vi;
                    x[i] -= lr * (g + mu * vi);
                }
            } else {
                for (int i = 0; i < x.length; i++) {
                    double vi = mu * v[i] + gradient[i];
                    v[i] = vi;
                    x[i] -= lr * vi;
                }
            }
        }

        @Override
        public State copy() {
            return new Velocity(v.clone());
        }

        @Override
        public String toString() {
            return Momentum.this + " state";
        }
    }
}
