package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.PhaseSpec;
import io.github.rivervalley.simulator.spec.PiecewiseScheduleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The free-form family: after the fixed warmup, the steps {@code [warmup, steps)} are split into K
 * segments (shorter towards the end), and the rate ratio moves linearly within segment j from knot
 * {@code r[j]} to knot {@code r[j+1]} (reaching {@code r[j+1]} on the segment's last step, the convention
 * of every schedule phase). So K segments have K + 1 knots. The schedule is a {@code piecewise} spec:
 * a linear warmup, then per segment a {@code decay}, {@code constant} or {@code rewarmup} phase (falling,
 * flat, rising); the rates the search optimises are read back from the built spec, so they are exactly
 * what {@code rivervalley run} uses.
 */
public final class KnotSchedule {

    private final Bounds bounds;
    private final long[] segmentStart;
    private final long[] segmentLength;

    /**
     * Segments for {@code bounds}: about {@code segments} of them, their boundaries at
     * {@code warmup + (steps - warmup) (1 - (1 - j/K)^2)}, so they shrink linearly towards the end of the
     * budget, down to single steps: what the last steps do matters most for the final loss.
     */
    public KnotSchedule(Bounds bounds, int segments) {
        this.bounds = bounds;
        long free = bounds.steps() - bounds.warmup();
        int k = (int) Math.max(1, Math.min(segments, free));
        long[] boundary = new long[k + 1];
        int count = 0;
        boundary[count++] = bounds.warmup();
        for (int j = 1; j <= k; j++) {
            double u = 1.0 - (double) j / k;
            long b = j == k ? bounds.steps() : bounds.warmup() + Math.round(free * (1.0 - u * u));
            if (b > boundary[count - 1]) {
                boundary[count++] = b;
            }
        }
        segmentStart = new long[count - 1];
        segmentLength = new long[count - 1];
        for (int j = 0; j < count - 1; j++) {
            segmentStart[j] = boundary[j];
            segmentLength[j] = boundary[j + 1] - boundary[j];
        }
    }

    /** Number of knots (segments + 1). */
    public int knots() {
        return segmentStart.length + 1;
    }

    public Bounds bounds() {
        return bounds;
    }

    /** Knots that follow {@code rates} (one per step): each knot the ratio at the step it ends a segment on, the first at the first free step. */
    public double[] knotsOf(double[] rates) {
        double[] r = new double[knots()];
        r[0] = rates[(int) segmentStart[0]] / bounds.peak();
        for (int j = 0; j < segmentStart.length; j++) {
            r[j + 1] = rates[(int) (segmentStart[j] + segmentLength[j] - 1)] / bounds.peak();
        }
        return r;
    }

    /** The piecewise spec of the knots (ratios of the peak). */
    public PiecewiseScheduleSpec spec(double[] r) {
        List<PhaseSpec> phases = new ArrayList<>();
        if (bounds.warmup() > 0) {
            phases.add(new PhaseSpec("warmup", bounds.warmup(), null, null, "linear", 0.0, 1.0, null));
        }
        for (int j = 0; j < segmentStart.length; j++) {
            double from = r[j];
            double to = r[j + 1];
            long n = segmentLength[j];
            if (to < from) {
                phases.add(new PhaseSpec("decay", n, null, null, "linear", from, to, null));
            } else if (to == from) {
                phases.add(new PhaseSpec("constant", n, null, null, null, null, null, to));
            } else {
                phases.add(new PhaseSpec("rewarmup", n, null, null, "linear", from, to, null));
            }
        }
        return new PiecewiseScheduleSpec(bounds.peak(), phases, null, null);
    }

    /** The rate of every step of the schedule the knots describe. */
    public double[] rates(double[] r) {
        return rates(spec(r).build(bounds.steps()));
    }

    /** The rate of every update of a one-line path: the line that ends last, with its ancestors' rates before its fork. */
    public static double[] rates(Schedule schedule) {
        Line last = schedule.lines().get(0);
        for (Line line : schedule.lines()) {
            if (line.endStep() > last.endStep()) {
                last = line;
            }
        }
        double[] out = new double[(int) last.endStep()];
        for (int t = 0; t < out.length; t++) {
            out[t] = schedule.rowRate(last, t + 1);
        }
        return out;
    }

    /**
     * Chain rule: the gradient with respect to the knots from the gradient with respect to every step's
     * rate. Within segment j, step k (1..n) has ratio {@code r[j+1] + (r[j] - r[j+1]) (n - k) / n}.
     */
    public void knotGradient(double[] rateGradient, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        double peak = bounds.peak();
        for (int j = 0; j < segmentStart.length; j++) {
            long n = segmentLength[j];
            for (long k = 1; k <= n; k++) {
                double g = rateGradient[(int) (segmentStart[j] + k - 1)] * peak;
                double v = (double) (n - k) / n;
                out[j] += g * v;
                out[j + 1] += g * (1 - v);
            }
        }
    }
}
