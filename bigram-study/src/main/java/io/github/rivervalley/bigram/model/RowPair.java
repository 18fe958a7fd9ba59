package io.github.rivervalley.bigram.model;

/**
 * Working copies of the two table rows a fused tabular step is on, with their gradients, and the maxima of the
 * group of four rows they belong to.
 *
 * <p>Why copies: Java 17's auto-vectoriser only turns a loop over two arrays into SIMD code when both are
 * indexed by the same expression (it cannot rule out that {@code x[row + j]} and {@code g[j]} overlap), so
 * {@code x[row + j] -= lr g[j]} ran as scalar code, 0.85 ns an entry. The softmax pass, scalar anyway (it skips
 * repeated exponentials), also copies the rows; the update then indexes every array by the loop variable alone
 * and runs at about a fifth of that, and {@code System.arraycopy} puts the rows back. The arithmetic is the
 * same, so the bits are.
 *
 * <p>Finiteness without a scan: the pass that fills the copies records each row's maximum and lowest
 * {@code x_j - max}, which bound {@code max |x_j|}; and a row's gradient entries are at
 * most 2 in magnitude (a softmax entry is at most 1, scaled by {@code c_i / B / sum} with {@code c_i <= B} and
 * {@code sum >= 1}, minus {@code 1/B} for each of the row's {@code c_i} pairs; rounding adds a few units in the
 * last place). So {@code |x_j - lr g_j| <= (|x_j| + 2 lr (1 + u)) (1 + u)}, finite whenever
 * {@code max |x_j| + 4 lr} is below half the largest double; only a row that fails this test (or holds a
 * non-finite entry, which makes its extremes NaN or infinite) is scanned after its update.
 */
final class RowPair {

    /** Rows per group: the maxima of a group are taken in one pass. */
    static final int GROUP = 4;
    private static final double SAFE = 0.5 * Double.MAX_VALUE;

    /** The copies of the pair's rows, and their gradients. */
    final double[] a;
    final double[] b;
    final double[] gradientA;
    final double[] gradientB;
    /** The maxima of the four rows of a group ({@link #maxima}). */
    final double[] maxima = new double[GROUP];
    /**
     * The lowest {@code t_j = x_j - max} of each row of the pair (in float32 mode its float rounding, which is
     * within a factor {@code 1 + 2^-24} of it, or infinite), recorded by the softmax pass.
     */
    double lowA;
    double lowB;
    /** Each row's softmax scale {@code c_i / B / sum}, recorded by the same pass. */
    double scaleA;
    double scaleB;
    private final int v;

    RowPair(int v) {
        this.v = v;
        this.a = new double[v];
        this.b = new double[v];
        this.gradientA = new double[v];
        this.gradientB = new double[v];
    }

    /**
     * The maxima of the rows at {@code x[r0 ..]} .. {@code x[r3 ..]} in one pass: four streams from memory at once
     * (a row's first read misses the caches; four streams fetch 5% more pairs/s than two). {@code Math.max} is
     * exact in any order, NaN and signed zeros included, so Java 17 vectorises the loop as a reduction; each
     * result is {@link SoftmaxRows#max}'s.
     */
    void maxima(double[] x, int r0, int r1, int r2, int r3) {
        double m0 = Double.NEGATIVE_INFINITY;
        double m1 = Double.NEGATIVE_INFINITY;
        double m2 = Double.NEGATIVE_INFINITY;
        double m3 = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v; j++) {
            m0 = Math.max(m0, x[r0 + j]);
            m1 = Math.max(m1, x[r1 + j]);
            m2 = Math.max(m2, x[r2 + j]);
            m3 = Math.max(m3, x[r3 + j]);
        }
        maxima[0] = m0;
        maxima[1] = m1;
        maxima[2] = m2;
        maxima[3] = m3;
    }

    /** {@code row_j -= lr (e_j s)} on a copy (vectorised: both arrays indexed alike). */
    void update(double[] row, double[] e, double s, double lr) {
        for (int j = 0; j < v; j++) {
            row[j] = row[j] - lr * (e[j] * s);
        }
    }

    /**
     * Puts an updated copy back into {@code x[at ..]}; whether some entry is not finite ({@code max} and
     * {@code low} are the row's before the update, for the bound).
     */
    boolean store(double[] row, double[] x, int at, double max, double low, double lr) {
        System.arraycopy(row, 0, x, at, v);
        return mayOverflow(max, low, lr) && !allFinite(row, 0);
    }

    /** {@code row -= lr g} on a copy with a float32 gradient, then {@link #store}. */
    boolean step(double[] row, float[] g, double lr, double[] x, int at, double max, double low) {
        for (int j = 0; j < v; j++) {
            row[j] = row[j] - lr * g[j];
        }
        return store(row, x, at, max, low, lr);
    }

    /**
     * Whether the bound of the class comment fails to show the updated row finite: {@code |x_j| <= |max| + 2 |low|}
     * ({@code x_j - max} is rounded once, or twice in float32 mode, and is at least {@code low} up to that); a NaN or
     * infinite max or low fails.
     */
    static boolean mayOverflow(double max, double low, double lr) {
        return !(Math.abs(max) + 2.0 * Math.abs(low) + 4.0 * lr < SAFE);
    }

    /** Whether the row at {@code x[from ..]} is all finite. */
    boolean allFinite(double[] x, int from) {
        boolean finite = true;
        for (int j = from; j < from + v; j++) {
            finite &= x[j] * 0.0 == 0.0; // NaN exactly when the entry is not finite
        }
        return finite;
    }
}
