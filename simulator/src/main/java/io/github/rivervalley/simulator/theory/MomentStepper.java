package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.optim.Optimizer;

/**
 * One update of every mode's moments. A mode with position y, velocity v, curvature lambda, force f and
 * noise xi of variance s sees the gradient {@code g = lambda y + f + xi}; the optimizers (PyTorch
 * conventions, as {@link Momentum} implements them) are then linear maps of (y, v):
 * <pre>
 *   v' = lambda y + mu v + f + xi
 *   y' = (1 - p eta lambda) y - q eta v - p eta (f + xi)
 * </pre>
 * with heavy ball {@code p = 1, q = mu}, Nesterov {@code p = 1 + mu, q = mu^2}. So the mean follows the map
 * without the noise and the covariance {@code C' = A C A^T + s b b^T}, {@code A = [[1 - p eta lambda,
 * -q eta], [lambda, mu]]}, {@code b = (-p eta, 1)}. Plain GD/SGD ({@code mu = 0}) needs no velocity:
 * {@code y' = (1 - eta lambda) y - eta f}, {@code Var' = (1 - eta lambda)^2 Var + eta^2 s}, and gets its own
 * loop (the velocity moments then stay 0).
 *
 * <p>The loops run over steps outside and modes inside, over plain arrays, so the JIT can vectorise them
 * across modes; they allocate nothing.
 */
public final class MomentStepper {

    private final double[] lambda;
    private final double[] force;
    private final double[] noise;
    private final double mu;
    private final double p;
    private final double q;

    /** The stepper for {@code optimizer} (GD or momentum) on the modes of {@code system}. */
    public MomentStepper(ModeSystem system, Optimizer optimizer) {
        this.lambda = system.curvature;
        this.force = system.force;
        this.noise = system.noise;
        if (optimizer instanceof GradientDescent) {
            this.mu = 0.0;
        } else if (optimizer instanceof Momentum momentum) {
            this.mu = momentum.momentum();
        } else {
            throw new InvalidValueException("optimizer", optimizer, "gd, sgd, momentum or nesterov (the moment engine is exact only for those)");
        }
        boolean nesterov = optimizer instanceof Momentum m && m.nesterov();
        this.p = nesterov ? 1.0 + mu : 1.0;
        this.q = nesterov ? mu * mu : mu;
    }

    /** The momentum coefficient (0 for GD/SGD). */
    public double momentum() {
        return mu;
    }

    /** Applies the updates with rates {@code lrs[0 .. count)} to {@code state}, in order. */
    public void advance(MomentState state, double[] lrs, int count) {
        if (mu == 0.0) {
            advancePlain(state, lrs, count);
        } else {
            advanceMomentum(state, lrs, count);
        }
    }

    /**
     * The momentum recursion of one mode over all the steps, the same expressions as the loop over modes
     * (so the same bits), with the moments in locals: a few modes gain little from the vector loop.
     */
    private void advanceMomentumMode(MomentState state, int k, double[] lrs, int count) {
        double l = lambda[k];
        double s = noise[k];
        double f = force[k];
        double m = mu;
        double x = state.mx[k];
        double v = state.mv[k];
        double c11 = state.cxx[k];
        double c12 = state.cxv[k];
        double c22 = state.cvv[k];
        for (int t = 0; t < count; t++) {
            double eta = lrs[t];
            double a12 = -q * eta;
            double b1 = -p * eta;
            double a12a12 = a12 * a12;
            double a12m = a12 * m;
            double b1b1 = b1 * b1;
            double a11 = 1.0 - p * eta * l;
            double nx = a11 * x + a12 * v + b1 * f;
            v = l * x + m * v + f;
            x = nx;
            double n11 = a11 * (a11 * c11 + 2.0 * a12 * c12) + a12a12 * c22 + b1b1 * s;
            double n12 = a11 * (l * c11 + m * c12) + l * a12 * c12 + a12m * c22 + b1 * s;
            c22 = l * (l * c11 + 2.0 * m * c12) + m * m * c22 + s;
            c11 = n11;
            c12 = n12;
        }
        state.mx[k] = x;
        state.mv[k] = v;
        state.cxx[k] = c11;
        state.cxv[k] = c12;
        state.cvv[k] = c22;
    }

    private void advancePlain(MomentState state, double[] lrs, int count) {
        double[] mx = state.mx;
        double[] cxx = state.cxx;
        int n = lambda.length;
        for (int t = 0; t < count; t++) {
            double eta = lrs[t];
            double eta2 = eta * eta;
            for (int k = 0; k < n; k++) {
                double a = 1.0 - eta * lambda[k];
                mx[k] = a * mx[k] - eta * force[k];
                cxx[k] = a * a * cxx[k] + eta2 * noise[k];
            }
        }
    }

    /** Modes up to which the step loop runs mode by mode, keeping each mode's moments in registers. */
    private static final int FEW_MODES = 8;

    private void advanceMomentum(MomentState state, double[] lrs, int count) {
        if (lambda.length <= FEW_MODES) {
            for (int k = 0; k < lambda.length; k++) {
                advanceMomentumMode(state, k, lrs, count);
            }
            return;
        }
        double[] mx = state.mx;
        double[] mv = state.mv;
        double[] cxx = state.cxx;
        double[] cxv = state.cxv;
        double[] cvv = state.cvv;
        int n = lambda.length;
        double m = mu;
        for (int t = 0; t < count; t++) {
            double eta = lrs[t];
            double a12 = -q * eta;
            double b1 = -p * eta;
            double a12a12 = a12 * a12;
            double a12m = a12 * m;
            double b1b1 = b1 * b1;
            for (int k = 0; k < n; k++) {
                double l = lambda[k];
                double s = noise[k];
                double f = force[k];
                double a11 = 1.0 - p * eta * l;
                double x = mx[k];
                double v = mv[k];
                mx[k] = a11 * x + a12 * v + b1 * f;
                mv[k] = l * x + m * v + f;
                double c11 = cxx[k];
                double c12 = cxv[k];
                double c22 = cvv[k];
                cxx[k] = a11 * (a11 * c11 + 2.0 * a12 * c12) + a12a12 * c22 + b1b1 * s;
                cxv[k] = a11 * (l * c11 + m * c12) + l * a12 * c12 + a12m * c22 + b1 * s;
                cvv[k] = l * (l * c11 + 2.0 * m * c12) + m * m * c22 + s;
            }
        }
    }
}
