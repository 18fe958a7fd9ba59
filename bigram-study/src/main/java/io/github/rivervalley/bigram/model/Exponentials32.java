package io.github.rivervalley.bigram.model;

/**
 * A float32 tabular row's exponentials ({@code precision: float32}, {@link TabularMinibatch}): the values and
 * their sum in a fixed order, and the lowest argument (for {@link RowPair}'s finiteness bound). Not
 * thread-safe: one per oracle.
 */
final class Exponentials32 {

    /** The row's exponentials, then (scaled by the oracle) its gradient. */
    final float[] values;
    /** The lowest argument {@link #fill} saw. */
    double lowest;
    private final int v;

    Exponentials32(int v) {
        this.v = v;
        this.values = new float[v];
    }

    /**
     * {@code values[j] = FastExp.exp((float) (x[row + j] - max))}, returning their sum taken in four chains (entry j
     * into chain j mod 4 up to the last multiple of four, the rest into chain 0, the chains added as
     * (0 + 1) + (2 + 3)), with the row copied into {@code copy} and the
     * lowest argument left in {@link #lowest}. A repeated argument reuses the previous exponential
     * (equal arguments, equal results), as the float64 path does: most of a tabular row is one shared value.
     * Four chains, not one, take the additions' latency off the critical path.
     */
    float fill(double[] x, int row, double max, double[] copy) {
        float[] g = values;
        System.arraycopy(x, row, copy, 0, v); // the row is in cache after its maximum
        float s0 = 0.0f;
        float s1 = 0.0f;
        float s2 = 0.0f;
        float s3 = 0.0f;
        float low = 0.0f;
        float arg = Float.NaN; // NaN equals nothing: the first exponential is always computed
        float e = 0.0f;
        int j = 0;
        for (; j + 3 < v; j += 4) {
            float t0 = (float) (copy[j] - max);
            if (t0 != arg) {
                arg = t0;
                e = FastExp.exp(t0);
                low = Math.min(low, t0); // a repeat changes no minimum
            }
            g[j] = e;
            s0 += e;
            float t1 = (float) (copy[j + 1] - max);
            if (t1 != arg) {
                arg = t1;
                e = FastExp.exp(t1);
                low = Math.min(low, t1);
            }
            g[j + 1] = e;
            s1 += e;
            float t2 = (float) (copy[j + 2] - max);
            if (t2 != arg) {
                arg = t2;
                e = FastExp.exp(t2);
                low = Math.min(low, t2);
            }
            g[j + 2] = e;
            s2 += e;
            float t3 = (float) (copy[j + 3] - max);
            if (t3 != arg) {
                arg = t3;
                e = FastExp.exp(t3);
                low = Math.min(low, t3);
            }
            g[j + 3] = e;
            s3 += e;
        }
        for (; j < v; j++) {
            float t = (float) (copy[j] - max);
            if (t != arg) {
                arg = t;
                e = FastExp.exp(t);
                low = Math.min(low, t);
            }
            g[j] = e;
            s0 += e;
        }
        lowest = low;
        return (s0 + s1) + (s2 + s3);
    }
}
