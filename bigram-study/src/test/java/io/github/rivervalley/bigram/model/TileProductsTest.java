package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tile kernels against plain loops written in the documented summation order (per output entry:
 * {@code y + (a_i m_i + ... + a_{i+5} m_{i+5})} six rows at a time, then {@code y + a_i m_i} row by row):
 * the same bits, for odd output counts (the spare row) and row counts that are not a multiple of six.
 */
class TileProductsTest {

    private static final int TILE = TileProducts.TILE;
    private static final int BATCH_TILE = TileProducts.BATCH_TILE;

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 6", "5, 13", "8, 64", "3, 5"})
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
        TileProducts.multiplyAdd(a, stride, m, n, y, outs, new float[TILE]);
        assertSameBits(expected, y);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 6", "5, 13", "7, 512"})
    void batchTileKernelIsThePlainLoopBitForBit(int outs, int n) {
        SplittableRandom random = new SplittableRandom(outs * 17L + n);
        float[][] a = randomRows(random, outs, n);
        float[][] m = randomRows(random, n, BATCH_TILE);
        float[][] y = randomRows(random, outs, BATCH_TILE);
        float[][] expected = copy(y);
        for (int o = 0; o < outs; o++) {
            plain(a[o], 0, m, n, expected[o], BATCH_TILE);
        }
        TileProducts.multiplyAddBatch(a, m, n, y, outs, new float[TILE]);
        assertSameBits(expected, y);
    }

    private static void plain(float[] a, int p, float[][] m, int n, float[] y, int width) {
        for (int t = 0; t < width; t++) {
            float acc = y[t];
            int i = 0;
            for (; i + 6 <= n; i += 6) {
                float chunk = a[p + i] * m[i][t];
                for (int r = 1; r < 6; r++) {
                    chunk += a[p + i + r] * m[i + r][t];
                }
                acc += chunk;
            }
            for (; i < n; i++) {
                acc += a[p + i] * m[i][t];
            }
            y[t] = acc;
        }
    }

    private static float[] randomRow(SplittableRandom random, int length) {
        float[] row = new float[length];
        for (int i = 0; i < length; i++) {
            row[i] = (float) (2 * random.nextDouble() - 1);
        }
        return row;
    }

    private static float[][] randomRows(SplittableRandom random, int rows, int length) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = randomRow(random, length);
        }
        return out;
    }

    private static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
        }
        return out;
    }

    private static void assertSameBits(float[][] expected, float[][] actual) {
        for (int r = 0; r < expected.length; r++) {
            for (int t = 0; t < expected[r].length; t++) {
                assertEquals(Float.floatToRawIntBits(expected[r][t]), Float.floatToRawIntBits(actual[r][t]),
                        "row " + r + ", column " + t);
            }
        }
    }
}
