package io.github.rivervalley.bigram.model;

/**
 * {@code exp} in float32 arithmetic for the float32 softmax: {@code exp(x) = 2^n exp(r)} with {@code n} the
 * nearest integer to {@code x / ln 2} and {@code |r| <= ln 2 / 2}, {@code exp(r)} by its Taylor polynomial of
 * degree 7 (truncation below {@code 0.35^8 / 8! < 6e-9}, a twentieth of float32's unit roundoff). Relative error
 * within a few units of float32's last place ({@code FastExpTest} measures it against {@link Math#exp});
 * results below {@code 2^-126} (arguments under -87.3) are flushed to zero, an absolute error under 1.2e-38.
 * Straight-line arithmetic without a call, so a row's exponentials overlap in the pipeline (several times
 * faster than {@link Math#exp}, whose float64 accuracy float32 does not need).
 */
final class FastExp {

    private static final float LOG2E = 1.44269504f;
    /** ln 2 split in a high part with few significant bits (exact {@code n * LN2_HI}) and the remainder. */
    private static final float LN2_HI = 0.693145752f;
    private static final float LN2_LO = 1.42860677e-6f;
    /** 1.5 * 2^23: adding it rounds to an integer held in the low mantissa bits. */
    private static final float ROUND = 12582912.0f;
    private static final float MIN = -87.33654f;
    private static final float MAX = 88.72283f;

    private FastExp() {
    }

    static float exp(float x) {
        if (!(x >= MIN)) {
            return x != x ? x : 0.0f;
        }
        if (x > MAX) {
            return Float.POSITIVE_INFINITY;
        }
        float t = x * LOG2E + ROUND;
        int n = Float.floatToRawIntBits(t) - Float.floatToRawIntBits(ROUND);
        float nf = t - ROUND;
        float r = (x - nf * LN2_HI) - nf * LN2_LO;
        float p = 1.0f / 5040.0f;
        p = p * r + 1.0f / 720.0f;
        p = p * r + 1.0f / 120.0f;
        p = p * r + 1.0f / 24.0f;
        p = p * r + 1.0f / 6.0f;
        p = p * r + 0.5f;
        p = p * r + 1.0f;
        p = p * r + 1.0f;
        // 2^n for n in [-126, 128]: 2^128 is out of range, so that case scales twice
        return n < 128 ? p * Float.intBitsToFloat((n + 127) << 23) : p * 2.0f * Float.intBitsToFloat(254 << 23);
    }
}
