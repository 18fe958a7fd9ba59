package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;

/**
 * Per-worker lane arrays of {@link StraightValleySteps}: one lane per live replica of a block, with the
 * Gaussians drawn ahead and the saved streams that let a lane that stops mid-chunk rewind exactly.
 */
final class Lanes {
    final Replica[] replica;
    final Xoshiro256PlusPlus[] random;
    final double[] x0;
    final double[] x1;
    final double[] last;
    final int[] crossings;
    final double[] amplitude;
    /** Gaussians drawn ahead for a lone replica: {@value StraightValleySteps#CHUNK} steps of up to two draws. */
    final double[] noise = new double[2 * StraightValleySteps.CHUNK];
    /** The stream position at the start of a chunk, for rewinding. */
    final Xoshiro256PlusPlus saved = new Xoshiro256PlusPlus(1, 0, 0, 0);
    /** Gaussians drawn ahead per lane of a block: {@value StraightValleySteps#LANE_CHUNK} steps of up to two draws each. */
    final double[] laneNoise;
    /**
     * The shared river coordinate before each step of a chunk (and after its last) and the river's loss at each
     * step ({@link SharedRiverLanes}): per worker, as every worker steps its own blocks' river.
     */
    final double[] riverAt = new double[StraightValleySteps.LANE_CHUNK + 1];
    final double[] riverLoss = new double[StraightValleySteps.LANE_CHUNK];
    /** Each lane's stream at the start of its chunk, for rewinding. */
    final Xoshiro256PlusPlus[] laneSaved;
    /** The lanes' wall coordinates and tallies at the start of a chunk ({@link #keep}), for retaking it. */
    private final double[] keptX1;
    private final double[] keptLast;
    private final int[] keptCrossings;
    private final double[] keptAmplitude;

    Lanes(int size) {
        replica = new Replica[size];
        random = new Xoshiro256PlusPlus[size];
        x0 = new double[size];
        x1 = new double[size];
        last = new double[size];
        crossings = new int[size];
        amplitude = new double[size];
        laneNoise = new double[size * 2 * StraightValleySteps.LANE_CHUNK];
        laneSaved = new Xoshiro256PlusPlus[size];
        keptX1 = new double[size];
        keptLast = new double[size];
        keptCrossings = new int[size];
        keptAmplitude = new double[size];
        for (int i = 0; i < size; i++) {
            laneSaved[i] = new Xoshiro256PlusPlus(1, 0, 0, 0);
        }
    }

    /** Saves each of the first {@code n} lanes' streams, then draws its next {@code draws} Gaussians into {@code laneNoise[k * stride ..]}. */
    void drawAhead(int n, int draws, int stride) {
        for (int k = 0; k < n; k++) {
            laneSaved[k].copyFrom(random[k]);
            random[k].nextGaussians(laneNoise, k * stride, draws);
        }
    }

    /**
     * {@code Replica.observeDisplacement} of lane k's new wall coordinate {@code h} ({@code magnitude = |h|}).
     * Under noise the sign flips at random, so the crossing test is branch-free: for non-zero, non-NaN h and
     * last, (h > 0) != (last > 0) exactly when their sign bits differ.
     */
    void observe(int k, double h, double magnitude) {
        if (h != 0.0) {
            double previous = last[k];
            long differ = (Double.doubleToRawLongBits(h) ^ Double.doubleToRawLongBits(previous)) >>> 63;
            crossings[k] += (int) differ & (previous != 0.0 ? 1 : 0);
            last[k] = h;
        }
        if (magnitude > amplitude[k]) {
            amplitude[k] = magnitude;
        }
    }

    /** Copies the first {@code n} lanes' wall coordinates and tallies aside. */
    void keep(int n) {
        System.arraycopy(x1, 0, keptX1, 0, n);
        System.arraycopy(last, 0, keptLast, 0, n);
        System.arraycopy(crossings, 0, keptCrossings, 0, n);
        System.arraycopy(amplitude, 0, keptAmplitude, 0, n);
    }

    /** Puts back what {@link #keep} copied aside. */
    void restore(int n) {
        System.arraycopy(keptX1, 0, x1, 0, n);
        System.arraycopy(keptLast, 0, last, 0, n);
        System.arraycopy(keptCrossings, 0, crossings, 0, n);
        System.arraycopy(keptAmplitude, 0, amplitude, 0, n);
    }

    /** Writes the first {@code n} lanes back into their replicas. */
    void retireAll(int n) {
        for (int k = n; k > 0; k--) {
            retire(0, k);
        }
    }

    /** Puts {@code random} where it was at the chunk's start plus {@code draws} Gaussians. */
    void rewind(Xoshiro256PlusPlus random, int draws) {
        if (draws > 0) {
            random.copyFrom(saved);
            random.nextGaussians(noise, 0, draws);
        }
    }

    /**
     * {@link #retire} for a lane that stops mid-chunk after {@code draws} of its chunk's Gaussians: its stream
     * is put back just after them (where the reference loop leaves it), and the last lane's drawn-ahead
     * Gaussians and saved stream move with it.
     */
    int retireMidChunk(int k, int n, int draws, int stride) {
        if (draws > 0) {
            random[k].copyFrom(laneSaved[k]);
            random[k].nextGaussians(noise, 0, draws);
        }
        int end = n - 1;
        if (stride > 0 && k != end) {
            System.arraycopy(laneNoise, end * stride, laneNoise, k * stride, stride);
            Xoshiro256PlusPlus kept = laneSaved[k];
            laneSaved[k] = laneSaved[end];
            laneSaved[end] = kept;
        }
        return retire(k, n);
    }

    /** Writes lane k back into its replica and moves the last lane into its place; returns the new lane count. */
    int retire(int k, int n) {
        Replica r = replica[k];
        r.x[0] = x0[k];
        r.x[1] = x1[k];
        r.lastDisplacement = last[k];
        r.crossings = crossings[k];
        r.amplitude = amplitude[k];
        int end = n - 1;
        replica[k] = replica[end];
        random[k] = random[end];
        x0[k] = x0[end];
        x1[k] = x1[end];
        last[k] = last[end];
        crossings[k] = crossings[end];
        amplitude[k] = amplitude[end];
        replica[end] = null;
        random[end] = null;
        return end;
    }
}
