package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tile kernels against plain loops written in the documented summation order (per output entry the fma
 * chain {@code y = fma(a_i, m_i, y)}, i = 0 .. n - 1): the same bits, for output counts that leave one or two
 * rows after the groups of three (the spare rows) and row counts that are not a multiple of four.
 */
class TileProductsTest {

    private static final int TILE = TileProducts.TILE;
    private static final int BATCH_TILE = TileProducts.BATCH_TILE;

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 6", "5, 13", "8, 64", "3, 5", "7, 4", "6, 3"})
    void wideKernelIsThePlainLoopBitForBit(int outs, int n) {
        SplittableRandom random = new SplittableRandom(outs * 31L + n);
        int stride = n + 3;
        float[] a = randomRow(random, outs * stride);
        float[][] m = randomRows(random, n, TILE);
        float[][] y = randomRows(random, outs, TILE);
        float[][] expected = copy(y);
        for (int o = 0; o < outs; o++) {
            plain(a, o * stride, m, n, expected[o], TILE);
        }
        TileProducts.multiplyAdd(a, stride, m, n, y, outs, TileProducts.spareRows());
        assertSameBits(expected, y);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 6", "5, 13", "7, 512", "3, 4", "4, 7"})
    void batchTileKernelIsThePlainLoopBitForBit(int outs, int n) {
        SplittableRandom random = new SplittableRandom(outs * 17L + n);
        float[][] a = randomRows(random, outs, n);
        float[][] m = randomRows(random, n, BATCH_TILE);
        float[][] y = randomRows(random, outs, BATCH_TILE);
        float[][] expected = copy(y);
        for (int o = 0; o < outs; o++) {
            plain(a[o], 0, m, n, expected[o], BATCH_TILE);
        }
        TileProducts.multiplyAddBatch(a, m, n, y, outs, TileProducts.spareRows());
        assertSameBits(expected, y);
    }

    /**
     * The kernels as the JIT compiles them (vectorised): the cases above are too small to leave the interpreter
     * and the first compiler tier, so this repeats a step-sized product (k = 64 rows of M, 64 outputs, a
     * remainder of one after the groups of three; and 256 rows on batch tiles, 31 outputs) until they have.
     */
    @Test
    void compiledKernelsAreThePlainLoopBitForBit() {
        SplittableRandom random = new SplittableRandom(3);
        float[] a = randomRow(random, 64 * 64);
        float[][] m = randomRows(random, 64, TILE);
        float[][] ab = randomRows(random, 31, 256);
        float[][] mb = randomRows(random, 256, BATCH_TILE);
        float[][] spare = TileProducts.spareRows();
        for (int repeat = 0; repeat < 40; repeat++) {
            float[][] y = randomRows(random, 64, TILE);
            float[][] expected = copy(y);
            for (int o = 0; o < 64; o++) {
                plain(a, o * 64, m, 64, expected[o], TILE);
            }
            TileProducts.multiplyAdd(a, 64, m, 64, y, 64, spare);
            assertSameBits(expected, y);
            float[][] yb = randomRows(random, 31, BATCH_TILE);
            float[][] expectedB = copy(yb);
            for (int o = 0; o < 31; o++) {
                plain(ab[o], 0, mb, 256, expectedB[o], BATCH_TILE);
            }
            TileProducts.multiplyAddBatch(ab, mb, 256, yb, 31, spare);
            assertSameBits(expectedB, yb);
        }
    }

    static void plain(float[] a, int p, float[][] m, int n, float[] y, int width) {
        for (int t = 0; t < width; t++) {
            float acc = y[t];
            for (int i = 0; i < n; i++) {
                acc = Math.fma(a[p + i], m[i][t], acc);
            }
            y[t] = acc;
        }
    }

    static float[] randomRow(SplittableRandom random, int length) {
        float[] row = new float[length];
        for (int i = 0; i < length; i++) {
            row[i] = (float) (2 * random.nextDouble() - 1);
        }
        return row;
    }

    static float[][] randomRows(SplittableRandom random, int rows, int length) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = randomRow(random, length);
        }
        return out;
    }

    static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
        }
        return out;
    }

    static void assertSameBits(float[][] expected, float[][] actual) {
        for (int r = 0; r < expected.length; r++) {
            for (int t = 0; t < expected[r].length; t++) {
                assertEquals(Float.floatToRawIntBits(expected[r][t]), Float.floatToRawIntBits(actual[r][t]),
                        "row " + r + ", column " + t);
            }
        }
    }
}
