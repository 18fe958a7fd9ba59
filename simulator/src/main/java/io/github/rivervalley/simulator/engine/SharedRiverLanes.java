package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.simulator.observe.Divergence;

/**
 * {@link StraightValleySteps}' block loop for d = 2 with noise on the hill only, when every live lane is at
 * the same river coordinate (replicas start together and the river step is deterministic, so they stay
 * together): the river's loss, slope and step are computed once per step for all lanes.
 *
 * <p>Each chunk of {@value StraightValleySteps#LANE_CHUNK} steps is first taken optimistically, lane by lane
 * with the lane's state in registers and without per-step branches: the crossings are a count of sign-bit
 * changes, and the largest and smallest |h| (as raw bits, which order non-negative doubles, NaN above
 * infinity) are running integer maxima and minima. One test per chunk then decides whether any step could
 * have stopped a lane: the loss {@code r + (lambda / 2) h^2} only grows with the river loss r and with |h|,
 * and rounding keeps that order, so no lane's loss exceeds the threshold if the loss at the chunk's largest r
 * and largest |h| does not. If that test, the finiteness of every iterate, or the crossing count's
 * assumptions (no zero wall coordinate, a previous one on record) fail, the lanes are put back and the chunk
 * is taken again step by step with every check exact ({@link #exactChunk}). Each lane's arithmetic is the
 * per-lane loop's in the same order and its draws the same, so the bits are the same ({@code FastPathTest}).
 *
 * <p>One instance serves every worker at once, so it holds no scratch: the river's per-chunk coordinates and
 * losses live in the worker's {@link Lanes}.
 */
final class SharedRiverLanes {

    private static final long ABS = Long.MAX_VALUE;
    private static final long MAX_FINITE = Double.doubleToRawLongBits(Double.MAX_VALUE);

    private final RiverProfile river;
    private final boolean linear;
    private final double negativeSlope;
    private final double lam;
    private final double sigma;
    private final Divergence stop;

    SharedRiverLanes(RiverProfile river, boolean linear, double negativeSlope, double lam, double sigma, Divergence stop) {
        this.river = river;
        this.linear = linear;
        this.negativeSlope = negativeSlope;
        this.lam = lam;
        this.sigma = sigma;
        this.stop = stop;
    }

    /** Whether the first {@code n} lanes share one river coordinate, bit for bit. */
    static boolean sameRiverCoordinate(double[] x0, int n) {
        long bits = Double.doubleToRawLongBits(x0[0]);
        for (int k = 1; k < n; k++) {
            if (Double.doubleToRawLongBits(x0[k]) != bits) {
                return false;
            }
        }
        return true;
    }

    /**
     * Steps {@code [fromStep, toStep)} of the first {@code n} lanes (loaded by {@code advanceOneHill}, at one
     * river coordinate), then writes them back into their replicas.
     */
    void advance(int n, long fromStep, long toStep, double[] lrs, long lrBase, Lanes lanes) {
        double[] x0 = lanes.x0;
        double[] riverAt = lanes.riverAt;
        double[] riverLoss = lanes.riverLoss;
        int stride = StraightValleySteps.LANE_CHUNK;
        double a = x0[0];
        int steps;
        for (long chunk = fromStep; chunk < toStep && n > 0; chunk += steps) {
            steps = (int) Math.min(StraightValleySteps.LANE_CHUNK, toStep - chunk);
            if (chunk == fromStep && withoutPrevious(lanes.last, n)) {
                steps = 1; // (a run's first step) one exact step records a displacement; the next chunks can be optimistic
            }
            int lr0 = (int) (chunk - lrBase);
            lanes.drawAhead(n, steps, stride);
            double riverMax = Double.NEGATIVE_INFINITY;
            boolean riverFinite = true;
            for (int j = 0; j < steps; j++) {
                double r = linear ? negativeSlope * a : river.value(a);
                double g0 = linear ? negativeSlope : river.slope(a);
                riverAt[j] = a;
                riverLoss[j] = r;
                riverMax = Math.max(riverMax, r);
                a -= lrs[lr0 + j] * g0;
                riverFinite &= !Double.isNaN(a * 0.0) && r > Double.NEGATIVE_INFINITY;
            }
            riverAt[steps] = a;
            lanes.keep(n);
            if (!(riverFinite && optimisticChunk(n, steps, lrs, lr0, riverMax, lanes))) {
                lanes.restore(n);
                n = exactChunk(n, chunk, steps, lrs, lr0, lanes);
            }
        }
        for (int k = 0; k < n; k++) {
            x0[k] = a;
        }
        lanes.retireAll(n);
    }

    /** Whether some lane has no displacement on record (a zero {@code last}), so no optimistic chunk yet. */
    private static boolean withoutPrevious(double[] last, int n) {
        for (int k = 0; k < n; k++) {
            if (last[k] == 0.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the chunk's steps for every lane, branch-free; returns whether none could have stopped (else
     * the lanes' state is garbage, to be restored by the caller). Four lanes at a time: one lane's step is a
     * chain of dependent operations, four chains side by side keep the processor busy.
     */
    private boolean optimisticChunk(int n, int steps, double[] lrs, int lr0, double riverMax, Lanes lanes) {
        double[] x1 = lanes.x1;
        long worst = 0L;
        for (int k = 0; k < n; k++) {
            // a lane without a previous displacement is taken exactly; the first step's loss is at x1
            worst = Math.max(worst, Math.max(flagged(lanes.last[k]), flagged(x1[k])));
        }
        int k = 0;
        for (; k + 4 <= n; k += 4) {
            worst = Math.max(worst, fourLanes(k, steps, lrs, lr0, lanes));
        }
        for (; k < n; k++) {
            worst = Math.max(worst, oneLane(k, steps, lrs, lr0, lanes));
        }
        if (worst > MAX_FINITE - 1) { // a zero, infinite or NaN coordinate
            return false;
        }
        double m = Double.longBitsToDouble(worst + 1);
        return !stop.stopsAtLoss(riverMax + 0.5 * lam * m * m);
    }

    /**
     * |v|'s raw bits minus one, or {@code Long.MAX_VALUE} for a zero: one running maximum then both bounds
     * the magnitudes and flags zeros, infinities and NaNs (above {@code MAX_FINITE - 1}).
     */
    private static long flagged(double v) {
        return ((Double.doubleToRawLongBits(v) << 1) - 2) >>> 1;
    }

    /** Lane k's chunk; returns its largest {@link #flagged} wall coordinate. */
    private long oneLane(int k, int steps, double[] lrs, int lr0, Lanes lanes) {
        double[] z = lanes.laneNoise;
        double l = lam;
        double s = sigma;
        int base = k * StraightValleySteps.LANE_CHUNK;
        double h = lanes.x1[k];
        long previous = Double.doubleToRawLongBits(lanes.last[k]);
        int crossed = lanes.crossings[k];
        long peak = 0L;
        long zero = 0L;
        for (int j = 0; j < steps; j++) {
            h -= lrs[lr0 + j] * (l * h + s * z[base + j]);
            long bits = Double.doubleToRawLongBits(h);
            crossed += (int) ((bits ^ previous) >>> 63);
            previous = bits;
            long magnitude = bits & ABS;
            long d = magnitude - peak;
            peak = magnitude - (d & (d >> 63));
            zero |= magnitude - 1;
        }
        return finish(k, h, crossed, peak, zero, lanes);
    }

    /**
     * Lanes k .. k + 3's chunk; returns their largest {@link #flagged} wall coordinate. A crossing is the sign
     * bit of the product of the new and the previous h (a product's sign is the xor of its factors' signs,
     * also when it underflows or overflows), and the four lanes' crossing counts share one long, 16 bits
     * each (at most {@value StraightValleySteps#LANE_CHUNK} per chunk): the previous h stay in floating-point
     * registers and the counts take one integer register, where four previous bit patterns and four counts
     * made the loop spill (22% fewer ns per lane-step in isolation).
     */
    private long fourLanes(int k, int steps, double[] lrs, int lr0, Lanes lanes) {
        double[] z = lanes.laneNoise;
        double[] x1 = lanes.x1;
        double[] last = lanes.last;
        int[] crossings = lanes.crossings;
        double l = lam;
        double s = sigma;
        int stride = StraightValleySteps.LANE_CHUNK;
        int b0 = k * stride;
        int b1 = b0 + stride;
        int b2 = b1 + stride;
        int b3 = b2 + stride;
        double h0 = x1[k];
        double h1 = x1[k + 1];
        double h2 = x1[k + 2];
        double h3 = x1[k + 3];
        double o0 = last[k];
        double o1 = last[k + 1];
        double o2 = last[k + 2];
        double o3 = last[k + 3];
        long counts = 0L;
        long peak0 = 0L;
        long peak1 = 0L;
        long peak2 = 0L;
        long peak3 = 0L;
        long zero = 0L;
        for (int j = 0; j < steps; j++) {
            double lr = lrs[lr0 + j];
            h0 -= lr * (l * h0 + s * z[b0 + j]);
            h1 -= lr * (l * h1 + s * z[b1 + j]);
            h2 -= lr * (l * h2 + s * z[b2 + j]);
            h3 -= lr * (l * h3 + s * z[b3 + j]);
            counts += (Double.doubleToRawLongBits(h0 * o0) >>> 63)
                    | (Double.doubleToRawLongBits(h1 * o1) >>> 63 << 16)
                    | (Double.doubleToRawLongBits(h2 * o2) >>> 63 << 32)
                    | (Double.doubleToRawLongBits(h3 * o3) >>> 63 << 48);
            o0 = h0;
            o1 = h1;
            o2 = h2;
            o3 = h3;
            long m0 = Double.doubleToRawLongBits(h0) & ABS;
            long m1 = Double.doubleToRawLongBits(h1) & ABS;
            long m2 = Double.doubleToRawLongBits(h2) & ABS;
            long m3 = Double.doubleToRawLongBits(h3) & ABS;
            long d0 = m0 - peak0;
            long d1 = m1 - peak1;
            long d2 = m2 - peak2;
            long d3 = m3 - peak3;
            peak0 = m0 - (d0 & (d0 >> 63));
            peak1 = m1 - (d1 & (d1 >> 63));
            peak2 = m2 - (d2 & (d2 >> 63));
            peak3 = m3 - (d3 & (d3 >> 63));
            zero |= (m0 - 1) | (m1 - 1) | (m2 - 1) | (m3 - 1);
        }
        long worst = finish(k, h0, crossings[k] + (int) (counts & 0xFFFF), peak0, zero, lanes);
        worst = Math.max(worst, finish(k + 1, h1, crossings[k + 1] + (int) (counts >>> 16 & 0xFFFF), peak1, zero, lanes));
        worst = Math.max(worst, finish(k + 2, h2, crossings[k + 2] + (int) (counts >>> 32 & 0xFFFF), peak2, zero, lanes));
        return Math.max(worst, finish(k + 3, h3, crossings[k + 3] + (int) (counts >>> 48), peak3, zero, lanes));
    }

    /**
     * Stores lane k's chunk result, meaningful only if the returned bound is not flagged: the largest |h|'s
     * {@link #flagged} bits, or {@code Long.MAX_VALUE} if {@code zero} is negative (some h was 0) or the last
     * h is not finite (a non-finite h stays so: inf - lr (lambda inf + s z) is NaN, NaN stays NaN).
     */
    private static long finish(int k, double h, int crossed, long peak, long zero, Lanes lanes) {
        lanes.x1[k] = h;
        lanes.last[k] = h;
        lanes.crossings[k] = crossed;
        double largest = Double.longBitsToDouble(peak);
        if (largest > lanes.amplitude[k]) {
            lanes.amplitude[k] = largest;
        }
        return zero < 0 || !(Math.abs(h) <= Double.MAX_VALUE) ? Long.MAX_VALUE : peak - 1;
    }

    /**
     * The chunk step by step with every check exact, lanes that stop leaving as they stop; returns the
     * number of live lanes.
     */
    private int exactChunk(int n, long chunk, int steps, double[] lrs, int lr0, Lanes lanes) {
        Replica[] replica = lanes.replica;
        double[] x0 = lanes.x0;
        double[] x1 = lanes.x1;
        double[] z = lanes.laneNoise;
        double[] riverAt = lanes.riverAt;
        double[] riverLoss = lanes.riverLoss;
        double s = sigma;
        int stride = StraightValleySteps.LANE_CHUNK;
        for (int j = 0; j < steps && n > 0; j++) {
            long t = chunk + j;
            double lr = lrs[lr0 + j];
            double next = riverAt[j + 1];
            boolean riverFinite = !Double.isNaN(next * 0.0);
            for (int k = 0; k < n; k++) {
                double h = x1[k];
                double loss = riverLoss[j] + 0.5 * lam * h * h;
                double g1 = lam * h + s * z[k * stride + j];
                if (stop.stopsAtLoss(loss)) {
                    x0[k] = riverAt[j];
                    replica[k].diverge(t);
                    n = lanes.retireMidChunk(k, n, j + 1, stride);
                    k--;
                    continue;
                }
                h -= lr * g1;
                x1[k] = h;
                double magnitude = Math.abs(h);
                if (!riverFinite || !(magnitude <= Double.MAX_VALUE)) { // the per-lane loop's isNaN(a * 0 + h * 0)
                    x0[k] = next;
                    replica[k].diverge(t + 1);
                    n = lanes.retireMidChunk(k, n, j + 1, stride);
                    k--;
                    continue;
                }
                lanes.observe(k, h, magnitude);
            }
        }
        return n;
    }
}
