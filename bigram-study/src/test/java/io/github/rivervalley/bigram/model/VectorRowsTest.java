package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API kernels ({@link VectorRows}) against their plain twins, bit for bit, on rows of lengths that
 * are and are not multiples of the vector length, at odd offsets, with repeats (the tabular rows' shape),
 * random values, signed zeros, infinities and NaN; and the fused step with them against the fused step without.
 * ({@code VectorKernelsTest} checks that the test JVM has the Vector API, so the vector path does run.)
 */
class VectorRowsTest {

    private static final int[] LENGTHS = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 63, 64, 65, 100, 257, 1031};

    /** Rows of many kinds; kinds 0-2 are runs of one value with a few others, as a tabular row is after training. */
    private static double[] row(int kind, int n, SplittableRandom random) {
        double common = random.nextGaussian();
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = switch (kind) {
                case 0 -> 0.0;
                case 1 -> random.nextInt(40) == 0 ? random.nextGaussian() : common;
                case 2 -> random.nextInt(200) == 0 ? 30 * random.nextGaussian() : -700 + common; // exponentials underflow
                case 3 -> random.nextBoolean() ? 0.0 : -0.0;
                case 4 -> 3 * random.nextGaussian();
                case 5 -> random.nextInt(30) == 0 ? Double.NEGATIVE_INFINITY : common;
                case 6 -> random.nextInt(30) == 0 ? Double.POSITIVE_INFINITY : common;
                case 7 -> random.nextInt(50) == 0 ? Double.NaN : (random.nextInt(3) == 0 ? random.nextGaussian() : common);
                default -> random.nextInt(20) == 0 ? -0.0 : (random.nextInt(20) == 0 ? 0.0 : common);
            };
        }
        return z;
    }

    private static final int KINDS = 9;

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /**
     * Four rows at odd offsets (a row may repeat, as the last group of a batch does) through the kernels: their
     * maxima against {@link RowPair#maxima}, then per row the ordered sum of exponentials (and the lowest argument)
     * against the plain softmax pass, and the update with them against {@link RowPair#update} on a copy, with the
     * plain pass's exponentials (a wrong exponential for any run changes the updated entries); the same in float32
     * against {@link Exponentials32#fill} (its four chains) and {@link RowPair#step}.
     */
    @Test
    void kernelsAreThePlainPassesBitForBit() {
        SplittableRandom random = new SplittableRandom(5);
        for (int v : LENGTHS) {
            VectorRows vector = new VectorRows(v);
            RowPair plain = new RowPair(v);
            for (int trial = 0; trial < 60; trial++) {
                int offset = random.nextInt(4);
                double[] x = new double[offset + 5 * v + 3];
                for (int r = 0; r < 5; r++) {
                    System.arraycopy(row((trial + r) % KINDS, v, random), 0, x, offset + r * v, v);
                }
                int[] at = new int[4];
                for (int r = 0; r < 4; r++) {
                    at[r] = offset + random.nextInt(5) * v;
                }
                double[] maxima = new double[4];
                vector.maxima(x, at[0], at[1], at[2], at[3], maxima);
                plain.maxima(x, at[0], at[1], at[2], at[3]);
                for (int r = 0; r < 4; r++) {
                    String where = "V " + v + ", trial " + trial + ", row " + r;
                    assertEquals(bits(plain.maxima[r]), bits(maxima[r]), where + ": maximum");
                    double max = trial % 7 == 6 ? random.nextGaussian() : maxima[r]; // also a max that is not the row's
                    double[] e = new double[v];
                    double sum = SoftmaxRows.expInto(x, at[r], v, max, e, 0);
                    double low = 0.0; // as the softmax pass keeps it: over the arguments that differ from the previous one
                    for (int j = 0; j < v; j++) {
                        if (j == 0 || x[at[r] + j] - max != x[at[r] + j - 1] - max) {
                            low = Math.min(low, x[at[r] + j] - max);
                        }
                    }
                    assertEquals(bits(sum), bits(vector.exponentials(r, max)), where + ": sum");
                    assertEquals(bits(low), bits(vector.low), where + ": lowest argument");
                    double s = random.nextDouble(0.5, 2.0);
                    double lr = trial % 5 == 4 ? 1e308 : 10 * random.nextDouble(0.1, 1.0);
                    double[] expected = Arrays.copyOfRange(x, at[r], at[r] + v);
                    plain.update(expected, e, s, lr);
                    double[] updated = x.clone();
                    vector.update(updated, at[r], r, s, lr);
                    assertEquals(Arrays.toString(expected), Arrays.toString(Arrays.copyOfRange(updated, at[r], at[r] + v)),
                            where + ": update");
                    System.arraycopy(x, at[r], updated, at[r], v);
                    assertEquals(Arrays.toString(x), Arrays.toString(updated), where + ": nothing outside the row is written");
                    // float32: the sum in four chains, the lowest argument, the float gradient's step
                    Exponentials32 plain32 = new Exponentials32(v);
                    float sum32 = plain32.fill(x, at[r], max, new double[v]);
                    assertEquals(Float.floatToRawIntBits(sum32), Float.floatToRawIntBits(vector.exponentials32(r, max)),
                            where + ": float32 sum");
                    assertEquals(bits(plain32.lowest), bits(vector.low), where + ": float32 lowest argument");
                    float scale = (float) s;
                    float[] g = plain32.values.clone();
                    for (int j = 0; j < v; j++) {
                        g[j] *= scale;
                    }
                    double[] expected32 = Arrays.copyOfRange(x, at[r], at[r] + v);
                    plain.step(expected32, g, lr, new double[v], 0, 0.0, 0.0); // the step on the copy (and a scratch table)
                    double[] updated32 = x.clone();
                    vector.update32(updated32, at[r], r, scale, lr);
                    assertEquals(Arrays.toString(expected32), Arrays.toString(Arrays.copyOfRange(updated32, at[r], at[r] + v)),
                            where + ": float32 update");
                }
            }
        }
    }

    /**
     * The fused step with the Vector API kernels against the plain fused step, over consecutive steps from the
     * uniform start and from rows with special values, on vocabularies that are and are not multiples of the
     * vector length: the same iterate bit for bit, the same finiteness verdict, the same draws.
     */
    @ParameterizedTest(name = "float32 {0}")
    @ValueSource(booleans = {false, true})
    void fusedStepWithVectorKernelsIsThePlainFusedStep(boolean float32) {
        SplittableRandom pick = new SplittableRandom(8);
        int nonFinite = 0;
        for (int v : new int[] {8, 29, 64, 67}) {
            BigramData data = Fixtures.halfRivers(v, Frequencies.ZIPF, 5, v);
            TabularModel model = new TabularModel(data, float32);
            for (int batch : new int[] {1, 7, 64}) {
                TabularMinibatch vector = new TabularMinibatch(model, batch, float32, true);
                TabularMinibatch plain = new TabularMinibatch(model, batch, float32, false);
                double[] x = model.defaultStart();
                if (batch == 7) { // rows with special values
                    for (int i = 0; i < v; i++) {
                        System.arraycopy(row(i % KINDS, v, pick), 0, x, i * v, v);
                    }
                }
                double[] y = x.clone();
                Xoshiro256PlusPlus r1 = Xoshiro256PlusPlus.forReplica(v, batch);
                Xoshiro256PlusPlus r2 = r1.copy();
                for (int step = 0; step < 80; step++) {
                    double lr = step >= 77 ? 1e308 : 0.5 + 3.0 * (step % 5); // the last steps overflow
                    boolean verdict = vector.sgdStep(x, lr, r1);
                    assertEquals(plain.sgdStep(y, lr, r2), verdict, "V " + v + ", batch " + batch + ", step " + step);
                    assertEquals(Arrays.toString(y), Arrays.toString(x), "V " + v + ", batch " + batch + ", step " + step);
                    nonFinite += verdict ? 1 : 0;
                }
                assertEquals(r2.copy().nextLong(), r1.copy().nextLong(), "same draws");
            }
        }
        assertTrue(nonFinite > 10, "overflowing steps were compared: " + nonFinite);
    }
}
