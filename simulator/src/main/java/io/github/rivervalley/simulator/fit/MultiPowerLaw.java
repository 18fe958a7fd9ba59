package io.github.rivervalley.simulator.fit;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The Multi-Power Law of Luo et al. 2025 (arXiv 2503.12811), as its authors evaluate it:
 * <pre>
 *   L(s) = L0 + A S(s)^-alpha + B sum_{k=1..s} (eta_k - eta_{k-1}) (1 - (1 + C eta_k^-gamma (S(s) - S(k-1)))^-beta)
 * </pre>
 * with {@code eta_0 = 0} (the state before training), {@code eta_k} the rate of update {@code k-1} in
 * this package's convention, and {@code S(i) = eta_0 + ... + eta_i} the learning-rate area (warmup
 * included). The sum is over rate changes; a falling rate gives a negative term, i.e. a loss drop that
 * grows as learning-rate area accumulates after it. Rates are in their own units (not normalized), as
 * in the published parameters. Cost: rows times changing steps per evaluation; rows run in parallel,
 * each summed in a fixed order, so results do not depend on the thread count.
 */
public final class MultiPowerLaw implements Law {

    /** The law's name in commands and files. */
    public static final String NAME = "mpl";

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("L0", "loss floor the power law decays to", -1e3, 1e3, false, 0, 1),
            new Parameter("A", "amplitude of the power law in the learning-rate area S", 1e-9, 1e6, true, 1e-9, 1e6),
            new Parameter("alpha", "exponent of the power law in S", 1e-4, 10, true, 1e-4, 10),
            new Parameter("B", "loss drop per unit of learning-rate decrease, once settled", 1e-9, 1e9, true, 1e-9, 1e9),
            new Parameter("C", "speed at which a drop settles (with gamma)", 1e-9, 1e9, true, 1e-9, 1e9),
            new Parameter("beta", "power of the settling of a drop", 1e-4, 10, true, 1e-4, 10),
            new Parameter("gamma", "how the settling speed depends on the rate after the drop", 1e-4, 10, true, 1e-4, 10));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public void predict(double[] theta, Curve curve, double[] out, double[][] jacobian) {
        double l0 = theta[0];
        double a = theta[1];
        double alpha = theta[2];
        double b = theta[3];
        double c = theta[4];
        double beta = theta[5];
        double gamma = theta[6];
        int n = curve.updates();
        double[] rates = curve.rates();
        // prefix[i] = S(i) = eta_0 + ... + eta_i with eta_0 = 0 and eta_i = rates[i-1], summed in order as published
        double[] prefix = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            prefix[i] = prefix[i - 1] + rates[i - 1];
        }
        // the steps k where the rate changes: their gap, eta_k^-gamma and its log-derivative
        int changes = 0;
        for (int k = 1; k <= n; k++) {
            if (rates[k - 1] != (k == 1 ? 0.0 : rates[k - 2])) {
                changes++;
            }
        }
        int[] at = new int[changes];
        double[] gap = new double[changes];
        double[] q = new double[changes]; // C eta_k^-gamma
        double[] logEta = new double[changes];
        int j = 0;
        for (int k = 1; k <= n; k++) {
            double eta = rates[k - 1];
            double before = k == 1 ? 0.0 : rates[k - 2];
            if (eta != before) {
                at[j] = k;
                gap[j] = eta - before;
                logEta[j] = eta > 0 ? Math.log(eta) : 0;
                q[j] = eta > 0 ? c * Math.exp(-gamma * logEta[j]) : Double.POSITIVE_INFINITY; // C eta_k^-gamma
                j++;
            }
        }
        long[] steps = curve.steps();
        IntStream.range(0, steps.length).parallel().forEach(row -> {
            int s = (int) steps[row];
            double total = prefix[s];
            double sum = 0;
            double sumC = 0;
            double sumBeta = 0;
            double sumGamma = 0;
            for (int i = 0; i < at.length && at[i] <= s; i++) {
                if (q[i] == Double.POSITIVE_INFINITY) {
                    sum += gap[i]; // a step at rate 0 settles at once: G = 1
                    continue;
                }
                double d = total - prefix[at[i] - 1];
                double x = q[i] * d;
                double logY = Math.log(1 + x); // as published: (1 + x)^-beta; Math.log is an intrinsic, log1p is not
                double p = Math.exp(-beta * logY);
                sum += gap[i] * (1 - p);
                if (jacobian != null) {
                    double w = gap[i] * beta * p / (1 + x);
                    sumC += w * x;
                    sumBeta += gap[i] * p * logY;
                    sumGamma -= w * x * logEta[i];
                }
            }
            double power = Math.exp(-alpha * Math.log(total));
            out[row] = l0 + a * power + b * sum;
            if (jacobian != null) {
                double[] g = jacobian[row];
                g[0] = 1;
                g[1] = power;
                g[2] = -a * power * Math.log(total);
                g[3] = sum;
                g[4] = b * sumC / c;
                g[5] = b * sumBeta;
                g[6] = b * sumGamma;
            }
        });
    }

    @Override
    public double[][] startBox(List<Curve> curves) {
        double m = Fits.minLoss(curves);
        double peak = Fits.peakRate(curves);
        return new double[][] {
            {0.5 * m, 0.02 * m, 0.2, 0.02 * m / peak, 0.01 / Math.sqrt(peak), 0.2, 0.2},
            {0.95 * m, 0.5 * m, 1.0, 1.0 * m / peak, 1.0 / Math.sqrt(peak), 1.0, 0.9}
        };
    }
}
