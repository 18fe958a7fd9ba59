package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RepeatedSum#add} against the loop it replaces, bit for bit: the cases its argument splits (ties from
 * even and odd sums, binade ends, additions that round away, tiny and subnormal sums) built on purpose, then
 * random ones, and the special values.
 */
class RepeatedSumTest {

    private static double loop(double sum, double e, long count) {
        double s = sum;
        for (long k = 0; k < count; k++) {
            s += e;
        }
        return s;
    }

    private static void check(double sum, double e, long count) {
        assertEquals(Double.doubleToRawLongBits(loop(sum, e, count)), Double.doubleToRawLongBits(RepeatedSum.add(sum, e, count)),
                () -> "sum " + sum + " (" + Double.toHexString(sum) + "), e " + e + " (" + Double.toHexString(e) + "), count " + count);
    }

    /** A double in [1, 2) scaled by 2^exponent whose significand has the given last bit. */
    private static double withParity(SplittableRandom random, int exponent, long lastBit) {
        long bits = Double.doubleToRawLongBits(1.0 + random.nextDouble());
        return Math.scalb(Double.longBitsToDouble((bits & ~1L) | lastBit), exponent);
    }

    @Test
    void tiesFromEvenAndOddSums() {
        SplittableRandom random = new SplittableRandom(1);
        int ties = 0;
        for (int trial = 0; trial < 4000; trial++) {
            int exponent = random.nextInt(-60, 60);
            double sum = withParity(random, exponent, trial & 1);
            double u = Math.ulp(sum);
            long q = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextLong(1, 1L << random.nextInt(1, 50));
            double e = (q + 0.5) * u;
            if (e >= sum) {
                continue;
            }
            ties++;
            check(sum, e, random.nextLong(0, 3000));
        }
        assertTrue(ties > 3000, "ties tried: " + ties);
    }

    @Test
    void acrossBinadeEnds() {
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 4000; trial++) {
            int exponent = random.nextInt(-40, 40);
            double top = Math.scalb(1.0, exponent);
            double sum = top - random.nextInt(0, 200) * Math.ulp(top / 2); // just below a power of two, or on it
            double u = Math.ulp(sum);
            double e = switch (trial % 4) {
                case 0 -> random.nextLong(1, 64) * u; // exact multiples: every addition exact
                case 1 -> (random.nextLong(1, 64) + random.nextDouble()) * u;
                case 2 -> (random.nextLong(0, 8) + 0.5) * u; // ties
                default -> sum * random.nextDouble();
            };
            check(sum, e, random.nextLong(0, 5000));
        }
    }

    @Test
    void randomSumsOfExponentials() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20000; trial++) {
            double sum = switch (trial % 3) {
                case 0 -> random.nextDouble() * 10;
                case 1 -> Math.exp(-50 * random.nextDouble());
                default -> random.nextInt(1, 5000);
            };
            double e = Math.exp(-random.nextDouble() * (trial % 5 == 0 ? 700 : 20));
            check(sum, e, random.nextLong(0, 5000));
        }
    }

    @Test
    void additionsThatRoundAway() {
        // e below half a unit of the sum (nothing changes), exactly half (a tie to even), just above (each adds u).
        for (double sum : new double[] {1.0, 1.0 + 0x1p-52, 3.0, 4096.0 - 0x1p-40, 0x1p-800}) {
            double u = Math.ulp(sum);
            for (double e : new double[] {0.0, 0.25 * u, 0.5 * u, Math.nextUp(0.5 * u), Math.nextDown(0.5 * u), u, 1.5 * u}) {
                for (long count : new long[] {0, 1, 2, 3, 1000, 1L << 20}) {
                    check(sum, e, count);
                }
            }
        }
    }

    @Test
    void tinySumsSubnormalsAndSpecialValues() {
        SplittableRandom random = new SplittableRandom(4);
        double[] sums = {0.0, -0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-900, Math.nextDown(0x1p-900), 0x1p-899,
            1.0, Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        double[] es = {0.0, -0.0, Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p-901, 0x1p-852, 1e-300,
            0.5, 1.0, 2.0, -1.0, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double sum : sums) {
            for (double e : es) {
                for (long count : new long[] {0, 1, 2, 7, random.nextLong(8, 4000)}) {
                    check(sum, e, count);
                }
            }
        }
    }

    private static float loop(float sum, float e, long count) {
        float s = sum;
        for (long k = 0; k < count; k++) {
            s += e;
        }
        return s;
    }

    private static void check(float sum, float e, long count) {
        assertEquals(Float.floatToRawIntBits(loop(sum, e, count)), Float.floatToRawIntBits(RepeatedSum.add(sum, e, count)),
                () -> "float sum " + sum + " (" + Float.toHexString(sum) + "), e " + e + " (" + Float.toHexString(e) + "), count " + count);
    }

    /** The float version on the same kinds of cases: ties from even and odd sums, binade ends, random, special values. */
    @Test
    void floatsAsTheirLoop() {
        SplittableRandom random = new SplittableRandom(5);
        int ties = 0;
        for (int trial = 0; trial < 20000; trial++) {
            float sum = switch (trial % 4) {
                case 0 -> Math.scalb(1.0f + random.nextFloat(), random.nextInt(-30, 30));
                case 1 -> Math.scalb(1.0f, random.nextInt(-20, 20)) - random.nextInt(0, 100) * Math.ulp(Math.scalb(0.5f, 0));
                case 2 -> random.nextInt(1, 5000);
                default -> (float) Math.exp(-30 * random.nextDouble());
            };
            float u = Math.ulp(sum);
            float e = switch (trial % 5) {
                case 0 -> (random.nextInt(0, 64) + 0.5f) * u; // ties
                case 1 -> random.nextInt(1, 64) * u;
                case 2 -> (random.nextInt(0, 64) + random.nextFloat()) * u;
                case 3 -> sum * random.nextFloat();
                default -> (float) Math.exp(-random.nextDouble() * 20);
            };
            ties += trial % 5 == 0 && e < sum ? 1 : 0;
            check(sum, e, random.nextLong(0, 5000));
        }
        assertTrue(ties > 3000, "ties tried: " + ties);
        float[] specials = {0.0f, -0.0f, Float.MIN_VALUE, Float.MIN_NORMAL, 0x1p-90f, Math.nextDown(0x1p-90f), 1.0f,
            Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, -1.0f, 0.5f, 2.0f};
        for (float sum : specials) {
            for (float e : specials) {
                for (long count : new long[] {0, 1, 5, 4000}) {
                    check(sum, e, count);
                }
            }
        }
    }
}
