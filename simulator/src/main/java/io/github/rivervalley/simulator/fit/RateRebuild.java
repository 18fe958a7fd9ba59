package io.github.rivervalley.simulator.fit;

import java.util.List;

/**
 * Rebuilds the per-update learning rate from a curve's {@code lr} column when no schedule is given.
 * The value at a row at step {@code s} is taken as the rate of update {@code s-1}; between two rows the
 * rate is interpolated linearly in the step; before the first row it rises linearly from 0 (a linear
 * warmup ending at the first row). Exact for rows every step; for sparse rows exact only where the
 * schedule is linear between rows, so a warning is added when it visibly is not.
 */
public final class RateRebuild {

    /** Deviation from linearity between rows, as a fraction of the peak rate, that triggers a warning. */
    public static final double NONLINEAR = 0.01;

    private RateRebuild() {
    }

    /** The rates of updates {@code 0 .. last step - 1}; warnings (if any) are added to {@code warnings}. */
    public static double[] rebuild(CurveCsv.Rows rows, List<String> warnings) {
        long[] steps = rows.steps();
        double[] lr = rows.lr();
        int n = Math.toIntExact(steps[steps.length - 1]);
        double[] rates = new double[n];
        double peak = 0;
        for (double r : lr) {
            peak = Math.max(peak, r);
        }
        long first = steps[0];
        for (int t = 0; t < first; t++) {
            rates[t] = lr[0] * (t + 1) / first;
        }
        for (int i = 1; i < steps.length; i++) {
            long a = steps[i - 1];
            long b = steps[i];
            for (long t = a; t < b; t++) {
                double u = (double) (t + 1 - a) / (b - a);
                rates[(int) t] = lr[i - 1] + (lr[i] - lr[i - 1]) * u;
            }
        }
        if (first > 1) {
            warnings.add(rows.file() + ": rows start at step " + first + "; the rates before it are taken as a linear warmup from 0");
        }
        double worst = 0;
        int at = -1;
        for (int i = 1; i + 1 < steps.length; i++) {
            if (steps[i + 1] - steps[i - 1] <= 2) {
                continue; // rows every step: nothing is interpolated
            }
            double w = (double) (steps[i] - steps[i - 1]) / (steps[i + 1] - steps[i - 1]);
            double linear = lr[i - 1] + (lr[i + 1] - lr[i - 1]) * w;
            double dev = Math.abs(lr[i] - linear);
            if (dev > worst) {
                worst = dev;
                at = i;
            }
        }
        if (peak > 0 && worst > NONLINEAR * peak) {
            warnings.add(rows.file() + ": rows are too sparse to rebuild the learning rate exactly: it bends between rows (by "
                    + String.format("%.1f", 100 * worst / peak) + "% of the peak near row " + rows.fileRows()[at] + ", step " + steps[at]
                    + "); give the exact schedule as CURVE.csv=SCHEDULE.yaml");
        }
        return rates;
    }
}
