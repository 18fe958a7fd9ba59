package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.optim.Optimizer;

/**
 * The expected loss after a sequence of rates on one line, and its exact gradient with respect to every
 * rate, by a backward (adjoint) pass through the moment recursion of {@link MomentStepper}.
 *
 * <p>Modes are independent, so the loss is a sum over modes and so is the gradient: each mode runs
 * forward keeping its own moments at every step ({@code O(steps)} memory, reused across modes), then
 * backward: with {@code s' = F(s, eta_t)} and the adjoint {@code a_t = dL/ds_t}, {@code a_t = (dF/ds)^T a_{t+1}}
 * and {@code dL/deta_t = a_{t+1} . dF/deta}. The derivatives of the map are written out in docs/theory.md
 * ("Gradient with respect to the schedule"). Cost: about three forward passes.
 */
public final class MomentAdjoint {

    private final ModeSystem system;
    private final double mu;
    private final double p;
    private final double q;
    /** Moments of one mode before every step: x, v, c11, c12, c22 (reused across modes and calls). */
    private double[] trajectory = new double[0];

    /** For the modes of {@code system} under {@code optimizer} (GD or momentum). */
    public MomentAdjoint(ModeSystem system, Optimizer optimizer) {
        this.system = Check.present("system", system);
        MomentStepper stepper = new MomentStepper(system, optimizer);
        this.mu = stepper.momentum();
        boolean nesterov = optimizer instanceof io.github.rivervalley.simulator.optim.Momentum m && m.nesterov();
        this.p = nesterov ? 1.0 + mu : 1.0;
        this.q = nesterov ? mu * mu : mu;
    }

    /** The expected loss after the updates with rates {@code lrs} from the start. */
    public double loss(double[] lrs) {
        return run(lrs, null);
    }

    /**
     * The expected loss after the updates with rates {@code lrs}, and its derivative with respect to each
     * rate written into {@code gradient} (same length).
     */
    public double lossAndGradient(double[] lrs, double[] gradient) {
        Check.present("gradient", gradient);
        if (gradient.length != lrs.length) {
            throw new InvalidValueException("gradient", "length " + gradient.length, "length " + lrs.length + " (one per rate)");
        }
        java.util.Arrays.fill(gradient, 0.0);
        return run(lrs, gradient);
    }

    private double run(double[] lrs, double[] gradient) {
        int steps = lrs.length;
        if (gradient != null && trajectory.length < 5 * steps) {
            trajectory = new double[5 * steps];
        }
        boolean linearRiver = system.river instanceof RiverProfile.Linear;
        double loss = 0.0;
        for (int k = 0; k < system.modes(); k++) {
            double lambda = system.curvature[k];
            double f = system.force[k];
            double s = system.noise[k];
            double w = system.multiplicity[k];
            double x = system.start[k];
            double v = 0.0;
            double c11 = 0.0;
            double c12 = 0.0;
            double c22 = 0.0;
            for (int t = 0; t < steps; t++) {
                if (gradient != null) {
                    int o = 5 * t;
                    trajectory[o] = x;
                    trajectory[o + 1] = v;
                    trajectory[o + 2] = c11;
                    trajectory[o + 3] = c12;
                    trajectory[o + 4] = c22;
                }
                double eta = lrs[t];
                double a11 = 1.0 - p * eta * lambda;
                double a12 = -q * eta;
                double b1 = -p * eta;
                double nx = a11 * x + a12 * v + b1 * f;
                v = lambda * x + mu * v + f;
                x = nx;
                double n11 = a11 * a11 * c11 + 2.0 * a11 * a12 * c12 + a12 * a12 * c22 + b1 * b1 * s;
                double n12 = a11 * lambda * c11 + (a11 * mu + a12 * lambda) * c12 + a12 * mu * c22 + b1 * s;
                c22 = lambda * lambda * c11 + 2.0 * lambda * mu * c12 + mu * mu * c22 + s;
                c11 = n11;
                c12 = n12;
            }
            // Final loss of this mode and its derivative with respect to the final moments.
            double gx;
            double g11;
            if (k == 0 && linearRiver) {
                loss += system.river.value(x + system.riverOffset);
                gx = f; // d(-slope x)/dx = -slope = f
                g11 = 0.0;
            } else {
                loss += w * 0.5 * lambda * (x * x + c11);
                gx = w * lambda * x;
                g11 = w * 0.5 * lambda;
            }
            if (gradient != null) {
                backward(k, lrs, gradient, gx, g11);
            }
        }
        return loss;
    }

    /** The backward pass of mode k from the adjoint (gx, 0, g11, 0, 0) of its final moments. */
    private void backward(int k, double[] lrs, double[] gradient, double gx, double g11) {
        double lambda = system.curvature[k];
        double f = system.force[k];
        double s = system.noise[k];
        double ax = gx;
        double av = 0.0;
        double a11c = g11;
        double a12c = 0.0;
        double a22c = 0.0;
        for (int t = lrs.length - 1; t >= 0; t--) {
            int o = 5 * t;
            double x = trajectory[o];
            double v = trajectory[o + 1];
            double c11 = trajectory[o + 2];
            double c12 = trajectory[o + 3];
            double c22 = trajectory[o + 4];
            double eta = lrs[t];
            double a11 = 1.0 - p * eta * lambda;
            double a12 = -q * eta;
            double b1 = -p * eta;
            double da11 = -p * lambda;
            double da12 = -q;
            double db1 = -p;
            // d(next moments)/d eta, dotted with the adjoint of the next moments (v' and c22' do not depend on eta).
            double dx = da11 * x + da12 * v + db1 * f;
            double d11 = 2.0 * a11 * da11 * c11 + 2.0 * (da11 * a12 + a11 * da12) * c12 + 2.0 * a12 * da12 * c22 + 2.0 * b1 * db1 * s;
            double d12 = da11 * lambda * c11 + (da11 * mu + da12 * lambda) * c12 + da12 * mu * c22 + db1 * s;
            gradient[t] += ax * dx + a11c * d11 + a12c * d12;
            // Adjoint of this step's moments: the transpose of the map.
            double nx = a11 * ax + lambda * av;
            double nv = a12 * ax + mu * av;
            double n11 = a11 * a11 * a11c + a11 * lambda * a12c + lambda * lambda * a22c;
            double n12 = 2.0 * a11 * a12 * a11c + (a11 * mu + a12 * lambda) * a12c + 2.0 * lambda * mu * a22c;
            double n22 = a12 * a12 * a11c + a12 * mu * a12c + mu * mu * a22c;
            ax = nx;
            av = nv;
            a11c = n11;
            a12c = n12;
            a22c = n22;
        }
    }
}
