package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;

/**
 * The steepest hill of a bigram dataset at the optimum: the hill token whose Hessian block
 * {@code pi_i (diag(q_i) - q_i q_i^T)} (on its successor set) has the largest top eigenvalue, and that
 * eigenvector, stored per successor entry of the token.
 *
 * <p>For {@code D - q q^T} with top eigenvalue {@code lambda} strictly between the two largest entries of q,
 * the eigenvector is {@code v_j = q_j / (q_j - lambda)} (from {@code (D - lambda I) v = q (q . v)}); when the two
 * largest entries tie, it is {@code (e_a - e_b) / sqrt 2}.
 *
 * @param token the steepest hill token
 * @param curvature {@code pi_i lambda_max} of that token
 * @param vector unit eigenvector over the token's successor entries, in entry order
 */
record HillDirection(int token, double curvature, double[] vector) {

    /** The steepest hill direction of {@code data}, or null when no hill token has two or more successors. */
    static HillDirection of(BigramData data) {
        int best = -1;
        double bestCurvature = 0.0;
        double[] q = new double[data.maxSuccessorCount()];
        for (int i = 0; i < data.vocabularySize(); i++) {
            int n = data.successorCount(i);
            if (data.frequency(i) == 0 || n < 2 || data.isRiverGroup(data.groupOf(i))) {
                continue;
            }
            int from = data.rowStart(i);
            for (int e = 0; e < n; e++) {
                q[e] = data.probabilityAt(from + e);
            }
            double curvature = data.frequency(i) * SoftmaxRows.topCurvature(q, 0, n);
            if (curvature > bestCurvature) {
                bestCurvature = curvature;
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        int n = data.successorCount(best);
        int from = data.rowStart(best);
        for (int e = 0; e < n; e++) {
            q[e] = data.probabilityAt(from + e);
        }
        double lambda = SoftmaxRows.topCurvature(q, 0, n);
        int a = -1;
        int b = -1;
        for (int e = 0; e < n; e++) {
            if (a < 0 || q[e] > q[a]) {
                b = a;
                a = e;
            } else if (b < 0 || q[e] > q[b]) {
                b = e;
            }
        }
        double[] v = new double[n];
        boolean tie = q[a] == q[b];
        if (!tie) {
            for (int e = 0; e < n; e++) {
                double gap = q[e] - lambda;
                if (gap == 0) {
                    tie = true; // lambda rounded onto an entry: fall back to the two-entry form
                    break;
                }
                v[e] = q[e] / gap;
            }
        }
        if (tie) {
            java.util.Arrays.fill(v, 0.0);
            v[a] = 1.0;
            v[b] = -1.0;
        }
        // Exactly orthogonal to the constant vector (a shift of all logits must not move the displacement);
        // rounding in q_j / (q_j - lambda) would otherwise leave ~1e-14 of it.
        double mean = 0.0;
        for (double value : v) {
            mean += value / n;
        }
        for (int e = 0; e < n; e++) {
            v[e] -= mean;
        }
        double norm = 0.0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm) * (v[a] < 0 ? -1 : 1);
        for (int e = 0; e < n; e++) {
            v[e] /= norm;
        }
        return new HillDirection(best, data.frequency(best) * lambda, v);
    }

    /** {@code sum_e (z[s_e] - log q_e) v_e} over the token's successor entries, for its logits {@code z}. */
    double displacement(BigramData data, double[] z) {
        int from = data.rowStart(token);
        double sum = 0.0;
        for (int e = 0; e < vector.length; e++) {
            sum += (z[data.successorAt(from + e)] - Math.log(data.probabilityAt(from + e))) * vector[e];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "HillDirection[token " + token + ", curvature " + curvature + ", " + vector.length + " successors]";
    }
}
