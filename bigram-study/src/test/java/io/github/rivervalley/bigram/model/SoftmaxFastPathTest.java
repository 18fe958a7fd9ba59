package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast softmax arithmetic (four running maxima, exponentials reused for repeated logits, two rows side by
 * side) against the plain loops it replaces, written out here as the reference: same bits everywhere, on
 * rows with repeats (the tabular start), random rows, signed zeros, infinities and NaN.
 */
class SoftmaxFastPathTest {

    private static double plainMax(double[] z, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + n; j++) {
            max = Math.max(max, z[j]);
        }
        return max;
    }

    private static double plainLogSumExp(double[] z, int from, int n) {
        double max = plainMax(z, from, n);
        double sum = 0.0;
        for (int j = from; j < from + n; j++) {
            sum += Math.exp(z[j] - max);
        }
        return max + Math.log(sum);
    }

    private static void plainSoftmax(double[] z, int from, int n, double[] p, int to) {
        double max = plainMax(z, from, n);
        double sum = 0.0;
        for (int j = 0; j < n; j++) {
            double e = Math.exp(z[from + j] - max);
            p[to + j] = e;
            sum += e;
        }
        double inv = 1.0 / sum;
        for (int j = 0; j < n; j++) {
            p[to + j] *= inv;
        }
    }

    /** Rows of many kinds: repeats of a few values, random, signed zeros, and with special values mixed in. */
    private static double[] row(int kind, int n, SplittableRandom random) {
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            switch (kind) {
                case 0 -> z[j] = 0.0;
                case 1 -> z[j] = random.nextInt(4) == 0 ? random.nextGaussian() : -0.25;
                case 2 -> z[j] = 3 * random.nextGaussian();
                case 3 -> z[j] = random.nextBoolean() ? 0.0 : -0.0;
                case 4 -> z[j] = random.nextInt(50) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian();
                case 5 -> z[j] = random.nextInt(50) == 0 ? Double.NaN : random.nextGaussian();
                default -> z[j] = random.nextInt(70) == 0 ? Double.POSITIVE_INFINITY : 700 * random.nextGaussian();
            }
        }
        return z;
    }

    @Test
    void rowArithmeticIsThePlainLoopsBitForBit() {
        SplittableRandom random = new SplittableRandom(3);
        for (int kind = 0; kind <= 6; kind++) {
            for (int n : new int[] {1, 2, 3, 5, 8, 63, 256}) {
                double[] z = row(kind, n + 2, random);
                String where = "kind " + kind + ", n " + n;
                assertEquals(Double.doubleToRawLongBits(plainMax(z, 1, n)), Double.doubleToRawLongBits(SoftmaxRows.max(z, 1, n)), where);
                assertEquals(Double.doubleToRawLongBits(plainLogSumExp(z, 1, n)),
                        Double.doubleToRawLongBits(SoftmaxRows.logSumExp(z, 1, n)), where);
                double[] expected = new double[n + 3];
                double[] actual = new double[n + 3];
                plainSoftmax(z, 1, n, expected, 2);
                SoftmaxRows.softmax(z, 1, n, actual, 2);
                assertEquals(Arrays.toString(expected), Arrays.toString(actual), where);
                double[] aliasExpected = z.clone();
                double[] aliasActual = z.clone();
                plainSoftmax(aliasExpected, 1, n, aliasExpected, 1);
                SoftmaxRows.softmax(aliasActual, 1, n, aliasActual, 1);
                assertEquals(Arrays.toString(aliasExpected), Arrays.toString(aliasActual), where + ", in place");
            }
        }
    }

    /** The minibatch gradient as the plain per-row loop computed it (the reference). */
    private static void plainMinibatchRows(double[] x, double[] out, int v, int[] touched, int touchedCount, int[] countOf, int batch) {
        double invB = 1.0 / batch;
        for (int n = 0; n < touchedCount; n++) {
            int i = touched[n];
            int row = i * v;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = row; j < row + v; j++) {
                max = Math.max(max, x[j]);
            }
            double sum = 0.0;
            for (int j = row; j < row + v; j++) {
                double e = Math.exp(x[j] - max);
                out[j] = e;
                sum += e;
            }
            double scale = countOf[i] * invB / sum;
            for (int j = row; j < row + v; j++) {
                out[j] *= scale;
            }
        }
    }

    /**
     * The oracle's gradient on zero, sparse-repeat and random logits, over consecutive calls with one output
     * array (rows from the previous batch cleared), equals the plain loops' (rows, counts and targets recomputed
     * here from the same random stream).
     */
    @Test
    void minibatchGradientIsThePlainLoopsBitForBit() {
        int v = 37;
        BigramData data = Fixtures.halfRivers(v, Frequencies.ZIPF, 4, 2);
        TabularModel model = new TabularModel(data);
        for (int batch : new int[] {1, 2, 7, 64}) {
            TabularMinibatch oracle = new TabularMinibatch(model, batch, false);
            SplittableRandom pick = new SplittableRandom(batch);
            double[] out = new double[v * v];
            for (int call = 0; call < 12; call++) {
                double[] x = new double[v * v];
                for (int i = 0; i < v; i++) {
                    double[] r = row(call % 4, v, pick);
                    System.arraycopy(r, 0, x, i * v, v);
                }
                Xoshiro256PlusPlus random = Xoshiro256PlusPlus.forReplica(call, batch);
                Xoshiro256PlusPlus replay = random.copy();
                oracle.gradient(x, out, random);
                // Replay the batch: the same draws give the same tokens, rows in order of first use, counts.
                int[] tokens = new int[batch];
                int[] next = new int[batch];
                int[] touched = new int[batch];
                int[] countOf = new int[v];
                int touchedCount = 0;
                for (int b = 0; b < batch; b++) {
                    tokens[b] = data.sampleToken(replay);
                    next[b] = data.sampleSuccessor(tokens[b], replay);
                    if (countOf[tokens[b]]++ == 0) {
                        touched[touchedCount++] = tokens[b];
                    }
                }
                double[] expected = new double[v * v];
                plainMinibatchRows(x, expected, v, touched, touchedCount, countOf, batch);
                for (int b = 0; b < batch; b++) {
                    expected[tokens[b] * v + next[b]] -= 1.0 / batch;
                }
                assertEquals(Arrays.toString(expected), Arrays.toString(out), "batch " + batch + ", call " + call);
                assertEquals(touchedCount, oracle.touchedRowCount());
            }
        }
    }

    /**
     * The fused SGD step against the gradient followed by the dense SGD update, over consecutive steps (so
     * rows drift apart from their repeats): the same iterate bit for bit, the same draws, and the same verdict
     * on finiteness; a gradient call after fused steps is still the full gradient (its output cleared). In
     * both precisions: the float32 oracle's fused step is its own float32 gradient followed by the float64 step;
     * with the Vector API kernels ({@link VectorRows}) and with the plain ones.
     */
    @ParameterizedTest(name = "float32 {0}, Vector API {1}")
    @CsvSource({"false, false", "false, true", "true, false", "true, true"})
    void fusedStepIsGradientThenDenseStepBitForBit(boolean float32, boolean vectorKernels) {
        int v = 29;
        BigramData data = Fixtures.halfRivers(v, Frequencies.UNIFORM, 3, 5);
        TabularModel model = new TabularModel(data, float32);
        for (int batch : new int[] {1, 3, 16, 100}) {
            TabularMinibatch fused = new TabularMinibatch(model, batch, float32, vectorKernels);
            TabularMinibatch plain = new TabularMinibatch(model, batch, float32);
            double[] x = model.defaultStart();
            double[] y = x.clone();
            double[] g = new double[x.length];
            Xoshiro256PlusPlus r1 = Xoshiro256PlusPlus.forReplica(7, batch);
            Xoshiro256PlusPlus r2 = r1.copy();
            double[] stale = new double[x.length];
            fused.gradient(Fixtures.randomPoint(x.length, batch, 1.0), stale, Xoshiro256PlusPlus.forReplica(1, 1)); // rows left to clear
            for (int step = 0; step < 60; step++) {
                double lr = step == 59 ? 1e308 : 0.5 + 3.0 * (step % 5); // the last step overflows
                boolean nonFinite = fused.sgdStep(x, lr, r1);
                plain.gradient(y, g, r2);
                for (int j = 0; j < y.length; j++) {
                    y[j] -= lr * g[j];
                }
                boolean expected = false;
                for (double value : y) {
                    expected |= !Double.isFinite(value);
                }
                assertEquals(Arrays.toString(y), Arrays.toString(x), "batch " + batch + ", step " + step);
                assertEquals(expected, nonFinite, "batch " + batch + ", step " + step);
                assertEquals(r2.copy().nextLong(), r1.copy().nextLong(), "same draws");
            }
            double[] full = new double[x.length];
            fused.gradient(y, stale, r1.copy());
            plain.gradient(y, full, r1.copy());
            assertEquals(Arrays.toString(full), Arrays.toString(stale), "gradient after fused steps, into the old output");
        }
    }
}
