package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.simulator.noise.GradientOracle;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float32 minibatch gradient against the float64 one on the same pairs.
 *
 * <p>Bound (u = 2^-24, S = max(1, max |x|), Z = k S^2 + S bounds every logit and its sum of absolute terms):
 * a float32 logit is off by at most (k + 3) u Z (k + 1 rounded products and sums, plus rounding x to float);
 * a softmax probability then by a relative eps_p = 2 (k + 3) u Z (numerator and maximum) + V u (the sum of V
 * terms) + 8 u (the exponential, within 4 u, and the division); a residual R = (p - onehot) / B by
 * p eps_p / B + u / B. Each gradient entry is a sum of at most max(B, V) products of a residual (sum of
 * |R| over a row <= 2 / B, over a column <= 1) with a parameter (<= S), plus the rounding of that sum, so
 * |g32 - g64| <= 2 S (eps_p + (B + V + 8) u). A worst case: the observed differences are far below it, and an
 * indexing mistake (entries of size 1 / B) far above.
 */
class FactoredPrecisionTest {

    private static final double U = 0x1p-24;

    static double bound(double[] x, int v, int k, int batch) {
        double s = 1.0;
        for (double value : x) {
            s = Math.max(s, Math.abs(value));
        }
        double z = k * s * s + s;
        double epsP = 2 * (k + 3) * U * z + v * U + 8 * U;
        return 2 * s * (epsP + (batch + v + 8) * U);
    }

    /**
     * V = 8, k = 13, B = 37: one zero-padded column tile, k + 1 = 14 and B leaving one and two rows after the
     * kernels' groups of three (their spare rows), k not a multiple of four (their remainder rows). V = 700,
     * k = 70: two column tiles of 512 (the last one partial). B = 300: two batch tiles of 256, the second partial
     * (its stale columns in the reused R^T buffer must not leak into the gradient).
     */
    @ParameterizedTest
    @CsvSource({"8, 13, 37", "700, 70, 37", "40, 6, 300"})
    void float32GradientWithinTheRoundingBound(int vocabulary, int k, int batch) {
        BigramData data = vocabulary == 8 ? Fixtures.small() : Fixtures.halfRivers(vocabulary, Frequencies.ZIPF, 4, 3);
        int v = data.vocabularySize();
        FactoredModel m64 = new FactoredModel(data, k, null, 3);
        FactoredModel m32 = new FactoredModel(data, k, null, 3, true);
        GradientOracle o64 = m64.newMinibatchOracle(batch);
        GradientOracle o32 = m32.newMinibatchOracle(batch);
        double[] g64 = new double[m64.dimension()];
        double[] g32 = Fixtures.randomPoint(m64.dimension(), 1, 9.0); // stale content must be overwritten
        for (int trial = 0; trial < 6; trial++) {
            double[] x = trial == 0 ? m64.defaultStart() : Fixtures.randomPoint(m64.dimension(), trial, 0.5 * trial);
            o64.gradient(x, g64, new SplittableRandom(40 + trial));
            o32.gradient(x, g32, new SplittableRandom(40 + trial));
            double tol = bound(x, v, k, batch);
            double worst = 0.0;
            for (int i = 0; i < g64.length; i++) {
                assertEquals(g64[i], g32[i], tol, "trial " + trial + ", entry " + i);
                worst = Math.max(worst, Math.abs(g64[i] - g32[i]));
            }
            assertTrue(worst > 0.0, "float32 differs from float64 somewhere (else the float32 path did not run)");
        }
    }

    /**
     * A short SGD run in both precisions on the same pairs. Per step the updates differ by at most lr times
     * the gradient bound; a difference d in x grows by at most (1 + lr h) per step with h a bound on the
     * minibatch gradient's Lipschitz constant. The test uses a small step (lr h < 0.1 with h taken as 4 S^2
     * (k + 1), twice the squared-logit-gradient norm bound), so after T steps the difference is below
     * T lr tol e^{T lr h}.
     */
    @Test
    void shortRunStaysWithinTheAccumulatedBound() {
        BigramData data = Fixtures.small();
        int v = data.vocabularySize();
        int k = 8;
        int batch = 16;
        FactoredModel m64 = new FactoredModel(data, k, null, 5);
        FactoredModel m32 = new FactoredModel(data, k, null, 5, true);
        GradientOracle o64 = m64.newMinibatchOracle(batch);
        GradientOracle o32 = m32.newMinibatchOracle(batch);
        double[] x64 = m64.defaultStart();
        double[] x32 = x64.clone();
        double[] g64 = new double[x64.length];
        double[] g32 = new double[x64.length];
        SplittableRandom r64 = new SplittableRandom(7);
        SplittableRandom r32 = new SplittableRandom(7);
        int steps = 50;
        double s = 2.0;
        double h = 4 * s * s * (k + 1);
        double lr = 0.1 / h;
        double worstTol = 0.0;
        for (int t = 0; t < steps; t++) {
            o64.gradient(x64, g64, r64);
            o32.gradient(x32, g32, r32);
            worstTol = Math.max(worstTol, bound(x64, v, k, batch));
            for (int i = 0; i < x64.length; i++) {
                x64[i] -= lr * g64[i];
                x32[i] -= lr * g32[i];
            }
        }
        for (double value : x64) {
            assertTrue(Math.abs(value) < s, "parameters stay within S = " + s + " (the bound's premise)");
        }
        double tol = steps * lr * worstTol * Math.exp(steps * lr * h);
        for (int i = 0; i < x64.length; i++) {
            assertEquals(x64[i], x32[i], tol, "entry " + i);
        }
        assertEquals(m64.value(x64), m64.value(x32), 10 * tol * x64.length, "population loss");
    }
}
