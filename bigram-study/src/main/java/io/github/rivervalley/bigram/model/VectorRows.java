package io.github.rivervalley.bigram.model;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused tabular step's row kernels written with the Vector API, used when {@link VectorApi#enabled()} (this
 * class is loaded only then). They give the bits of their plain twins ({@code VectorRowsTest} checks them):
 * {@link #maxima} those of {@link RowPair#maxima}, {@link #exponentials} the ordered sum of the softmax pass
 * ({@link SoftmaxRows#expInto}, as {@code TabularMinibatch.softmaxPair} computes it per row), {@link #update}
 * {@link RowPair#update} with those exponentials. They work on the table itself: unlike Java 17's
 * auto-vectoriser, the Vector API does not need the row copied to an array of its own.
 *
 * <p>Runs: a tabular row repeats one logit for every token that never followed (all but a few entries), so the
 * pass that reads a group's rows from memory for their maxima also splits each row into runs of equal logits
 * (a vector compare against the current run's logit; entry by entry only where it finds a change). Equal logits
 * give equal {@code x_j - max} (up to the sign of a zero, and {@code exp(+-0) = 1}), hence equal exponentials:
 * per run one exponential, the run's additions to the ordered sum in a few steps ({@link RepeatedSum}, the
 * loop's bits), and one step {@code lr (e s)} subtracted from the whole run. No pass writes the exponentials.
 */
final class VectorRows {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int GROUP = RowPair.GROUP;

    private final int v;
    private final int bound;
    /** Per row of the group: where each run starts (then v), the logit it repeats, how many runs. */
    private final int[][] runStart;
    private final double[][] runLogit;
    private final int[] runs = new int[GROUP];
    /** The logit of each row's current run while {@link #maxima} splits them. */
    private final double[] current = new double[GROUP];
    /** The vectors (by first entry) where some row of the group starts a run, marked by {@link #maxima}. */
    private final int[] changed;
    private final int[] rowAt = new int[GROUP];
    /** The exponential of each run of the row last passed to {@link #exponentials} (or its float32 twin), the step. */
    private final double[] runValue;
    private final float[] runValue32;
    private final double[] runStep;
    /** float32: the four chains of a row's sum. */
    private final float[] chains = new float[4];
    /** The lowest {@code x_j - max} of that row (0 if none is lower), for {@link RowPair#mayOverflow}. */
    double low;

    VectorRows(int v) {
        this.v = v;
        this.bound = SPECIES.loopBound(v);
        this.runStart = new int[GROUP][v + 1];
        this.runLogit = new double[GROUP][v];
        this.runValue = new double[v];
        this.runValue32 = new float[v];
        this.runStep = new double[v];
        this.changed = new int[bound / LANES];
    }

    /**
     * The maxima of the rows at {@code x[r0 ..]} .. {@code x[r3 ..]} into {@code out[0 .. 4)}, each row split into
     * its runs. The maxima: a lanewise maximum per row, reduced once at the end; {@code Math.max}, which both
     * apply, is exact in any order, NaN and signed zeros included.
     */
    void maxima(double[] x, int r0, int r1, int r2, int r3, double[] out) {
        DoubleVector m0 = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        DoubleVector m1 = m0;
        DoubleVector m2 = m0;
        DoubleVector m3 = m0;
        double c0 = Double.NaN; // each row's current logit; NaN equals nothing, so the first vector is marked
        double c1 = Double.NaN;
        double c2 = Double.NaN;
        double c3 = Double.NaN;
        int marked = 0;
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, x, r0 + j);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, x, r1 + j);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, x, r2 + j);
            DoubleVector x3 = DoubleVector.fromArray(SPECIES, x, r3 + j);
            m0 = m0.max(x0);
            m1 = m1.max(x1);
            m2 = m2.max(x2);
            m3 = m3.max(x3);
            VectorMask<Double> change = x0.compare(VectorOperators.NE, c0).or(x1.compare(VectorOperators.NE, c1))
                    .or(x2.compare(VectorOperators.NE, c2)).or(x3.compare(VectorOperators.NE, c3));
            if (change.anyTrue()) {
                // Marked for splitting after the loop: with a call here, which C2 inlines or not by the profile,
                // the step ran 30% slower in most JVMs. After the vector, each row's run is its last entry's.
                changed[marked++] = j;
                c0 = x[r0 + j + LANES - 1];
                c1 = x[r1 + j + LANES - 1];
                c2 = x[r2 + j + LANES - 1];
                c3 = x[r3 + j + LANES - 1];
            }
        }
        int tail = v - bound; // the entries past the last whole vector
        out[0] = Math.max(m0.reduceLanes(VectorOperators.MAX), SoftmaxRows.max(x, r0 + bound, tail));
        out[1] = Math.max(m1.reduceLanes(VectorOperators.MAX), SoftmaxRows.max(x, r1 + bound, tail));
        out[2] = Math.max(m2.reduceLanes(VectorOperators.MAX), SoftmaxRows.max(x, r2 + bound, tail));
        out[3] = Math.max(m3.reduceLanes(VectorOperators.MAX), SoftmaxRows.max(x, r3 + bound, tail));
        rowAt[0] = r0;
        rowAt[1] = r1;
        rowAt[2] = r2;
        rowAt[3] = r3;
        for (int k = 0; k < GROUP; k++) {
            runs[k] = 0;
            current[k] = Double.NaN;
            for (int n = 0; n < marked; n++) {
                split(x, rowAt[k], k, changed[n], changed[n] + LANES);
            }
            split(x, rowAt[k], k, bound, v);
            runStart[k][runs[k]] = v;
        }
    }

    /**
     * Entries {@code from .. to} of row k at {@code x[at ..]}, one by one: where a logit differs from its run's,
     * a run starts. The vectors in between, all equal to their run's logit, extend it.
     */
    private void split(double[] x, int at, int k, int from, int to) {
        for (int j = from; j < to; j++) {
            double logit = x[at + j];
            if (logit != current[k]) { // NaN differs from everything: each NaN is a run of its own
                current[k] = logit;
                runStart[k][runs[k]] = j;
                runLogit[k][runs[k]++] = logit;
            }
        }
    }

    /**
     * The sum of {@code exp(x_j - max)} over row {@code slot} of the group last passed to {@link #maxima}, in
     * order, each run's exponential kept for {@link #update}; the lowest {@code x_j - max} into {@link #low}. As in
     * the plain pass, an exponential is computed only when the argument differs from the previous one.
     */
    double exponentials(int slot, double max) {
        int[] start = runStart[slot];
        double[] logit = runLogit[slot];
        double sum = 0.0;
        double lowest = 0.0;
        double arg = Double.NaN;
        double e = 0.0;
        for (int r = 0; r < runs[slot]; r++) {
            double t = logit[r] - max;
            if (t != arg) {
                arg = t;
                e = Math.exp(t);
                lowest = Math.min(lowest, t);
            }
            runValue[r] = e;
            sum = RepeatedSum.add(sum, e, start[r + 1] - start[r]);
        }
        low = lowest;
        return sum;
    }

    /**
     * {@link #exponentials} in float32 ({@code precision: float32}, as {@link Exponentials32#fill} computes it):
     * {@code e_j = FastExp.exp((float) (x_j - max))}, an exponential only where the argument changes, summed in
     * its four chains (entry j into chain j mod 4 below the last multiple of four, the rest into chain 0, then
     * {@code (s0 + s1) + (s2 + s3)}); each chain's additions from a run in a few steps ({@link RepeatedSum}).
     */
    float exponentials32(int slot, double max) {
        int[] start = runStart[slot];
        double[] logit = runLogit[slot];
        int whole = v - v % 4; // entries below go to chain j mod 4, the rest to chain 0
        float[] chain = chains;
        Arrays.fill(chain, 0.0f);
        float lowest = 0.0f;
        float arg = Float.NaN;
        float e = 0.0f;
        for (int r = 0; r < runs[slot]; r++) {
            float t = (float) (logit[r] - max);
            if (t != arg) {
                arg = t;
                e = FastExp.exp(t);
                lowest = Math.min(lowest, t);
            }
            runValue32[r] = e;
            int from = start[r];
            int to = Math.min(start[r + 1], whole);
            for (int k = 0; k < 4 && from < to; k++) { // the run's entries j = k (mod 4): [from, to) minus [0, from)
                chain[k] = RepeatedSum.add(chain[k], e, ((to - k + 3) >> 2) - ((from - k + 3) >> 2));
            }
            chain[0] = RepeatedSum.add(chain[0], e, start[r + 1] - Math.max(from, Math.min(start[r + 1], whole)));
        }
        low = lowest;
        return (chain[0] + chain[1]) + (chain[2] + chain[3]);
    }

    /**
     * {@code x[at + j] = x[at + j] - lr (e_j s)} on row {@code slot} at {@code x[at ..]}, with the exponentials of
     * the last {@link #exponentials} call on it: one step per run, subtracted from all of the run's entries.
     */
    void update(double[] x, int at, int slot, double s, double lr) {
        for (int r = 0; r < runs[slot]; r++) {
            runStep[r] = lr * (runValue[r] * s);
        }
        subtract(x, at, slot);
    }

    /**
     * The float32 step {@code x_j - lr g_j} with {@code g_j = e_j scale} in float (as {@link RowPair#step} takes
     * it), the exponentials of the last {@link #exponentials32} call: one step per run.
     */
    void update32(double[] x, int at, int slot, float scale, double lr) {
        for (int r = 0; r < runs[slot]; r++) {
            runStep[r] = lr * (runValue32[r] * scale);
        }
        subtract(x, at, slot);
    }

    /** Each run's step subtracted from all of its entries. */
    private void subtract(double[] x, int at, int slot) {
        int[] start = runStart[slot];
        for (int r = 0; r < runs[slot]; r++) {
            double step = runStep[r];
            int to = at + start[r + 1];
            int j = at + start[r];
            for (; j <= to - LANES; j += LANES) {
                DoubleVector.fromArray(SPECIES, x, j).sub(step).intoArray(x, j);
            }
            for (; j < to; j++) {
                x[j] = x[j] - step;
            }
        }
    }
}
