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
 *
 * <p>With the Vector API ({@link VectorApi}) the rows' maxima and the fused step (either precision) use
 * {@link VectorRows}, which works per run of equal logits on the table itself; without it, {@link RowPair} and
 * the plain loops. The two give the same bits.
 */
public final class TabularMinibatch implements FusedSgd {

    private static final int GROUP = RowPair.GROUP;

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
    private final Exponentials32 row32;
    /** For {@link #fusedStep}: the entries whose gradient is finished carry the current mark. */
    private final int[] finished;
    private int finishedMark;
    /** The Vector API kernels ({@link VectorApi}), or null for the plain ones; the same bits either way. */
    private final VectorRows vector;
    /** For {@link #vectorStep}: the updated entries of a row's successors, by pair. */
    private final double[] successors;

    TabularMinibatch(TabularModel model, int batchSize, boolean float32) {
        this(model, batchSize, float32, VectorApi.enabled());
    }

    /** With the Vector API kernels or without them (the tests compare the two). */
    TabularMinibatch(TabularModel model, int batchSize, boolean float32, boolean vectorKernels) {
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
        this.finished = new int[v];
        this.row32 = float32 ? new Exponentials32(v) : null;
        this.vector = vectorKernels ? new VectorRows(v) : null;
        this.successors = new double[batchSize];
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
                rowGradient32(x, row, n, groupMaximum(x, n), rows.a);
                for (int j = 0; j < v; j++) {
                    out[row + j] = row32.values[j];
                }
            }
            return Double.NaN;
        }
        double invB = 1.0 / batchSize;
        for (int n = 0; n < touchedCount; n += 2) {
            double maxA = groupMaximum(x, n);
            int a = touched[n];
            if (n + 1 < touchedCount) {
                int b = touched[n + 1];
                softmaxPair(x, a, out, a * v, maxA, b, out, b * v, rows.maxima[(n + 1) % GROUP], invB);
                scale(out, b * v, rows.scaleB);
            } else { // a lone last row: worked on as a pair with itself, the second result discarded
                softmaxPair(x, a, out, a * v, maxA, a, rows.gradientB, 0, maxA, invB);
            }
            scale(out, a * v, rows.scaleA);
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
        if (row32 != null && vector == null) {
            for (int n = 0; n < touchedCount; n++) {
                int row = touched[n] * v;
                double max = groupMaximum(x, n);
                double low = rowGradient32(x, row, n, max, rows.a);
                bad |= rows.step(rows.a, row32.values, lr, x, row, max, low);
            }
            return bad;
        }
        double invB = 1.0 / batchSize;
        if (vector != null) {
            for (int n = 0; n < touchedCount; n++) {
                bad |= vectorStep(x, n, groupMaximum(x, n), lr, invB);
            }
            return bad;
        }
        for (int n = 0; n < touchedCount; n += 2) {
            double maxA = groupMaximum(x, n);
            int a = touched[n];
            boolean lone = n + 1 == touchedCount; // worked on as a pair with itself, the second result discarded
            int b = lone ? a : touched[n + 1];
            double maxB = lone ? maxA : rows.maxima[(n + 1) % GROUP];
            softmaxPair(x, a, rows.gradientA, 0, maxA, b, rows.gradientB, 0, maxB, invB);
            bad |= fusedStep(x, n, rows.a, rows.gradientA, rows.scaleA, lr, invB, maxA, rows.lowA);
            if (!lone) {
                bad |= fusedStep(x, n + 1, rows.b, rows.gradientB, rows.scaleB, lr, invB, maxB, rows.lowB);
            }
        }
        return bad;
    }

    /**
     * The maximum of touched row n; at the first row of a group of {@value RowPair#GROUP}, the group's maxima are
     * taken first, in one pass ({@link RowPair#maxima}; rows past the last touched one repeat it).
     */
    private double groupMaximum(double[] x, int n) {
        int slot = n % GROUP;
        if (slot == 0 && vector != null) {
            vector.maxima(x, rowOffset(n), rowOffset(n + 1), rowOffset(n + 2), rowOffset(n + 3), rows.maxima);
        } else if (slot == 0) {
            rows.maxima(x, rowOffset(n), rowOffset(n + 1), rowOffset(n + 2), rowOffset(n + 3));
        }
        return rows.maxima[slot];
    }

    private int rowOffset(int n) {
        return touched[Math.min(n, touchedCount - 1)] * v;
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
     * Row {@code touched[n]}'s gradient in float32 into {@code row32.values}, the row {@code x[row ..]} copied into
     * {@code copy}; returns the lowest {@code t_j} below (for {@link RowPair}'s bound). {@code t_j = (float) (x_j -
     * max)} (the maximum and the difference in float64, exact in the maximum), {@code e_j = exp(t_j)} by
     * {@link FastExp}, {@code g_j = e_j * (c_i * (float) (1/B) / sum)}, then {@code - (float) (1/B)} at each of the
     * row's pairs' successors in batch order. Every step is float32 arithmetic in a fixed order.
     */
    private double rowGradient32(double[] x, int row, int n, double max, double[] copy) {
        int i = touched[n];
        float[] g = row32.values;
        float sum = row32.fill(x, row, max, copy);
        float invB = (float) (1.0 / batchSize);
        float scale = countOf[i] * invB / sum;
        for (int j = 0; j < v; j++) {
            g[j] *= scale;
        }
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            g[next[b]] -= invB;
        }
        return row32.lowest;
    }

    /**
     * The SGD step on touched row n, copied in {@code row}, from its exponentials {@code e} and scale {@code s}:
     * exactly {@code x_j - lr g_j} with {@code g_j = e_j s}, minus {@code 1/B} for each of the row's pairs whose
     * successor is j, in batch order ({@link #gradient}'s arithmetic), without a pass that scales the row: the
     * successors' entries are finished first ({@code e_j s - 1/B ...}, in place), the update computes
     * {@code row_j - lr (e_j s)} everywhere ({@link RowPair#update}), then the successors' entries are
     * recomputed from x, which still holds the old row. Returns whether some updated entry is not finite.
     */
    private boolean fusedStep(double[] x, int n, double[] row, double[] e, double s, double lr, double invB,
            double max, double low) {
        finishSuccessors(n, e, s, invB);
        rows.update(row, e, s, lr);
        int at = touched[n] * v;
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            int j = next[b];
            row[j] = x[at + j] - lr * e[j];
        }
        return rows.store(row, x, at, max, low, lr);
    }

    /**
     * {@link #fusedStep} with the Vector API kernels, on the table itself rather than on copies, in either
     * precision: the row's ordered sum of exponentials from its runs ({@link VectorRows#exponentials}, or
     * {@link VectorRows#exponentials32} with {@link #rowGradient32}'s arithmetic), its successors' entries
     * finished (their exponentials taken again: an equal argument gives the run's bits) and updated aside from
     * the old row, the update {@code x_j - lr (e_j s)} in place, then the successors' entries written over it.
     * The same arithmetic, so the same bits.
     */
    private boolean vectorStep(double[] x, int n, double max, double lr, double invB) {
        int i = touched[n];
        int at = i * v;
        int slot = n % GROUP;
        if (row32 == null) {
            double s = countOf[i] * invB / vector.exponentials(slot, max);
            double[] e = rows.gradientA; // scratch: only the successors' entries
            for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
                e[next[b]] = Math.exp(x[at + next[b]] - max);
            }
            finishSuccessors(n, e, s, invB);
            for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
                successors[b] = x[at + next[b]] - lr * e[next[b]];
            }
            vector.update(x, at, slot, s, lr);
        } else {
            float invB32 = (float) invB;
            float scale = countOf[i] * invB32 / vector.exponentials32(slot, max);
            float[] g = row32.values; // scratch: only the successors' entries
            int mark = nextMark();
            for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
                int j = next[b];
                if (firstVisit(j, mark)) {
                    g[j] = FastExp.exp((float) (x[at + j] - max)) * scale;
                }
                g[j] -= invB32;
            }
            for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
                successors[b] = x[at + next[b]] - lr * g[next[b]];
            }
            vector.update32(x, at, slot, scale, lr);
        }
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            x[at + next[b]] = successors[b];
        }
        return RowPair.mayOverflow(max, vector.low, lr) && !rows.allFinite(x, at);
    }

    /**
     * The gradient entries of row n's successors from its exponentials {@code e} and scale s, in place:
     * {@code e_j s}, then {@code - 1/B} for each of its pairs whose successor is j, in batch order.
     */
    private void finishSuccessors(int n, double[] e, double s, double invB) {
        int mark = nextMark();
        for (int b = firstPair[n]; b >= 0; b = nextPair[b]) {
            int j = next[b];
            if (firstVisit(j, mark)) {
                e[j] *= s;
            }
            e[j] -= invB;
        }
    }

    /** Whether entry j is seen for the first time under {@code mark} (then it is marked). */
    private boolean firstVisit(int j, int mark) {
        if (finished[j] == mark) {
            return false;
        }
        finished[j] = mark;
        return true;
    }

    /** A new mark for {@link #finished} (all cleared when the counter wraps). */
    private int nextMark() {
        if (++finishedMark == 0) {
            Arrays.fill(finished, 0);
            finishedMark = 1;
        }
        return finishedMark;
    }

    /**
     * The exponentials of the softmax rows of tokens a and b (with maxima maxA and maxB) into
     * {@code outA[oa ..]} and {@code outB[ob ..]}, the rows copied into {@link #rows} with their lowest
     * {@code x_j - max}; computed side by side: per row exactly
     * {@code e_j = exp(x_j - max)} in order, {@code sum += e_j} in order, and the scale {@code c_i / B / sum}
     * into {@link RowPair#scaleA} and {@link RowPair#scaleB} (the plain loop's arithmetic, so the same bits). Each
     * row's sum is a chain of dependent additions; two chains in one loop overlap. The copies serve only the
     * fused step; {@link #gradient} makes them too, since reading x at the rows' offsets in this loop measured
     * 2% fewer pairs/s for the fused step. An exponential is only computed when a logit differs from the previous one
     * in its row (equal arguments give equal results): from the uniform start, a tabular row keeps one shared
     * value for every token never seen as its successor, so most of a row's exponentials are repeats.
     */
    private void softmaxPair(double[] x, int a, double[] outA, int oa, double maxA, int b, double[] outB, int ob,
            double maxB, double invB) {
        double[] xa = rows.a;
        double[] xb = rows.b;
        System.arraycopy(x, a * v, xa, 0, v); // the rows are in cache after their maxima
        System.arraycopy(x, b * v, xb, 0, v);
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
        rows.scaleA = countOf[a] * invB / sumA;
        rows.scaleB = countOf[b] * invB / sumB;
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
