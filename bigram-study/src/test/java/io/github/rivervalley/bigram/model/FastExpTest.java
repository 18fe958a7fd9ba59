package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link FastExp} against {@link Math#exp} rounded to float. */
class FastExpTest {

    /**
     * Over every float in [-87.3, 88.7] at a stride of 97 ulps (about 10 million arguments, both signs, all
     * binades): relative error within 4 float32 ulps (2^-21): reduction (n ln 2 exact in its high part), seven
     * Horner steps and the final scaling each round once, and the truncated series adds 1/20 ulp.
     */
    @Test
    void relativeErrorWithinFourUlps() {
        double worst = 0.0;
        for (float x : new float[] {-87.3f, 0.0f}) {
            float end = x < 0 ? -0.0f : 88.7f;
            // walk outward from zero by bits: from x's bits down to zero's for negatives, up to end for positives
            int from = Float.floatToRawIntBits(x < 0 ? end : x);
            int to = Float.floatToRawIntBits(x < 0 ? x : end);
            for (int bits = from; bits <= to; bits += 97) {
                float a = Float.intBitsToFloat(bits);
                double exact = Math.exp(a);
                worst = Math.max(worst, Math.abs(FastExp.exp(a) - exact) / exact);
            }
        }
        assertTrue(worst <= 0x1p-21, "worst relative error " + worst);
    }

    /**
     * The two-stage bulk form (what the softmax runs) gives {@link FastExp#exp} bit for bit, on arguments
     * from -120 to 0 (the flush-to-zero boundary included) plus NaN and the infinities.
     */
    @Test
    void bulkFormMatchesTheScalarOne() {
        int len = 4099;
        float[] x = new float[len];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int j = 0; j < len; j++) {
            x[j] = (float) (-120.0 * random.nextDouble());
        }
        x[7] = Float.NaN;
        x[8] = Float.NEGATIVE_INFINITY;
        x[9] = -87.4f;
        x[10] = -0.0f;
        x[11] = 0.75f; // argument 0 after the shift
        x[12] = -86.6f; // n = -126 after the shift: the smallest normal scale
        float shift = 0.75f;
        float[] p = x.clone();
        float[] n = new float[len];
        FastExp.reduce(p, shift, p, n, len);
        FastExp.scale(p, n, len);
        for (int j = 0; j < len; j++) {
            float expected = FastExp.exp(x[j] - shift);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(p[j]), "entry " + j + " (x = " + x[j] + ")");
        }
    }

    /**
     * The softmax's sum: {@link FastExp#accumulate} column by column over three rows of a 512-column tile
     * (the last one partial), then {@link FastExp#total}, pairwise, against the same tree written as a recursion
     * (column j is paired with j + 256, those sums with the ones at j + 128, and so on): the same bits.
     */
    @Test
    void accumulatedTotalIsThePairwiseSum() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        float[][] rows = new float[3][512];
        int[] lengths = {512, 512, 301};
        float[] columns = new float[512];
        float[] sums = new float[512];
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < lengths[r]; j++) {
                rows[r][j] = (float) random.nextDouble();
                columns[j] += rows[r][j];
            }
            FastExp.accumulate(rows[r], sums, lengths[r]);
        }
        assertEquals(Float.floatToRawIntBits(tree(columns, 0, 1)), Float.floatToRawIntBits(FastExp.total(sums)));
    }

    /** The partial sum held at index j once the halving has come down to pairs at distance h. */
    private static float tree(float[] columns, int j, int h) {
        return h == columns.length ? columns[j] : tree(columns, j, 2 * h) + tree(columns, j + h, 2 * h);
    }

    @Test
    void edges() {
        assertEquals(1.0f, FastExp.exp(0.0f));
        assertEquals(1.0f, FastExp.exp(-0.0f));
        assertEquals(0.0f, FastExp.exp(-88.0f));
        assertEquals(0.0f, FastExp.exp(-1e30f));
        assertEquals(0.0f, FastExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FastExp.exp(89.0f));
        assertEquals(Float.POSITIVE_INFINITY, FastExp.exp(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FastExp.exp(Float.NaN)));
    }
}
