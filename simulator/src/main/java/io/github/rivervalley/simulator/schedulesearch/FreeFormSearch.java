package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.spec.PiecewiseScheduleSpec;
import io.github.rivervalley.simulator.theory.MomentAdjoint;
import java.util.Arrays;
import java.util.List;

/**
 * Projected-gradient search over the knots of a {@link KnotSchedule}: each iterate is projected onto the
 * constraints (ratios clipped to {@code [lowestRatio, 1]}; with {@code nonIncreasing}, first the nearest
 * non-increasing sequence by pool-adjacent-violators, which clipping keeps non-increasing), so no iterate
 * ever violates them. Step sizes: Barzilai-Borwein, with Armijo backtracking so the loss never rises.
 * Deterministic: no randomness anywhere.
 */
public final class FreeFormSearch {

    /** Stop when the loss has improved by less than this (relative) over {@link #PATIENCE} iterations. */
    private static final double TOLERANCE = 1e-12;
    private static final int PATIENCE = 20;

    /** The result: the knots, their piecewise spec and rates, the expected final loss, the iterations used. */
    public record Result(double[] knots, PiecewiseScheduleSpec spec, double[] rates, double loss, int iterations) {
    }

    private final ScheduleObjective objective;
    private final KnotSchedule schedule;
    private final double[] rateGradient;

    public FreeFormSearch(ScheduleObjective objective, KnotSchedule schedule) {
        this.objective = Check.present("objective", objective);
        this.schedule = Check.present("schedule", schedule);
        this.rateGradient = new double[(int) schedule.bounds().steps()];
    }

    /** On the exact expected loss of a valley run. */
    public FreeFormSearch(MomentAdjoint adjoint, KnotSchedule schedule) {
        this(ScheduleObjective.of(adjoint), schedule);
    }

    /** Searches for at most {@code maxIterations} iterations from the peak held to the end. */
    public Result search(int maxIterations) {
        double[] peak = new double[schedule.knots()];
        Arrays.fill(peak, 1.0);
        return search(maxIterations, peak);
    }

    /**
     * Searches from each start (knot ratios, projected first) and returns the best result. The expected
     * loss is not convex in the rates: holding the peak is a stationary point of the knots whenever every
     * single knot's rate still buys more river progress than it costs in hill excess, although a long decay
     * would pay; starting also from the best family members (their rates at the knots) finds those basins.
     */
    public Result search(int maxIterations, List<double[]> starts) {
        Result best = null;
        for (double[] start : starts) {
            Result r = search(maxIterations, start);
            if (best == null || r.loss() < best.loss()) {
                best = r;
            }
        }
        return best;
    }

    /** {@link #search(int, List)} from the peak held to the end and from each family member's rates at the knots. */
    public Result searchFrom(int maxIterations, List<FamilySearch.Candidate> families) {
        List<double[]> starts = new java.util.ArrayList<>();
        double[] peak = new double[schedule.knots()];
        Arrays.fill(peak, 1.0);
        starts.add(peak);
        for (FamilySearch.Candidate c : families) {
            starts.add(schedule.knotsOf(c.rates()));
        }
        return search(maxIterations, starts);
    }

    private Result search(int maxIterations, double[] start) {
        int n = schedule.knots();
        double[] x = start.clone();
        project(x);
        double[] g = new double[n];
        double f = evaluate(x, g);
        double step = 0.01 / Math.max(norm(g), Double.MIN_NORMAL);
        double[] trial = new double[n];
        double[] gTrial = new double[n];
        double best = f;
        int stale = 0;
        int iteration = 0;
        while (iteration < maxIterations && stale < PATIENCE) {
            iteration++;
            double fTrial;
            double decrease;
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] - step * g[i];
                }
                project(trial);
                decrease = 0.0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (trial[i] - x[i]);
                }
                if (decrease >= 0) { // the projected direction does not descend: x is stationary
                    return result(x, f, iteration);
                }
                fTrial = evaluate(trial, gTrial);
                if (fTrial <= f + 1e-4 * decrease || step < 1e-30) {
                    break;
                }
                step *= 0.5;
            }
            double ss = 0.0;
            double sy = 0.0;
            for (int i = 0; i < n; i++) {
                double s = trial[i] - x[i];
                ss += s * s;
                sy += s * (gTrial[i] - g[i]);
            }
            step = sy > 0 ? ss / sy : step * 2;
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(gTrial, 0, g, 0, n);
            stale = best - fTrial > TOLERANCE * Math.abs(best) ? 0 : stale + 1;
            best = Math.min(best, fTrial);
            f = fTrial;
        }
        return result(x, f, iteration);
    }

    private Result result(double[] x, double f, int iterations) {
        return new Result(x.clone(), schedule.spec(x), schedule.rates(x), f, iterations);
    }

    private double evaluate(double[] knots, double[] gradient) {
        double loss = objective.lossAndGradient(schedule.rates(knots), rateGradient);
        schedule.knotGradient(rateGradient, gradient);
        return loss;
    }

    /** The nearest point of the constraint set (Euclidean, in ratio space). */
    void project(double[] r) {
        if (schedule.bounds().nonIncreasing()) {
            nonIncreasing(r);
        }
        double lo = schedule.bounds().lowestRatio();
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.min(1.0, Math.max(lo, r[i]));
        }
    }

    /** Pool adjacent violators: the nearest non-increasing sequence, in place. */
    static void nonIncreasing(double[] y) {
        int n = y.length;
        double[] value = new double[n];
        int[] count = new int[n];
        int m = 0;
        for (double yi : y) {
            value[m] = yi;
            count[m] = 1;
            m++;
            while (m > 1 && value[m - 2] < value[m - 1]) {
                int c = count[m - 2] + count[m - 1];
                value[m - 2] = (value[m - 2] * count[m - 2] + value[m - 1] * count[m - 1]) / c;
                count[m - 2] = c;
                m--;
            }
        }
        int i = 0;
        for (int b = 0; b < m; b++) {
            for (int k = 0; k < count[b]; k++) {
                y[i++] = value[b];
            }
        }
    }

    private static double norm(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
