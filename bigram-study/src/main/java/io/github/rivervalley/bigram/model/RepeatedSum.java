package io.github.rivervalley.bigram.model;

/**
 * {@code for (k = 0; k < count; k++) sum += e;} in a few steps, with exactly the loop's bits (in double or in
 * float arithmetic).
 *
 * <p>Why it is exact: let {@code sum} lie in the binade {@code [2^E, 2^(E+1))}, where doubles are the multiples
 * of {@code u = ulp(sum)}. Write {@code e / u = q + f} (q an integer, f in [0, 1); exact, u being a power of
 * two). If {@code f != 1/2}, the multiple of u nearest to {@code sum + e} is {@code sum + d u} with d = q
 * (f &lt; 1/2) or q + 1 (f &gt; 1/2), strictly nearer than any other; so while the result stays at least two
 * units below {@code 2^(E+1)} (where the spacing doubles), every addition adds exactly {@code d u}, and n of
 * them add {@code n d u}, itself exact. If {@code f = 1/2}, each addition is a tie, rounded to the neighbour
 * whose significand is even: from an even {@code sum / u} that adds {@code q} when q is even and {@code q + 1}
 * when q is odd, an even number, so the next sum is even again and every addition adds the same; from an odd
 * one, a single addition is taken as is. Near the end of a binade, with a sum below {@code 2^-900} (floats:
 * {@code 2^-90}; near the subnormals), for an {@code e} that is negative, infinite or NaN, or for four
 * additions or fewer, the additions are taken one at a time.
 * {@code RepeatedSumTest} checks all of this against the loop.
 *
 * <p>The tabular bigram's softmax sums a row of exponentials in order, and a row is mostly runs of one
 * repeated exponential (every token that never followed shares a logit), so its sum takes a few steps per run
 * instead of one dependent addition per entry.
 */
final class RepeatedSum {

    /** Below this the spacing of doubles may be the subnormals' (and {@code e / u} could overflow). */
    private static final double SMALL = 0x1p-900;
    private static final long TWO_53 = 1L << 53;
    /** The same for floats. */
    private static final float SMALL32 = 0x1p-90f;
    private static final long TWO_24 = 1L << 24;
    /** So few additions are cheaper one by one (a row's successors are runs of one). */
    private static final long FEW = 4;

    private RepeatedSum() {
    }

    /** {@code sum} with {@code e} added {@code count} times, one rounded addition after another. */
    static double add(double sum, double e, long count) {
        long left = count;
        double s = sum;
        while (left > 0) {
            if (left <= FEW || !(s >= SMALL && s < Double.MAX_VALUE && e >= 0.0 && e < s)) { // NaN fails too
                s += e;
                left--;
                continue;
            }
            // s is normal: u = ulp(s) and 1/u from its exponent bits, without a division.
            long exponent = Double.doubleToRawLongBits(s) >>> 52;
            double u = Double.longBitsToDouble((exponent - 52) << 52);
            double inverse = Double.longBitsToDouble((2098 - exponent) << 52);
            double d = quantum(e * inverse, (Double.doubleToRawLongBits(s) & 1L) != 0); // e / u, exact
            if (d < 0.0) {
                s += e;
                left--;
                continue;
            }
            if (d == 0.0) {
                return s; // every addition rounds back to s
            }
            // Whole additions up to the binade's last multiple of u but one, so that none reaches the wider
            // spacing above; then one at a time into the next binade.
            long room = (long) ((u * (TWO_53 - 2) - s) * inverse); // exact: multiples of u below 2^53 u
            long n = room <= 0 ? 0 : Math.min(left, room / (long) d);
            s += (n * (long) d) * u; // n d <= room < 2^53: exact, and so is the sum
            left -= n;
            double top = u * TWO_53;
            while (left > 0 && s < top) {
                s += e;
                left--;
            }
        }
        return s;
    }

    /** {@link #add(double, double, long)} in float arithmetic (24-bit significands; the same argument). */
    static float add(float sum, float e, long count) {
        long left = count;
        float s = sum;
        while (left > 0) {
            if (left <= FEW || !(s >= SMALL32 && s < Float.MAX_VALUE && e >= 0.0f && e < s)) {
                s += e;
                left--;
                continue;
            }
            int exponent = Float.floatToRawIntBits(s) >>> 23;
            float u = Float.intBitsToFloat((exponent - 23) << 23);
            float inverse = Float.intBitsToFloat((277 - exponent) << 23);
            double d = quantum(e * inverse, (Float.floatToRawIntBits(s) & 1) != 0);
            if (d < 0.0) {
                s += e;
                left--;
                continue;
            }
            if (d == 0.0) {
                return s;
            }
            long room = (long) ((u * (TWO_24 - 2) - s) * inverse);
            long n = room <= 0 ? 0 : Math.min(left, room / (long) d);
            s += (n * (long) d) * u; // n d < 2^24: exact as a float
            left -= n;
            float top = u * TWO_24;
            while (left > 0 && s < top) {
                s += e;
                left--;
            }
        }
        return s;
    }

    /**
     * The multiple of u that every addition of {@code e = ratio u} adds to a sum in u's binade (q or q + 1, by
     * rounding to nearest; ties to the even one), or -1 for a tie from an odd significand, an addition of its own.
     */
    private static double quantum(double ratio, boolean odd) {
        double q = Math.floor(ratio);
        double f = ratio - q; // exact
        if (f == 0.5) {
            return odd ? -1.0 : (((long) q) & 1L) == 0 ? q : q + 1.0;
        }
        return f < 0.5 ? q : q + 1.0;
    }
}
