package io.github.rivervalley.simulator.optim;

import io.github.rivervalley.landscapes.check.Check;

/**
 * Adam (Kingma and Ba 2015) with bias correction, and AdamW (Loshchilov and Hutter 2019) when
 * {@code weightDecay > 0}:
 * <pre>
 *   m <- b1 m + (1 - b1) g;   v <- b2 v + (1 - b2) g^2
 *   x <- x - lr (mhat / (sqrt(vhat) + eps) + weightDecay x),   mhat = m/(1 - b1^t), vhat = v/(1 - b2^t)
 * </pre>
 * The decay is decoupled from the gradient (it never enters m or v) and scaled by the scheduled LR, as in
 * PyTorch's AdamW. Because of the bias correction the first update is exactly {@code -lr g/(|g| + eps)}
 * per coordinate (up to rounding of {@code (1-b1) g / (1-b1)}).
 *
 * @param beta1 first-moment decay in [0, 1) (paper default 0.9)
 * @param beta2 second-moment decay in [0, 1) (paper default 0.999)
 * @param epsilon added to the root of the second moment, > 0 (paper default 1e-8)
 * @param weightDecay decoupled weight decay >= 0 (0 for Adam)
 */
public record Adam(double beta1, double beta2, double epsilon, double weightDecay) implements Optimizer {

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;
    /** PyTorch's AdamW default. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    public Adam {
        Check.inHalfOpenRange("beta1", beta1, 0.0, 1.0);
        Check.inHalfOpenRange("beta2", beta2, 0.0, 1.0);
        Check.positive("epsilon", epsilon);
        Check.nonNegative("weightDecay", weightDecay);
    }

    @Override
    public State newState(int dimension) {
        return new Moments(new double[dimension], new double[dimension], 1.0, 1.0);
    }

    @Override
    public String toString() {
        return (weightDecay > 0 ? "adamw" : "adam") + "(beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + (weightDecay > 0 ? ", weightDecay=" + weightDecay : "") + ")";
    }

    private final class Moments implements State {
        private final double[] m;
        private final double[] v;
        /** {@code b1^t} and {@code b2^t} after t updates, kept as running products. */
        private double beta1Power;
        private double beta2Power;

        Moments(double[] m, double[] v, double beta1Power, double beta2Power) {
            this.m = m;
            this.v = v;
            this.beta1Power = beta1Power;
            this.beta2Power = beta2Power;
        }

        @Override
        public void step(double[] x, double[] gradient, double lr) {
            beta1Power *= beta1;
            beta2Power *= beta2;
            double c1 = 1.0 - beta1Power;
            double c2 = 1.0 - beta2Power;
            double b1 = beta1;
            double b2 = beta2;
            double decay = lr * weightDecay;
            for (int i = 0; i < x.length; i++) {
                double g = gradient[i];
                double mi = b1 * m[i] + (1.0 - b1) * g;
                double vi = b2 * v[i] + (1.0 - b2) * g * g;
                m[i] = mi;
                v[i] = vi;
                double update = (mi / c1) / (Math.sqrt(vi / c2) + epsilon);
                x[i] -= lr * update + decay * x[i];
            }
        }

        @Override
        public boolean preconditioner(double[] out) {
            // Before the first update there is no second moment, so no preconditioner to speak of. After it,
            // the next update divides by sqrt(vhat) + eps with vhat corrected for t+1 steps; using the current
            // correction is the usual approximation and exact once b2^t is negligible.
            if (beta2Power == 1.0) {
                return false;
            }
            double c2 = 1.0 - beta2Power;
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.sqrt(v[i] / c2) + epsilon;
            }
            return true;
        }

        @Override
        public State copy() {
            return new Moments(m.clone(), v.clone(), beta1Power, beta2Power);
        }

        @Override
        public String toString() {
            return Adam.this + " state";
        }
    }
}
