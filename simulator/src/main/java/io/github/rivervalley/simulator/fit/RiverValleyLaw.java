package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our law: the loss is a river part plus a hill part.
 *
 * <ul>
 *   <li>River: {@code L_inf + A (tau / tau_ref)^-alpha}, a power law in the intrinsic time
 *       {@code tau = (eta_0 + ... + eta_{s-1}) / eta_ref} (learning-rate area in steps at the reference
 *       rate, the river progress of a valley whose floor flattens).</li>
 *   <li>Hill: the exact expected excess of quadratic hill modes under noisy SGD, propagated through
 *       every step: {@code e_{t+1} = (1 - eta_t lambda)^2 e_t + eta_t^2 lambda s / 2}, from
 *       {@code e_0 = 0}. A mode is written with two well-scaled numbers instead of {@code (lambda, s)}:
 *       its relaxation time at the reference rate {@code T = 1 / (2 eta_ref lambda)} (in steps) and its
 *       stationary excess at that rate {@code E = eta_ref s / (2 (2 - eta_ref lambda))}. With
 *       {@code x_t = eta_t / eta_ref} the step is
 *       {@code e_{t+1} = (1 - x_t/(2T))^2 e_t + x_t^2 E (4T - 1) / (4T^2)}.</li>
 * </ul>
 *
 * <p>Hill structure: either {@code modes} free modes (parameters {@code E, T} for one mode, or
 * {@code E1, T1, E2, T2}), or a spectrum of {@code spectrum} modes with relaxation times spaced
 * geometrically from {@code Tfast} to {@code Tslow}, sharing the stationary excess {@code E} equally
 * (three parameters however many modes). The reference rate is the peak rate of the fitted curves; the
 * reference time is where the river's amplitude {@code A} is read (the geometric middle of the fitted
 * rows' intrinsic times), which decorrelates {@code A} from {@code alpha}.
 */
public final class RiverValleyLaw implements Law {

    /** The law's name in commands and files. */
    public static final String NAME = "river-valley";

    /**
     * The default number of hill modes: two free modes (a fast and a slow one; seven parameters in all).
     * On the shipped protocols they predict the held-out curves better on average than one mode or a
     * spectrum of 3 to 8 modes; docs/fit.md has the comparison.
     */
    public static final int DEFAULT_MODES = 2;

    private final double referenceRate;
    private final double referenceTime;
    private final int modes;
    private final boolean spectrum;
    private final boolean offset;
    /** Index of the first hill parameter (after the river's). */
    private final int h0;
    private final List<Parameter> parameters;

    /**
     * @param referenceRate the rate {@code E} and {@code T} refer to (> 0), usually the peak
     * @param referenceTime the intrinsic time (steps at the reference rate) where {@code A} is read (> 0)
     * @param modes the number of hill modes (1 to 16)
     * @param spectrum whether the modes form a geometric spectrum described by {@code E, Tfast, Tslow}
     *     (needs at least 2 modes) rather than each having its own {@code E, T}
     * @param offset whether the river's power law has a fitted time offset {@code tau0}:
     *     {@code A ((tau + tau0) / tau_ref)^-alpha}
     */
    public RiverValleyLaw(double referenceRate, double referenceTime, int modes, boolean spectrum, boolean offset) {
        if (!(referenceRate > 0) || Double.isInfinite(referenceRate)) {
            throw new InvalidValueException("referenceRate", referenceRate, "a finite rate > 0");
        }
        if (!(referenceTime > 0) || Double.isInfinite(referenceTime)) {
            throw new InvalidValueException("referenceTime", referenceTime, "a finite time > 0");
        }
        if (modes < 1 || modes > 16 || (spectrum && modes < 2) || (!spectrum && modes > 2)) {
            throw new InvalidValueException("modes", modes, "1 or 2 free modes, or 2 to 16 modes in a spectrum");
        }
        this.referenceRate = referenceRate;
        this.referenceTime = referenceTime;
        this.modes = modes;
        this.spectrum = spectrum;
        this.offset = offset;
        this.h0 = offset ? 4 : 3;
        List<Parameter> ps = new ArrayList<>();
        ps.add(new Parameter("Linf", "river loss as the learning-rate area grows without bound", -1e3, 1e3, false, 0, 1));
        ps.add(new Parameter("A", "river loss above Linf at the reference time", 1e-12, 1e6, true, 1e-12, 1e6));
        ps.add(new Parameter("alpha", "exponent of the river's power law in intrinsic time", 1e-4, 10, true, 1e-4, 10));
        if (offset) {
            ps.add(new Parameter("tau0", "time offset of the river's power law, in steps at the reference rate", 1e-9, 1e9, true, 1e-9, 1e9));
        }
        String excess = "stationary hill excess at the reference rate";
        String time = "hill relaxation time at the reference rate, in steps";
        if (spectrum) {
            ps.add(new Parameter("E", excess + " (all modes)", 1e-12, 1e6, true, 1e-12, 1e6));
            ps.add(new Parameter("Tfast", time + " (fastest mode)", 0.5, 1e9, true, 0.5, 1e9));
            ps.add(new Parameter("Tslow", time + " (slowest mode)", 0.5, 1e9, true, 0.5, 1e9));
        } else if (modes == 1) {
            ps.add(new Parameter("E", excess, 1e-12, 1e6, true, 1e-12, 1e6));
            ps.add(new Parameter("T", time, 0.5, 1e9, true, 0.5, 1e9));
        } else {
            for (int j = 1; j <= modes; j++) {
                ps.add(new Parameter("E" + j, excess + " (mode " + j + ")", 1e-12, 1e6, true, 1e-12, 1e6));
                ps.add(new Parameter("T" + j, time + " (mode " + j + ")", 0.5, 1e9, true, 0.5, 1e9));
            }
        }
        this.parameters = List.copyOf(ps);
    }


    /** A law of the same structure and reference rate, with the reference time the middle of {@code curves}' rows. */
    public RiverValleyLaw referencedTo(List<Curve> curves) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Curve c : curves) {
            double[] tau = intrinsicTimes(c, referenceRate);
            lo = Math.min(lo, tau[0]);
            hi = Math.max(hi, tau[tau.length - 1]);
        }
        return new RiverValleyLaw(referenceRate, Math.sqrt(lo * hi), modes, spectrum, offset);
    }

    /** The intrinsic time at every row: the rate area before it in steps at {@code rate}. */
    public static double[] intrinsicTimes(Curve curve, double rate) {
        double[] tau = new double[curve.size()];
        double area = 0;
        int row = 0;
        long[] steps = curve.steps();
        for (int t = 0; row < steps.length; t++) {
            area += curve.rates()[t];
            if (t + 1 == steps[row]) {
                tau[row++] = area / rate;
            }
        }
        return tau;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Map<String, Double> constants() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("referenceRate", referenceRate);
        m.put("referenceTime", referenceTime);
        m.put("modes", (double) modes);
        m.put("spectrum", spectrum ? 1.0 : 0.0);
        m.put("riverOffset", offset ? 1.0 : 0.0);
        return m;
    }

    /** The law these constants describe (the inverse of {@link #constants()}). */
    public static RiverValleyLaw of(Map<String, Double> constants) {
        return new RiverValleyLaw(constants.get("referenceRate"), constants.get("referenceTime"),
                constants.get("modes").intValue(), constants.get("spectrum") != 0, constants.getOrDefault("riverOffset", 0.0) != 0);
    }

    /** The reference rate {@code eta_ref}. */
    public double referenceRate() {
        return referenceRate;
    }

    /** The number of hill modes. */
    public int modes() {
        return modes;
    }

    /** Per mode its stationary excess {@code E_j} and relaxation time {@code T_j}: {@code {E[], T[]}}. */
    public double[][] modeValues(double[] theta) {
        double[][] et = new double[2][modes];
        modes(theta, et[0], et[1], null, null);
        return et;
    }

    /** Fills each mode's E and T, and their derivatives with respect to the hill parameters when asked. */
    private void modes(double[] theta, double[] e, double[] t, double[][] de, double[][] dt) {
        if (!spectrum) {
            for (int j = 0; j < modes; j++) {
                e[j] = theta[h0 + 2 * j];
                t[j] = theta[h0 + 1 + 2 * j];
                if (de != null) {
                    de[j][2 * j] = 1;
                    dt[j][2 * j + 1] = 1;
                }
            }
            return;
        }
        double total = theta[h0];
        double fast = theta[h0 + 1];
        double slow = theta[h0 + 2];
        for (int j = 0; j < modes; j++) {
            double w = j / (double) (modes - 1);
            e[j] = total / modes;
            t[j] = Math.exp((1 - w) * Math.log(fast) + w * Math.log(slow));
            if (de != null) {
                de[j][0] = 1.0 / modes;
                dt[j][1] = t[j] * (1 - w) / fast;
                dt[j][2] = t[j] * w / slow;
            }
        }
    }

    @Override
    public void predict(double[] theta, Curve curve, double[] out, double[][] jacobian) {
        int hillParams = parameters.size() - h0;
        double[] e = new double[modes];
        double[] t = new double[modes];
        double[][] de = new double[modes][hillParams];
        double[][] dt = new double[modes][hillParams];
        modes(theta, e, t, de, dt);
        double[] tau = intrinsicTimes(curve, referenceRate);
        int rows = curve.size();
        double shift = offset ? theta[3] : 0;
        for (int i = 0; i < rows; i++) {
            double logTau = Math.log((tau[i] + shift) / referenceTime);
            double power = Math.exp(-theta[2] * logTau);
            out[i] = theta[0] + theta[1] * power;
            if (jacobian != null) {
                double[] g = jacobian[i];
                java.util.Arrays.fill(g, 0);
                g[0] = 1;
                g[1] = power;
                g[2] = -theta[1] * power * logTau;
                if (offset) {
                    g[3] = -theta[2] * theta[1] * power / (tau[i] + shift);
                }
            }
        }
        double[] excess = new double[rows];
        double[] slope = new double[rows];
        for (int j = 0; j < modes; j++) {
            hillExcess(curve, e[j], t[j], excess, jacobian == null ? null : slope);
            for (int i = 0; i < rows; i++) {
                out[i] += excess[i];
                if (jacobian != null) {
                    for (int k = 0; k < hillParams; k++) {
                        jacobian[i][h0 + k] += excess[i] / e[j] * de[j][k] + slope[i] * dt[j][k];
                    }
                }
            }
        }
    }

    /**
     * One mode's expected excess at every row into {@code excess}, and its derivative with respect to
     * {@code T} into {@code slope} when not null (forward mode through the recursion).
     */
    private void hillExcess(Curve curve, double e, double t, double[] excess, double[] slope) {
        double[] rates = curve.rates();
        long[] steps = curve.steps();
        double gain = e * (4 * t - 1) / (4 * t * t);      // b_t / x_t^2
        double gainSlope = e * (1 - 2 * t) / (2 * t * t * t); // d gain / dT
        double v = 0;
        double dv = 0;
        int row = 0;
        for (int step = 0; row < steps.length; step++) {
            double x = rates[step] / referenceRate;
            double keep = 1 - x / (2 * t);
            if (slope != null) {
                dv = keep * keep * dv + 2 * keep * x / (2 * t * t) * v + x * x * gainSlope;
            }
            v = keep * keep * v + x * x * gain;
            if (step + 1 == steps[row]) {
                excess[row] = v;
                if (slope != null) {
                    slope[row] = dv;
                }
                row++;
            }
        }
    }

    @Override
    public int[] canonicalOrder(double[] theta) {
        int[] order = Law.super.canonicalOrder(theta);
        if (!spectrum && modes == 2 && theta[h0 + 3] < theta[h0 + 1]) {
            order[h0] = h0 + 2;
            order[h0 + 1] = h0 + 3;
            order[h0 + 2] = h0;
            order[h0 + 3] = h0 + 1;
        }
        return order;
    }

    @Override
    public List<String> parts() {
        return List.of("river", "hill");
    }

    @Override
    public double[][] decompose(double[] theta, Curve curve) {
        double[] e = new double[modes];
        double[] t = new double[modes];
        modes(theta, e, t, null, null);
        double[] tau = intrinsicTimes(curve, referenceRate);
        int rows = curve.size();
        double[][] parts = new double[2][rows];
        double[] excess = new double[rows];
        for (int i = 0; i < rows; i++) {
            parts[0][i] = theta[0] + theta[1] * Math.exp(-theta[2] * Math.log((tau[i] + (offset ? theta[3] : 0)) / referenceTime));
        }
        for (int j = 0; j < modes; j++) {
            hillExcess(curve, e[j], t[j], excess, null);
            for (int i = 0; i < rows; i++) {
                parts[1][i] += excess[i];
            }
        }
        return parts;
    }

    @Override
    public double[][] startBox(List<Curve> curves) {
        double m = Fits.minLoss(curves);
        int h = parameters.size() - h0;
        double[] lo = new double[h0 + h];
        double[] hi = new double[h0 + h];
        lo[0] = 0.5 * m;
        hi[0] = 0.95 * m;
        lo[1] = 0.01 * m;
        hi[1] = 0.3 * m;
        lo[2] = 0.1;
        hi[2] = 1.0;
        if (offset) {
            lo[3] = 1e-3 * referenceTime;
            hi[3] = 0.3 * referenceTime;
        }
        // relaxation times: free modes get consecutive slices of [1, 1e4] steps (so starts begin with
        // distinct fast and slow modes instead of two copies that later merge); a spectrum the whole range
        double slice = Math.log(1e4) / (spectrum ? 1 : modes);
        for (int k = h0; k < h0 + h; k++) {
            boolean excess = parameters.get(k).name().startsWith("E");
            int mode = spectrum ? 0 : (k - h0) / 2;
            lo[k] = excess ? 0.002 * m / modesPerExcess() : Math.exp(mode * slice);
            hi[k] = excess ? 0.1 * m / modesPerExcess() : Math.exp((mode + 1) * slice);
        }
        return new double[][] {lo, hi};
    }

    private int modesPerExcess() {
        return spectrum ? 1 : modes;
    }

    @Override
    public String toString() {
        return NAME + "[" + (spectrum ? "spectrum of " : "") + modes + " hill mode" + (modes == 1 ? "" : "s")
                + ", reference rate " + referenceRate + ", reference time " + referenceTime + "]";
    }
}
