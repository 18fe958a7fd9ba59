package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;

/** Row-level softmax arithmetic shared by the models: log-sum-exp, cross-entropy, margins, curvature. */
final class SoftmaxRows {

    private SoftmaxRows() {
    }

    /** {@code log sum_j exp(z_j)} over {@code z[from .. from+n)}, stabilised by the maximum. */
    static double logSumExp(double[] z, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0.0;
        for (int j = from; j < from + n; j++) {
            sum += Math.exp(z[j] - max);
        }
        return max + Math.log(sum);
    }

    /** Writes {@code softmax(z[from .. from+n))} into {@code p[to .. to+n)} (may alias z). */
    static void softmax(double[] z, int from, int n, double[] p, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, z[from + j]);
        }
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            double e = Math.exp(z[from + j] - max);
            p[to + j] = e;
            sum += e;
        }
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
