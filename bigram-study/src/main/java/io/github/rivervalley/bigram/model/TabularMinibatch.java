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
    /** Each token's index among the touched rows, the pairs of each row (batch order), the rows being worked on. */
    private final int[] slotOf;
    private final int[] firstPair;
    private final int[] nextPair;
    private final RowPair rows;
    /** float32 mode: a row's gradient; else null. */
    private final float[] row32;
    /** float32 mode: the four partial sums of {@link #expRow}, and the lowest argument it saw. */
    private final float[] chains = new float[4];
    private double lowest;

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
        this.rows = new RowPair(v);
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
                rows.maximum(x, row);
                rowGradient32(x, row, n, rows.maxA, rows.a);
                for (int j = 0; j < v; j++) {
                    out[row + j] = row32[j];
                }
            }
            return Double.NaN;
        }
        double invB = 1.0 / batchSize;
        int n = 0;
        for (; n + 1 < touchedCount; n += 2) {
            int a = touched[n];
            int b = touched[n + 1];
            rows.maxima(x, a * v, b * v);
            softmaxPair(x, a, out, a * v, b, out, b * v, invB);
        }
        if (n < touchedCount) {
            int i = touched[n];
            rows.maximum(x, i * v);
            softmaxPair(x, i, out, i * v, i, rows.gradientB, 0, invB); // the second copy is discarded
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
     * then {@code - 1/B} at each of its pairs' successors in batch order) into a row's gradient, and at once
     * {@code x - lr g} on that row while it is in cache ({@link RowPair}: the rows are worked on as copies).
     * The next {@link #gradient} call clears its output in full, since this one did not write it.
     */
    @Override
    public boolean sgdStep(double[] x, double lr, RandomGenerator random) {
        lastOut = null;
        sample(random);
        linkPairs();
        boolean bad = false;
        int n = 0;
        if (row32 != null) {
            for (; n + 1 < touchedCount; n += 2) {
                int ra = touched[n] * v;
                int rb = touched[n + 1] * v;
                rows.maxima(x, ra, rb);
                rows.lowA = rowGradient32(x, ra, n, rows.maxA, rows.a);
                bad |= rows.stepA(x, ra, row32, lr);
                rows.lowB = rowGradient32(x, rb, n + 1, rows.maxB, rows.b);
                bad |= rows.stepB(x, rb, row32, lr);
            }
            if (n < touchedCount) {
                int ra = touched[n] * v;
                rows.maximum(x, ra);
                rows.lowA = rowGradient32(x, ra, n, rows.maxA, rows.a);
                bad |= rows.stepA(x, ra, row32, lr);
            }
            return bad;
        }
        double invB = 1.0 / batchSize;
        for (; n + 1 < touchedCount; n += 2) {
            int a = touched[n];
            int b = touched[n + 1];
            rows.maxima(x, a * v, b * v);
            softmaxPair(x, a, rows.gradientA, 0, b, rows.gradientB, 0, invB);
            subtractSuccessors(n, rows.gradientA, invB);
            bad |= rows.stepA(x, a * v, rows.gradientA, lr);
            subtractSuccessors(n + 1, rows.gradientB, invB);
            bad |= rows.stepB(x, b * v, rows.gradientB, lr);
        }
        if (n < touchedCount) {
            int i = touched[n];
            rows.maximum(x, i * v);
            softmaxPair(x, i, rows.gradientA, 0, i, rows.gradientB, 0, invB); // the second copy is discarded
            subtractSuccessors(n, rows.gradientA, invB);
            bad |= rows.stepA(x, i * v, rows.gradientA, lr);
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
     * Row {@code touched[n]}'s gradient in float32 into {@link #row32}, the row {@code x[row ..]} copied into
     * {@code copy}; returns the lowest {@code t_j} below (for {@link RowPair}'s bound). {@code t_j = (float) (x_j -
     * max)} (the maximum and the difference in float64, exact in the maximum), {@code e_j = exp(t_j)} by
     * {@link FastExp}, {@code g_j = e_j * (c_i * (float) (1/B) / sum)}, then {@code - (float) (1/B)} at each of the
     * row's pairs' successors in batch order. Every step is float32 arithmetic in a fixed order.
     */
    private double rowGradient32(double[] x, int row, int n, double max, double[] copy) {
        int i = touched[n];
        float[] g = row32;
        float sum = expRow(x, row, max, g, copy);
        float invB = (float) (1.0 / batchSize);
        float scale = countOf[i] * invB / sum;
        for (int j = 0; j < v; j++) {
            g[j] *= scale;
        }
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            g[next[b]] -= invB;
        }
        return lowest;
    }

    /**
     * {@code g[j] = FastExp.exp((float) (x[row + j] - max))}, returning their sum taken in four chains (entry j
     * into chain j mod 4, the chains added as (0 + 1) + (2 + 3)), with the row copied into {@code copy} and the
     * lowest argument left in {@link #lowest}. A repeated argument reuses the previous exponential
     * (equal arguments, equal results), as the float64 path does: most of a tabular row is one shared value.
     * Four chains, not one, take the additions' latency off the critical path.
     */
    private float expRow(double[] x, int row, double max, float[] g, double[] copy) {
        float[] sums = chains;
        Arrays.fill(sums, 0.0f);
        float low = 0.0f;
        float arg = Float.NaN; // NaN equals nothing: the first exponential is always computed
        float e = 0.0f;
        System.arraycopy(x, row, copy, 0, v); // the row is in cache after its maximum
        for (int j = 0; j < v; j++) {
            double d = copy[j] - max;
            float t = (float) d;
            if (t != arg) {
                arg = t;
                e = FastExp.exp(t);
                low = Math.min(low, t); // a repeat changes no minimum
            }
            g[j] = e;
            sums[j & 3] += e;
        }
        lowest = low;
        return (sums[0] + sums[1]) + (sums[2] + sums[3]);
    }

    /** Finishes row {@code touched[n]}'s gradient {@code g}: {@code - 1/B} at its pairs' successors, in batch order. */
    private void subtractSuccessors(int n, double[] g, double invB) {
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            g[next[b]] -= invB;
        }
    }

    /**
     * The softmax rows of tokens a and b (their maxima in {@link #rows}), scaled by their batch counts, into
     * {@code outA[oa ..]} and {@code outB[ob ..]}, the rows copied into {@link #rows} with their lowest
     * {@code x_j - max}; computed side by side: per row exactly
     * {@code e_j = exp(x_j - max)} in order, {@code sum += e_j} in order, then {@code e_j *= c_i / B / sum}
     * (the plain loop's arithmetic, so the same bits). Each row's sum is a chain of dependent additions; two
     * chains in one loop overlap. An exponential is only computed when a logit differs from the previous one
     * in its row (equal arguments give equal results): from the uniform start, a tabular row keeps one shared
     * value for every token never seen as its successor, so most of a row's exponentials are repeats.
     */
    private void softmaxPair(double[] x, int a, double[] outA, int oa, int b, double[] outB, int ob, double invB) {
        double[] xa = rows.a;
        double[] xb = rows.b;
        System.arraycopy(x, a * v, xa, 0, v); // the rows are in cache after their maxima
        System.arraycopy(x, b * v, xb, 0, v);
        double maxA = rows.maxA;
        double maxB = rows.maxB;
        double sumA = 0.0;
        double sumB = 0.0;
        double lowA = 0.0;
        double lowB = 0.0;
        double argA = Double.NaN; // NaN equals nothing: the first exponential is always computed
        double argB = Double.NaN;
        double eA = 0.0;
        double eB = 0.0;
        for (int j = 0; j < v; j++) {
            double ta = xa[j] - maxA;
            if (ta != argA) {
                argA = ta;
                eA = Math.exp(ta);
                lowA = Math.min(lowA, ta); // a repeat changes no minimum
            }
            outA[oa + j] = eA;
            sumA += eA;
            double tb = xb[j] - maxB;
            if (tb != argB) {
                argB = tb;
                eB = Math.exp(tb);
                lowB = Math.min(lowB, tb);
            }
            outB[ob + j] = eB;
            sumB += eB;
        }
        rows.lowA = lowA;
        rows.lowB = lowB;
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
