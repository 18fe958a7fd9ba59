package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.FusedSgd;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Minibatch gradient of the tabular model that touches only the rows in the batch.
 *
 * <p>Per call: B pairs {@code (x_b ~ pi, y_b ~ q_{x_b})} are drawn in order, two uniform numbers per pair
 * (alias tables). For each distinct row i, with {@code c_i} the number of pairs starting with i, row i of the
 * output is {@code (c_i / B) p_i} minus {@code 1/B} at each sampled {@code y_b}; every other entry is 0.
 * The oracle remembers the output array and the rows it wrote, so the next call only clears those rows
 * (O(B V) per call, not O(V^2)); a different output array is cleared in full once. Callers must therefore not
 * write into the output outside the touched rows between calls (scaling it in place is fine). Not thread-safe:
 * one per worker.
 *
 * <p>{@code precision: float32}: each row's gradient in float32 arithmetic ({@link #rowGradient32}), the same
 * draws; the parameters and the update {@code x - lr g} stay float64, so only the gradient is rounded
 * (bounded in {@code TabularPrecisionTest}). Its summation order is fixed, so its bits too are reproducible.
 */
public final class TabularMinibatch implements FusedSgd {

    private final BigramData data;
    private final int v;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    private final int[] touched;
    private final int[] countOf;
    private final int[] stamp;
    private int epoch;
    private int touchedCount;
    private double[] lastOut;
    /** For the fused step: each token's index among the touched rows, the pairs of each row, two rows of gradient. */
    private final int[] slotOf;
    private final int[] firstPair;
    private final int[] nextPair;
    private final double[] scratch;
    /** float32 mode: a row's gradient; else null. */
    private final float[] row32;
    /** The two maxima of {@link #maxPair}. */
    private double pairMaxA;
    private double pairMaxB;

    TabularMinibatch(TabularModel model, int batchSize, boolean float32) {
        this.data = model.data();
        this.v = data.vocabularySize();
        this.batchSize = Check.positive("batchSize", batchSize);
        this.tokens = new int[batchSize];
        this.next = new int[batchSize];
        this.touched = new int[batchSize];
        this.countOf = new int[v];
        this.stamp = new int[v];
        this.slotOf = new int[v];
        this.firstPair = new int[batchSize];
        this.nextPair = new int[batchSize];
        this.scratch = new double[2 * v];
        this.row32 = float32 ? new float[v] : null;
    }

    @Override
    public double gradient(double[] x, double[] out, RandomGenerator random) {
        if (out != lastOut) {
            Arrays.fill(out, 0.0);
            lastOut = out;
        } else {
            for (int n = 0; n < touchedCount; n++) {
                int row = touched[n] * v;
                Arrays.fill(out, row, row + v, 0.0);
            }
        }
        sample(random);
        if (row32 != null) {
            linkPairs();
            for (int n = 0; n < touchedCount; n++) {
                int row = touched[n] * v;
                rowGradient32(x, n, SoftmaxRows.max(x, row, v));
                for (int j = 0; j < v; j++) {
                    out[row + j] = row32[j];
                }
            }
            return Double.NaN;
        }
        double invB = 1.0 / batchSize;
        int n = 0;
        for (; n + 1 < touchedCount; n += 2) {
            softmaxPair(x, out, touched[n], touched[n + 1], invB);
        }
        if (n < touchedCount) {
            int i = touched[n];
            int row = i * v;
            double max = SoftmaxRows.max(x, row, v);
            double sum = SoftmaxRows.expInto(x, row, v, max, out, row);
            scale(out, row, countOf[i] * invB / sum);
        }
        for (int b = 0; b < batchSize; b++) {
            out[tokens[b] * v + next[b]] -= invB;
        }
        return Double.NaN;
    }

    /** Draws the batch: tokens and successors in order, the distinct rows in order of first use, their counts. */
    private void sample(RandomGenerator random) {
        epoch++;
        if (epoch == 0) {
            Arrays.fill(stamp, 0);
            epoch = 1;
        }
        touchedCount = 0;
        for (int b = 0; b < batchSize; b++) {
            int i = data.sampleToken(random);
            tokens[b] = i;
            next[b] = data.sampleSuccessor(i, random);
            if (stamp[i] != epoch) {
                stamp[i] = epoch;
                countOf[i] = 0;
                slotOf[i] = touchedCount;
                touched[touchedCount++] = i;
            }
            countOf[i]++;
        }
    }

    /**
     * The minibatch gradient and the SGD step fused, row by row (see {@link FusedSgd}): the same draws, then
     * for each distinct row exactly the arithmetic of {@link #gradient} (softmax scaled by the row's count,
     * then {@code - 1/B} at each of its pairs' successors in batch order) into a row of scratch, and at once
     * {@code x - lr g} on that row while it is in cache. The next {@link #gradient} call clears its output in
     * full, since this one did not write it.
     */
    @Override
    public boolean sgdStep(double[] x, double lr, RandomGenerator random) {
        lastOut = null;
        sample(random);
        linkPairs();
        if (row32 != null) {
            boolean bad = false;
            int n = 0;
            for (; n + 1 < touchedCount; n += 2) {
                maxPair(x, touched[n] * v, touched[n + 1] * v);
                double maxB = pairMaxB;
                rowGradient32(x, n, pairMaxA);
                bad |= update32(x, n, lr);
                rowGradient32(x, n + 1, maxB);
                bad |= update32(x, n + 1, lr);
            }
            if (n < touchedCount) {
                rowGradient32(x, n, SoftmaxRows.max(x, touched[n] * v, v));
                bad |= update32(x, n, lr);
            }
            return bad;
        }
        double invB = 1.0 / batchSize;
        boolean bad = false;
        int n = 0;
        for (; n + 1 < touchedCount; n += 2) {
            softmaxPair(x, touched[n], scratch, 0, touched[n + 1], scratch, v, invB);
            bad |= update(x, n, 0, lr, invB);
            bad |= update(x, n + 1, v, lr, invB);
        }
        if (n < touchedCount) {
            int i = touched[n];
            int row = i * v;
            double max = SoftmaxRows.max(x, row, v);
            double sum = SoftmaxRows.expInto(x, row, v, max, scratch, 0);
            scale(scratch, 0, countOf[i] * invB / sum);
            bad |= update(x, n, 0, lr, invB);
        }
        return bad;
    }

    /** The pairs of each distinct row, in batch order: a linked list per row, built backwards. */
    private void linkPairs() {
        for (int n = 0; n < touchedCount; n++) {
            firstPair[n] = -1;
        }
        for (int b = batchSize - 1; b >= 0; b--) {
            int n = slotOf[tokens[b]];
            nextPair[b] = firstPair[n];
            firstPair[n] = b;
        }
    }

    /**
     * Row {@code touched[n]}'s gradient in float32 into {@link #row32}: {@code t_j = (float) (x_j - max)} (the
     * maximum and the difference in float64, exact in the maximum), {@code e_j = exp(t_j)} by {@link FastExp}
     * (range reduction and polynomial over the whole row, vectorised; then the scaling, summed in two chains),
     * {@code g_j = e_j * (c_i * (float) (1/B) / sum)}, then {@code - (float) (1/B)} at each of the row's pairs'
     * successors in batch order. Every step is float32 arithmetic in a fixed order.
     */
    private void rowGradient32(double[] x, int n, double max) {
        int i = touched[n];
        float[] g = row32;
        float sum = expRow(x, i * v, max, g);
        float invB = (float) (1.0 / batchSize);
        float scale = countOf[i] * invB / sum;
        for (int j = 0; j < v; j++) {
            g[j] *= scale;
        }
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            g[next[b]] -= invB;
        }
    }

    /** {@code x -= lr g} on row {@code touched[n]} with g the float32 gradient row; whether some x_j is not finite. */
    private boolean update32(double[] x, int n, double lr) {
        int row = touched[n] * v;
        boolean bad = false;
        for (int j = 0; j < v; j++) {
            double a = x[row + j] - lr * row32[j];
            x[row + j] = a;
            bad |= a * 0.0 != 0.0; // NaN exactly when a is not finite
        }
        return bad;
    }

    /**
     * Both rows' maxima in one pass, into {@link #pairMaxA} and {@link #pairMaxB}: two streams from memory at
     * once (each row's first read misses the caches). Exact, as {@link SoftmaxRows#max}.
     */
    private void maxPair(double[] x, int ra, int rb) {
        double maxA = Double.NEGATIVE_INFINITY;
        double maxB = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v; j++) {
            maxA = Math.max(maxA, x[ra + j]);
            maxB = Math.max(maxB, x[rb + j]);
        }
        pairMaxA = maxA;
        pairMaxB = maxB;
    }

    /**
     * {@code g[j] = FastExp.exp((float) (x[row + j] - max))}, returning their sum taken in four chains (entry j
     * into chain j mod 4, the chains added as (0 + 1) + (2 + 3)). A repeated argument reuses the previous
     * exponential (equal arguments, equal results), as the float64 path does: most of a tabular row is one
     * shared value. Four chains, not one, take the additions' latency off the critical path.
     */
    private float expRow(double[] x, int row, double max, float[] g) {
        float s0 = 0.0f;
        float s1 = 0.0f;
        float s2 = 0.0f;
        float s3 = 0.0f;
        float arg = Float.NaN; // NaN equals nothing: the first exponential is always computed
        float e = 0.0f;
        int j = 0;
        for (; j + 3 < v; j += 4) {
            float t0 = (float) (x[row + j] - max);
            if (t0 != arg) {
                arg = t0;
                e = FastExp.exp(t0);
            }
            g[j] = e;
            s0 += e;
            float t1 = (float) (x[row + j + 1] - max);
            if (t1 != arg) {
                arg = t1;
                e = FastExp.exp(t1);
            }
            g[j + 1] = e;
            s1 += e;
            float t2 = (float) (x[row + j + 2] - max);
            if (t2 != arg) {
                arg = t2;
                e = FastExp.exp(t2);
            }
            g[j + 2] = e;
            s2 += e;
            float t3 = (float) (x[row + j + 3] - max);
            if (t3 != arg) {
                arg = t3;
                e = FastExp.exp(t3);
            }
            g[j + 3] = e;
            s3 += e;
        }
        for (; j < v; j++) {
            float t = (float) (x[row + j] - max);
            if (t != arg) {
                arg = t;
                e = FastExp.exp(t);
            }
            g[j] = e;
            s0 += e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Finishes row {@code touched[n]}'s gradient in {@code scratch[at ..]} (its pairs' successors, batch order)
     * and applies {@code x -= lr g} there; returns whether some updated x_j is not finite.
     */
    private boolean update(double[] x, int n, int at, double lr, double invB) {
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            scratch[at + next[b]] -= invB;
        }
        int row = touched[n] * v;
        boolean bad = false;
        for (int j = 0; j < v; j++) {
            double a = x[row + j] - lr * scratch[at + j];
            x[row + j] = a;
            bad |= a * 0.0 != 0.0; // NaN exactly when a is not finite
        }
        return bad;
    }

    /**
     * The softmax rows of two tokens, scaled by their batch counts, computed side by side: per row exactly
     * {@code e_j = exp(x_j - max)} in order, {@code sum += e_j} in order, then {@code e_j *= c_i / B / sum}
     * (the plain loop's arithmetic, so the same bits). Each row's sum is a chain of dependent additions; two
     * chains in one loop overlap. An exponential is only computed when a logit differs from the previous one
     * in its row (equal arguments give equal results): from the uniform start, a tabular row keeps one shared
     * value for every token never seen as its successor, so most of a row's exponentials are repeats.
     */
    private void softmaxPair(double[] x, double[] out, int a, int b, double invB) {
        softmaxPair(x, a, out, a * v, b, out, b * v, invB);
    }

    /** As above, writing row a's result at {@code outA[oa ..]} and row b's at {@code outB[ob ..]}. */
    private void softmaxPair(double[] x, int a, double[] outA, int oa, int b, double[] outB, int ob, double invB) {
        int ra = a * v;
        int rb = b * v;
        maxPair(x, ra, rb);
        double maxA = pairMaxA;
        double maxB = pairMaxB;
        double sumA = 0.0;
        double sumB = 0.0;
        double argA = Double.NaN; // NaN equals nothing: the first exponential is always computed
        double argB = Double.NaN;
        double eA = 0.0;
        double eB = 0.0;
        for (int j = 0; j < v; j++) {
            double ta = x[ra + j] - maxA;
            if (ta != argA) {
                argA = ta;
                eA = Math.exp(ta);
            }
            outA[oa + j] = eA;
            sumA += eA;
            double tb = x[rb + j] - maxB;
            if (tb != argB) {
                argB = tb;
                eB = Math.exp(tb);
            }
            outB[ob + j] = eB;
            sumB += eB;
        }
        scale(outA, oa, countOf[a] * invB / sumA);
        scale(outB, ob, countOf[b] * invB / sumB);
    }

    private void scale(double[] out, int row, double scale) {
        for (int j = row; j < row + v; j++) {
            out[j] *= scale;
        }
    }

    @Override
    public int rowLength() {
        return v;
    }

    @Override
    public int touchedRowCount() {
        return touchedCount;
    }

    @Override
    public int touchedRow(int n) {
        return touched[n];
    }

    /** Batch size B. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public String toString() {
        return "TabularMinibatch[B=" + batchSize + ", V=" + v + (row32 != null ? ", float32" : "") + "]";
    }
}
