package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;

/** Row-level softmax arithmetic shared by the models: log-sum-exp, cross-entropy, margins, curvature. */
final class SoftmaxRows {

    private SoftmaxRows() {
    }

    /**
     * {@code max_j z_j} over {@code z[from .. from+n)} ({@code -Infinity} if n = 0): the sequential
     * {@code Math.max} loop itself. Java 17 vectorises it as a reduction (Math.max is exactly associative and
     * commutative, NaN and signed zeros included, so the lanes' order changes no bit): measured 0.36 ns an
     * entry against 0.71 for four chains of plain comparisons with a NaN flag, the form used before.
     */
    static double max(double[] z, int from, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) {
            m = Math.max(m, z[j]);
        }
        return m;
    }

    /**
     * Writes {@code exp(z_j - max)} into {@code p[to .. to+n)} (p may alias z) and returns their sum,
     * added in order. The exponential is computed only when the argument changes from the previous one
     * (equal arguments give equal results; +0.0 and -0.0 both give 1): rows of bigram logits repeat one value
     * for all the tokens that never followed, so this skips most exponentials and changes no bit.
     */
    static double expInto(double[] z, int from, int n, double max, double[] p, int to) {
        double sum = 0.0;
        double arg = Double.NaN; // NaN equals nothing: the first exponential is always computed
        double e = 0.0;
        for (int j = 0; j < n; j++) {
            double t = z[from + j] - max;
            if (t != arg) {
                arg = t;
                e = Math.exp(t);
            }
            p[to + j] = e;
            sum += e;
        }
        return sum;
    }

    /** {@code log sum_j exp(z_j)} over {@code z[from .. from+n)}, stabilised by the maximum. */
    static double logSumExp(double[] z, int from, int n) {
        double max = max(z, from, n);
        double sum = 0.0;
        double arg = Double.NaN; // repeated arguments reuse the exponential, as in expInto
        double e = 0.0;
        for (int j = from; j < from + n; j++) {
            double t = z[j] - max;
            if (t != arg) {
                arg = t;
                e = Math.exp(t);
            }
            sum += e;
        }
        return max + Math.log(sum);
    }

    /** Writes {@code softmax(z[from .. from+n))} into {@code p[to .. to+n)} (may alias z). */
    static void softmax(double[] z, int from, int n, double[] p, int to) {
        double sum = expInto(z, from, n, max(z, from, n), p, to);
        double inv = 1.0 / sum;
        for (int j = 0; j < n; j++) {
            p[to + j] *= inv;
        }
    }

    /** {@code sum_j q_i(j) z[from + j]} over the successors of token i. */
    static double expectedLogit(BigramData data, int i, double[] z, int from) {
        double dot = 0.0;
        for (int e = data.rowStart(i); e < data.rowStart(i + 1); e++) {
            dot += data.probabilityAt(e) * z[from + data.successorAt(e)];
        }
        return dot;
    }

    /** {@code z_y - log sum_{j != y} exp(z_j)}: the log-margin of {@code y}; {@code -log p_y = log(1 + exp(-margin))}. */
    static double logMargin(double[] z, int from, int n, int y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (j != y) {
                max = Math.max(max, z[from + j]);
            }
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            if (j != y) {
                sum += Math.exp(z[from + j] - max);
            }
        }
        return z[from + y] - (max + Math.log(sum));
    }

    /**
     * Squared distance of the logits of token i from their optimum {@code log q_i} on the successor set S,
     * both centred over S (logits are defined up to a constant):
     * {@code sum_{j in S} ((z_j - mean_S z) - (log q_j - mean_S log q))^2}.
     */
    static double centredDistanceSquared(BigramData data, int i, double[] z, int from) {
        int lo = data.rowStart(i);
        int hi = data.rowStart(i + 1);
        int n = hi - lo;
        double meanZ = 0.0;
        double meanLogQ = 0.0;
        for (int e = lo; e < hi; e++) {
            meanZ += z[from + data.successorAt(e)];
            meanLogQ += Math.log(data.probabilityAt(e));
        }
        meanZ /= n;
        meanLogQ /= n;
        double sum = 0.0;
        for (int e = lo; e < hi; e++) {
            double d = (z[from + data.successorAt(e)] - meanZ) - (Math.log(data.probabilityAt(e)) - meanLogQ);
            sum += d * d;
        }
        return sum;
    }

    /**
     * Top eigenvalue of {@code diag(p) - p p^T} for a probability vector {@code p[from .. from+n)}.
     *
     * <p>It lies in {@code [p_(2), p_(1)]} (the two largest entries; eigenvalues of a diagonal matrix minus a
     * rank-one term interlace with the diagonal) and, when {@code p_(1) > p_(2)}, is the root there of the
     * secular equation {@code 1 = sum_j p_j^2 / (p_j - lambda)}, whose right side increases in lambda; we
     * bisect to the last bit. When the two largest entries tie, {@code e_a - e_b} is an eigenvector with
     * eigenvalue {@code p_(1)} exactly. O(n) per bisection step.
     */
    static double topCurvature(double[] p, int from, int n) {
        double d1 = -1.0;
        double d2 = -1.0;
        for (int j = from; j < from + n; j++) {
            double v = p[j];
            if (v > d1) {
                d2 = d1;
                d1 = v;
            } else if (v > d2) {
                d2 = v;
            }
        }
        if (d2 >= d1) {
            return d1;
        }
        double lo = Math.max(d2, 0.0);
        double hi = d1;
        for (int iteration = 0; iteration < 200; iteration++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double sum = 0.0;
            for (int j = from; j < from + n; j++) {
                double v = p[j];
                if (v > 0) {
                    sum += v * v / (v - mid);
                }
            }
            if (1.0 - sum > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
