package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * The final loss a fitted Multi-Power Law ({@link io.github.rivervalley.simulator.fit.MultiPowerLaw}) predicts
 * after a sequence of rates, with its exact gradient.
 *
 * <p>With {@code eta_k = rates[k-1]}, {@code eta_0 = 0}, {@code S} the total area and
 * {@code D_k = eta_k + ... + eta_N} the area from step {@code k} on, the loss is
 * {@code L0 + A S^-alpha + B sum_k g_k G_k}, {@code g_k = eta_k - eta_{k-1}}, {@code G_k = 1 - (1 + x_k)^-beta},
 * {@code x_k = C eta_k^-gamma D_k}. Rate {@code eta_i} enters through {@code S}, through {@code g_i} and
 * {@code g_{i+1}}, through {@code eta_i^-gamma} in {@code x_i}, and through {@code D_k} for every
 * {@code k <= i}; the last is a running sum, so the gradient costs {@code O(steps)}. A step at rate 0
 * settles at once ({@code G = 1}), as in the law.
 */
public final class MultiPowerObjective extends ScheduleObjective.Evaluated {

    private final double l0;
    private final double a;
    private final double alpha;
    private final double b;
    private final double c;
    private final double beta;
    private final double gamma;

    /** The law's seven fitted parameters {@code L0, A, alpha, B, C, beta, gamma}. */
    public MultiPowerObjective(double[] theta) {
        Check.present("theta", theta);
        if (theta.length != 7) {
            throw new InvalidValueException("theta", theta.length + " values", "7 (L0, A, alpha, B, C, beta, gamma)");
        }
        l0 = theta[0];
        a = theta[1];
        alpha = theta[2];
        b = theta[3];
        c = theta[4];
        beta = theta[5];
        gamma = theta[6];
    }

    @Override
    protected double evaluate(double[] rates, double[] gradient) {
        int n = rates.length;
        double total = 0;
        for (double r : rates) {
            total += r; // in order, as the law sums its prefix
        }
        double sum = 0;
        double before = 0; // S_{k-1}
        double running = 0; // sum over k <= i of g_k G'_k C eta_k^-gamma: d(B-part)/dD_k, accumulated
        for (int k = 1; k <= n; k++) {
            double eta = rates[k - 1];
            double gap = eta - (k == 1 ? 0.0 : rates[k - 2]);
            double g;
            double slope; // dG/dx
            double q; // C eta^-gamma
            double x;
            if (eta > 0) {
                q = c * Math.exp(-gamma * Math.log(eta));
                x = q * (total - before);
                double logY = Math.log(1 + x);
                double p = Math.exp(-beta * logY);
                g = 1 - p;
                slope = beta * p / (1 + x);
            } else {
                q = 0;
                x = 0;
                g = 1;
                slope = 0;
            }
            sum += gap * g;
            before += eta;
            if (gradient != null) {
                running += gap * slope * q;
                double own = eta > 0 ? gap * slope * (-gamma * x / eta) : 0;
                gradient[k - 1] = b * (g + own + running);
                if (k > 1) {
                    gradient[k - 2] -= b * g; // g_k = eta_k - eta_{k-1}
                }
            }
        }
        double power = Math.exp(-alpha * Math.log(total));
        if (gradient != null) {
            double river = -alpha * a * power / total;
            for (int i = 0; i < n; i++) {
                gradient[i] += river;
            }
        }
        return l0 + a * power + b * sum;
    }
}
