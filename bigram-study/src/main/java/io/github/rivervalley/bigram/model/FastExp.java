package io.github.rivervalley.bigram.model;

/**
 * {@code exp} in float32 arithmetic for the float32 softmax: {@code exp(x) = 2^n exp(r)} with {@code n} the
 * nearest integer to {@code x / ln 2} and {@code |r| <= ln 2 / 2}, {@code exp(r)} by its Taylor polynomial of
 * degree 7 (truncation below {@code 0.35^8 / 8! < 6e-9}, a twentieth of float32's unit roundoff). Relative error
 * within a few units of float32's last place ({@code FastExpTest} measures it against {@link Math#exp});
 * arguments with {@code n < -126} (under about -87.7) give zero, an absolute error under 1.2e-38.
 *
 * <p>Two stages, so a row's exponentials vectorise: {@link #reduce} is straight-line float arithmetic on
 * arrays (the polynomial and {@code n}, kept as a float), which Java 17's auto-vectoriser turns into SIMD
 * code; only the scaling by {@code 2^n}, which needs the float's bits (not vectorised in Java 17), runs
 * one entry at a time ({@link #scale}, branch-free). The softmax sums the results with {@link #accumulate}
 * and {@link #total}. {@link #exp} is the same arithmetic for one argument.
 */
final class FastExp {

    private static final float LOG2E = 1.44269504f;
    /** ln 2 split in a high part with few significant bits (exact {@code n * LN2_HI}) and the remainder. */
    private static final float LN2_HI = 0.693145752f;
    private static final float LN2_LO = 1.42860677e-6f;
    /** 1.5 * 2^23: adding it rounds to an integer held in the low mantissa bits. */
    private static final float ROUND = 12582912.0f;
    /** Arguments are clamped here first: exp(-104) is below half the smallest subnormal, so flushed to 0. */
    private static final float LOW = -104.0f;
    private static final float MAX = 88.72283f;

    private FastExp() {
    }

    static float exp(float x) {
        if (x > MAX) {
            return Float.POSITIVE_INFINITY;
        }
        float c = Math.max(x, LOW);
        float n = (c * LOG2E + ROUND) - ROUND;
        return scaled(polynomial(c, n), n);
    }

    /**
     * The first stage (vectorised), for arguments {@code x[j] - shift} at most 88 (a softmax's are at most 0),
     * j < len: {@code p[j] = exp(r)} and {@code bits[j]} the bits of the float {@code 2^n}, as a float (exact:
     * {@code (n + 127) 2^23} with n clamped to -127, whose bits are those of 0, so that everything below 2^-126
     * gives 0). Float arithmetic, which Java 17 vectorises, does all but the reinterpretation. {@code p} may
     * be {@code x}.
     */
    static void reduce(float[] x, float shift, float[] p, float[] bits, int len) {
        for (int j = 0; j < len; j++) {
            float c = Math.max(x[j] - shift, LOW);
            float nj = (c * LOG2E + ROUND) - ROUND;
            bits[j] = (Math.max(nj, -127.0f) + 127.0f) * 0x1p23f;
            p[j] = polynomial(c, nj);
        }
    }

    /**
     * The second stage: {@code p[j] *= 2^n[j]} from {@link #reduce}'s bits, the same bits as {@link #exp}. The
     * reinterpretation keeps it scalar in Java 17; it is branch-free with no running sum, so its entries
     * overlap in the processor.
     */
    static void scale(float[] p, float[] bits, int len) {
        for (int j = 0; j < len; j++) {
            p[j] *= Float.intBitsToFloat((int) bits[j]); // (int) NaN = 0: a NaN argument stays NaN (NaN * 0)
        }
    }

    /** {@code sums[j] += p[j]} for j < len: the softmax's sum, one partial sum per column of a tile (vectorised). */
    static void accumulate(float[] p, float[] sums, int len) {
        for (int j = 0; j < len; j++) {
            sums[j] += p[j];
        }
    }

    /**
     * The total of {@code sums[0 .. length)} (length a power of two), taken pairwise in place: first
     * {@code sums[j] += sums[j + length / 2]}, then the same on the first half, down to {@code sums[0]}, which
     * is returned. A fixed order, and a rounding error growing with the logarithm of the length only.
     */
    static float total(float[] sums) {
        for (int half = sums.length / 2; half >= 1; half /= 2) {
            for (int j = 0; j < half; j++) {
                sums[j] += sums[j + half];
            }
        }
        return sums[0];
    }

    private static float polynomial(float x, float n) {
        float r = (x - n * LN2_HI) - n * LN2_LO;
        float p = 1.0f / 5040.0f;
        p = p * r + 1.0f / 720.0f;
        p = p * r + 1.0f / 120.0f;
        p = p * r + 1.0f / 24.0f;
        p = p * r + 1.0f / 6.0f;
        p = p * r + 0.5f;
        p = p * r + 1.0f;
        return p * r + 1.0f;
    }

    /** {@code p 2^n} for an integral n in [-151, 128]: 0 below -126; 2^128 is out of range, so that case scales twice. */
    private static float scaled(float p, float n) {
        int e = (int) n;
        if (e < -126) {
            return 0.0f;
        }
        return e < 128 ? p * Float.intBitsToFloat((e + 127) << 23) : p * 2.0f * Float.intBitsToFloat(254 << 23);
    }
}
