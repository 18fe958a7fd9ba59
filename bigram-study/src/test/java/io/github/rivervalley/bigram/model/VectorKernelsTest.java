package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API kernels ({@link VectorApi}) against their plain-Java twins: the same bits, entry for entry.
 * The test JVM runs with {@code jdk.incubator.vector} (the build's argLine), so the Vector API path is really
 * exercised here, not skipped.
 */
class VectorKernelsTest {

    @Test
    void theTestJvmHasTheVectorApi() {
        assertTrue(VectorApi.enabled(), "tests run with --add-modules jdk.incubator.vector (see the parent pom)");
    }

    /**
     * The products against plain fma chains in the documented order: output counts leaving one to three rows after
     * the groups of four, chain lengths from 1 up, widths of one vector and of whole tiles. Repeated until the JIT
     * has compiled the kernels.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 512", "3, 6, 512", "6, 13, 256", "9, 64, 512", "4, 5, 64", "257, 65, 512"})
    void tileProductIsThePlainChainBitForBit(int outs, int n, int width) {
        SplittableRandom random = new SplittableRandom(outs * 131L + n);
        int stride = n + 3;
        int repeats = outs * n > 10_000 ? 40 : 400;
        for (int repeat = 0; repeat < repeats; repeat++) {
            float[] a = TileProductsTest.randomRow(random, outs * stride);
            float[][] m = TileProductsTest.randomRows(random, n, width);
            float[][] y = TileProductsTest.randomRows(random, outs, width);
            float[][] expected = TileProductsTest.copy(y);
            for (int o = 0; o < outs; o++) {
                TileProductsTest.plain(a, o * stride, m, n, expected[o], width);
            }
            VectorTileProducts.multiplyAdd(a, stride, m, n, y, outs, width);
            TileProductsTest.assertSameBits(expected, y);
        }
    }

    /** {@code dE = R U} from R's rows: each entry the chain over j in order, for row counts around the groups of four. */
    @ParameterizedTest
    @CsvSource({"1, 16, 7", "5, 64, 512", "7, 80, 300", "256, 64, 512"})
    void rowsTimesFlatIsThePlainChainBitForBit(int rows, int stride, int len) {
        SplittableRandom random = new SplittableRandom(rows * 7L + stride + len);
        int from = 3;
        for (int repeat = 0; repeat < 60; repeat++) {
            float[][] r = TileProductsTest.randomRows(random, rows, len);
            float[] u = TileProductsTest.randomRow(random, (from + len) * stride);
            float[] y = TileProductsTest.randomRow(random, rows * stride);
            float[] expected = y.clone();
            for (int b = 0; b < rows; b++) {
                for (int c = 0; c < stride; c++) {
                    float acc = expected[b * stride + c];
                    for (int j = 0; j < len; j++) {
                        acc = Math.fma(r[b][j], u[(from + j) * stride + c], acc);
                    }
                    expected[b * stride + c] = acc;
                }
            }
            VectorTileProducts.rowsTimesFlat(r, rows, u, from, len, y, stride);
            TileProductsTest.assertSameBits(new float[][] {expected}, new float[][] {y});
        }
    }

    /** The row maximum is Math.max's over the row, NaN, infinities and signed zeros included, for any length. */
    @Test
    void rowMaximumIsMathMaxOverTheRow() {
        SplittableRandom random = new SplittableRandom(5);
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, -1e-40f};
        for (int trial = 0; trial < 20_000; trial++) {
            int len = random.nextInt(1, 70);
            float[] row = new float[len + 2];
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextInt(8) == 0 ? specials[random.nextInt(specials.length)] : -(float) random.nextDouble(3);
            }
            float start = random.nextBoolean() ? Float.NEGATIVE_INFINITY : specials[random.nextInt(specials.length)];
            float expected = start;
            for (int j = 0; j < len; j++) {
                expected = Math.max(expected, row[j]);
            }
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(VectorSoftmax.max(row, len, start)),
                    "trial " + trial);
        }
    }

    /**
     * V = 8, k = 13, B = 37: one padded column tile, k not a multiple of the vector length (padded rows of U),
     * B leaving one row after the groups of four. V = 700, k = 70: a partial second tile. V = 40, k = 6, B = 300:
     * B past one batch tile of the plain path. V = 1100, k = 64, B = 64: three tiles, k four whole vectors.
     */
    @ParameterizedTest
    @CsvSource({"8, 13, 37", "700, 70, 37", "40, 6, 300", "1100, 64, 64"})
    void factoredGradientIsTheSameBitsWithAndWithoutTheVectorApi(int vocabulary, int k, int batch) {
        BigramData data = vocabulary == 8 ? Fixtures.small() : Fixtures.halfRivers(vocabulary, Frequencies.ZIPF, 4, 3);
        FactoredModel model = new FactoredModel(data, k, null, 3, true);
        FactoredMinibatch32 vector = new VectorApiMinibatch32(model, batch);
        FactoredMinibatch32 plain = new AutoVectorMinibatch32(model, batch);
        double[] gv = new double[model.dimension()];
        double[] gp = new double[model.dimension()];
        // Enough calls that the JIT compiles the kernels (its code, not the interpreter's, is what runs in a run).
        int calls = vocabulary >= 700 ? 60 : 400;
        for (int trial = 0; trial < calls; trial++) {
            double[] x = trial == 0 ? model.defaultStart() : Fixtures.randomPoint(model.dimension(), trial, 0.5 + trial % 7);
            vector.gradient(x, gv, new SplittableRandom(trial));
            plain.gradient(x, gp, new SplittableRandom(trial));
            for (int i = 0; i < gv.length; i++) {
                if (Double.doubleToRawLongBits(gv[i]) != Double.doubleToRawLongBits(gp[i])) {
                    assertEquals(gp[i], gv[i], 0.0, "call " + trial + ", entry " + i);
                    assertEquals(Double.doubleToRawLongBits(gp[i]), Double.doubleToRawLongBits(gv[i]),
                            "call " + trial + ", entry " + i + " (sign of zero or NaN payload)");
                }
            }
        }
    }
}
