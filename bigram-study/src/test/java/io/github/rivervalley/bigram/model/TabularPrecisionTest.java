package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float32 tabular minibatch gradient against the float64 one on the same pairs.
 *
 * <p>Bound, per entry (u = 2^-24; row i drawn c times in a batch of B, its entry j the successor of k pairs;
 * p the float64 softmax; T the spread max - min of the row): the argument {@code (float) (x_j - max)} is off
 * by a relative u (plus 2^-53 for the float64 difference), which moves its exponential by a relative
 * {@code T u}; {@link FastExp} adds at most 8 u (4 float32 ulps, {@code FastExpTest}). The sum of V such
 * terms in four chains adds (V / 4 + 2) u; {@code (float) (1/B)}, its product with c, the division and the
 * scaling 4 u. So {@code (c/B) p_j} is off by a relative {@code eps_p = 2 (T + 8) u + (V / 4 + 6) u}, times
 * 1.01 for the second-order terms (eps_p < 1e-3 here). Each of the k subtractions of {@code (float) (1/B)}
 * adds u / B (the rounded 1/B) and u c / B (the rounding of a result at most c / B). Exponentials that flush
 * to zero (arguments under -87.3) lose less than 1.2e-38. The float64 reference's own error (2^-53 per
 * operation) is far below each term. A wrong count, row or successor is off by 1/B; a wrong sum or scale by
 * a relative 1/V or more: both far above the bound, which is tight per entry.
 */
class TabularPrecisionTest {

    private static final double U = 0x1p-24;

    /** The bound above for an entry with softmax p, row spread T, row count c and successor count k. */
    static double bound(double p, double spread, int v, int c, int k, int batch) {
        double epsP = 2 * (spread + 8) * U + (v / 4.0 + 6) * U;
        return 1.01 * epsP * c * p / batch + k * (1.0 + c) * U / batch + 1.2e-38;
    }

    /**
     * V = 37 (a remainder after the four-chain loop), V = 700, B = 37 and 256; at zeros (one shared value per
     * row), on random points with spreads up to 60 (exponentials down to e^-60), and on one with spread 200
     * (exponentials flushed to zero).
     */
    @ParameterizedTest
    @CsvSource({"37, 37", "700, 37", "700, 256"})
    void float32GradientWithinTheRoundingBound(int vocabulary, int batch) {
        BigramData data = Fixtures.halfRivers(vocabulary, Frequencies.ZIPF, 4, 3);
        int v = data.vocabularySize();
        TabularMinibatch o64 = new TabularModel(data).newMinibatchOracle(batch);
        TabularMinibatch o32 = new TabularModel(data, true).newMinibatchOracle(batch);
        double[] g64 = new double[v * v];
        double[] g32 = new double[v * v];
        double[] p = new double[v];
        double[] scales = {0.0, 0.5, 4.0, 30.0, 100.0};
        for (int trial = 0; trial < scales.length; trial++) {
            double[] x = trial == 0 ? new double[v * v] : Fixtures.randomPoint(v * v, trial, scales[trial]);
            Xoshiro256PlusPlus random = Xoshiro256PlusPlus.forReplica(40, trial);
            Xoshiro256PlusPlus replay = random.copy();
            o64.gradient(x, g64, random.copy());
            o32.gradient(x, g32, random);
            // The batch recomputed from the same draws: each row's count c, each entry's successor count k.
            int[] count = new int[v];
            int[] successors = new int[v * v];
            for (int b = 0; b < batch; b++) {
                int i = data.sampleToken(replay);
                count[i]++;
                successors[i * v + data.sampleSuccessor(i, replay)]++;
            }
            double worst = 0.0;
            for (int i = 0; i < v; i++) {
                int row = i * v;
                SoftmaxRows.softmax(x, row, v, p, 0);
                double spread = SoftmaxRows.max(x, row, v) + SoftmaxRows.max(negated(x, row, v), 0, v);
                for (int j = 0; j < v; j++) {
                    double tol = bound(p[j], spread, v, count[i], successors[row + j], batch);
                    assertEquals(g64[row + j], g32[row + j], tol, "trial " + trial + ", row " + i + ", entry " + j);
                    worst = Math.max(worst, Math.abs(g64[row + j] - g32[row + j]));
                }
            }
            assertTrue(worst > 0.0, "float32 differs from float64 somewhere (else the float32 path did not run)");
        }
    }

    private static double[] negated(double[] x, int from, int n) {
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = -x[from + j];
        }
        return out;
    }

    /**
     * A 200-step fused SGD run in both precisions on the same pairs. Each step's updates differ by at most
     * lr times the gradient bound (taken with c = B, k = c and p = 1: at most {@code 1.01 eps_p + (1 + B) u}).
     * A row's minibatch gradient {@code (c/B) softmax(x_i) - ...} has Jacobian {@code (c/B)(diag p - p p^T)},
     * of max-norm {@code max_j 2 p_j (1 - p_j) <= 1/2}, so a max-norm difference d grows to at most
     * {@code d (1 + lr/2) + lr tol} per step: after T steps below {@code T lr tol e^(T lr / 2)}.
     */
    @Test
    void shortRunStaysWithinTheAccumulatedBound() {
        BigramData data = Fixtures.halfRivers(50, Frequencies.ZIPF, 4, 8);
        int v = data.vocabularySize();
        int batch = 32;
        TabularModel m64 = new TabularModel(data);
        TabularMinibatch o64 = m64.newMinibatchOracle(batch);
        TabularMinibatch o32 = new TabularModel(data, true).newMinibatchOracle(batch);
        double[] x64 = m64.defaultStart();
        double[] x32 = x64.clone();
        Xoshiro256PlusPlus r64 = Xoshiro256PlusPlus.forReplica(9, 0);
        Xoshiro256PlusPlus r32 = r64.copy();
        int steps = 200;
        double lr = 0.02;
        double worstTol = 0.0;
        for (int t = 0; t < steps; t++) {
            double spread = 2 * Math.max(maxAbs(x64), maxAbs(x32));
            worstTol = Math.max(worstTol, bound(1.0, spread, v, batch, batch, batch));
            o64.sgdStep(x64, lr, r64);
            o32.sgdStep(x32, lr, r32);
        }
        double tol = steps * lr * worstTol * Math.exp(steps * lr / 2);
        double worst = 0.0;
        for (int n = 0; n < x64.length; n++) {
            assertEquals(x64[n], x32[n], tol, "entry " + n);
            worst = Math.max(worst, Math.abs(x64[n] - x32[n]));
        }
        assertTrue(worst > 0.0, "the runs differ somewhere (else the float32 path did not run)");
        assertTrue(maxAbs(x64) > 0.05, "the run moved the parameters");
    }

    private static double maxAbs(double[] x) {
        double m = 0.0;
        for (double value : x) {
            m = Math.max(m, Math.abs(value));
        }
        return m;
    }
}
