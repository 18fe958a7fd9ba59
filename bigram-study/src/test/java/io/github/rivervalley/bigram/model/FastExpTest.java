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

    @Test
    void edges() {
        assertEquals(1.0f, FastExp.exp(0.0f));
        assertEquals(1.0f, FastExp.exp(-0.0f));
        assertEquals(0.0f, FastExp.exp(-88.0f));
        assertEquals(0.0f, FastExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FastExp.exp(89.0f));
        assertEquals(Float.POSITIVE_INFINITY, FastExp.exp(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FastExp.exp(Float.NaN)));
    }
}
