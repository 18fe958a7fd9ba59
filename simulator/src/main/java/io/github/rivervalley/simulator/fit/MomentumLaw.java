package io.github.rivervalley.simulator.fit;

import java.util.List;
import java.util.Map;

/**
 * The momentum law of Tissue et al. 2024 (arXiv 2408.11029): {@code L(s) = L0 + A S1^-alpha - C S2}
 * with the forward area {@code S1 = eta_1 + ... + eta_s} and the annealing area in its momentum form
 * {@code S2 = m_1 + ... + m_s}, {@code m_i = lambda m_{i-1} + (eta_{i-1} - eta_i)}, {@code m_0 = 0}.
 * As for {@link MultiPowerLaw}, {@code eta_0 = 0} and {@code eta_i} is the rate of update {@code i-1},
 * so a warmup enters {@code S2} as negative annealing. The decay factor {@code lambda} is the
 * authors' default 0.999, a constant of the law (not fitted). Rates are in their own units.
 */
public final class MomentumLaw implements Law {

    /** The law's name in commands and files. */
    public static final String NAME = "mtl";

    /** The authors' default momentum decay factor. */
    public static final double DEFAULT_DECAY = 0.999;

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("L0", "loss floor the power law decays to", -1e3, 1e3, false, 0, 1),
            new Parameter("A", "amplitude of the power law in the forward area S1", 1e-9, 1e6, true, 1e-9, 1e6),
            new Parameter("alpha", "exponent of the power law in S1", 1e-4, 10, true, 1e-4, 10),
            new Parameter("C", "loss drop per unit of annealing area S2", -1e9, 1e9, false, 0, 1));

    private final double decay;

    /** The law with the authors' decay factor 0.999. */
    public MomentumLaw() {
        this(DEFAULT_DECAY);
    }

    /** The law with momentum decay factor {@code decay} in [0, 1). */
    public MomentumLaw(double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new io.github.rivervalley.landscapes.check.InvalidValueException("decay", decay, "a momentum factor in [0, 1)");
        }
        this.decay = decay;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Map<String, Double> constants() {
        return Map.of("decay", decay);
    }

    @Override
    public void predict(double[] theta, Curve curve, double[] out, double[][] jacobian) {
        double l0 = theta[0];
        double a = theta[1];
        double alpha = theta[2];
        double c = theta[3];
        double[] rates = curve.rates();
        long[] steps = curve.steps();
        double s1 = 0;
        double s2 = 0;
        double m = 0;
        double previous = 0;
        int row = 0;
        for (int i = 1; row < steps.length; i++) {
            double eta = rates[i - 1];
            m = decay * m + (previous - eta);
            previous = eta;
            s1 += eta;
            s2 += m;
            if (i == steps[row]) {
                double power = Math.exp(-alpha * Math.log(s1));
                out[row] = l0 + a * power - c * s2;
                if (jacobian != null) {
                    double[] g = jacobian[row];
                    g[0] = 1;
                    g[1] = power;
                    g[2] = -a * power * Math.log(s1);
                    g[3] = -s2;
                }
                row++;
            }
        }
    }

    @Override
    public double[][] startBox(List<Curve> curves) {
        double m = Fits.minLoss(curves);
        double area = Fits.peakRate(curves) / (1 - decay);
        return new double[][] {{0.5 * m, 0.02 * m, 0.2, 0.01 * m / area}, {0.95 * m, 0.5 * m, 1.0, 0.3 * m / area}};
    }
}
