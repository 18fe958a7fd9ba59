package io.github.rivervalley.bigram.model;

import java.util.Arrays;

/**
 * Float32 matrix products on column tiles of exactly {@value #TILE} entries, for {@link FactoredMinibatch32}:
 * {@code Y += A M} where every row of Y and of M is one {@code float[TILE]} (a matrix wider than a tile is
 * stored as one such array of rows per tile, zero-padded at the end), and the same on batch tiles of
 * {@value #BATCH_TILE} entries.
 *
 * <p>Why this shape: Java 17's auto-vectorizer turns the inner loop into SIMD code when every array in it is
 * indexed by the loop variable alone and, for a loop that updates two output rows, when the loop runs over a
 * constant range (here {@code 0 .. TILE}; with run-time bounds the same loop compiles to scalar code,
 * measured four to five times slower). Two output rows per pass (register blocking) share each load of M, and
 * six rows of M per pass give twelve multiply-adds per load and store of an output: measured 2.5e10 to 2.7e10
 * float32 multiply-adds/s on one core here, against 1.4e10 for one output row and four rows of M on 256-entry
 * blocks (the previous kernel). The summation order is fixed: {@code y += a_i m_i + ... + a_{i+5} m_{i+5}},
 * six terms at a time in row order, then the remaining rows one by one, so results are the same bits on
 * any machine and thread count.
 */
final class TileProducts {

    /** Columns per tile: two output rows and six input rows of a tile (16 KB) stay in the L1 cache. */
    static final int TILE = 512;
    /**
     * Columns per batch tile, for the product whose output rows run over the batch: a loop this long still
     * vectorises well (measured 2.6e10 multiply-adds/s for two outputs by six rows, against 1.5e10 on rows of
     * k = 64, where the scalar loops that align and finish a vector loop take much of each pass).
     */
    static final int BATCH_TILE = 256;

    private TileProducts() {
    }

    /** Tiles needed for {@code width} columns. */
    static int tiles(int width) {
        return (width + TILE - 1) / TILE;
    }

    /**
     * {@code y[o] += sum_{i < n} a[o * stride + i] m[i]} for every output row {@code o < outs} (rows of one
     * tile). Output rows go in pairs; an odd last row is computed with {@code spare} (a TILE-long scratch
     * row, zeroed) as its discarded partner, so it gets the same arithmetic as every other row.
     */
    static void multiplyAdd(float[] a, int stride, float[][] m, int n, float[][] y, int outs, float[] spare) {
        int o = 0;
        for (; o + 1 < outs; o += 2) {
            multiplyAdd2(a, o * stride, a, (o + 1) * stride, m, n, y[o], y[o + 1]);
        }
        if (o < outs) {
            Arrays.fill(spare, 0.0f);
            multiplyAdd2(a, o * stride, a, o * stride, m, n, y[o], spare);
        }
    }

    /**
     * The same on {@value #BATCH_TILE}-column (batch) tiles with row {@code o}'s coefficients in their own array:
     * {@code y[o] += sum_{i < n} a[o][i] m[i]}.
     */
    static void multiplyAddBatch(float[][] a, float[][] m, int n, float[][] y, int outs, float[] spare) {
        int o = 0;
        for (; o + 1 < outs; o += 2) {
            multiplyAdd2Batch(a[o], a[o + 1], m, n, y[o], y[o + 1]);
        }
        if (o < outs) {
            Arrays.fill(spare, 0.0f);
            multiplyAdd2Batch(a[o], a[o], m, n, y[o], spare);
        }
    }

    /**
     * {@code y0 += sum_{i < n} a[p + i] m[i]} and {@code y1 += sum_{i < n} c[q + i] m[i]} over one tile.
     * (The batch-tile copy below differs only in its constant loop bound, which has to be a literal constant.)
     */
    static void multiplyAdd2(float[] a, int p, float[] c, int q, float[][] m, int n, float[] y0, float[] y1) {
        int i = 0;
        for (; i + 6 <= n; i += 6) {
            float a0 = a[p + i];
            float a1 = a[p + i + 1];
            float a2 = a[p + i + 2];
            float a3 = a[p + i + 3];
            float a4 = a[p + i + 4];
            float a5 = a[p + i + 5];
            float c0 = c[q + i];
            float c1 = c[q + i + 1];
            float c2 = c[q + i + 2];
            float c3 = c[q + i + 3];
            float c4 = c[q + i + 4];
            float c5 = c[q + i + 5];
            float[] m0 = m[i];
            float[] m1 = m[i + 1];
            float[] m2 = m[i + 2];
            float[] m3 = m[i + 3];
            float[] m4 = m[i + 4];
            float[] m5 = m[i + 5];
            for (int t = 0; t < TILE; t++) {
                float u0 = m0[t];
                float u1 = m1[t];
                float u2 = m2[t];
                float u3 = m3[t];
                float u4 = m4[t];
                float u5 = m5[t];
                y0[t] += a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3 + a4 * u4 + a5 * u5;
                y1[t] += c0 * u0 + c1 * u1 + c2 * u2 + c3 * u3 + c4 * u4 + c5 * u5;
            }
        }
        for (; i < n; i++) {
            float a0 = a[p + i];
            float c0 = c[q + i];
            float[] m0 = m[i];
            for (int t = 0; t < TILE; t++) {
                float u0 = m0[t];
                y0[t] += a0 * u0;
                y1[t] += c0 * u0;
            }
        }
    }

    /**
     * {@link #multiplyAdd2} on {@value #BATCH_TILE} columns, coefficients from index 0: a copy, since the loop
     * vectorises only with a literal constant bound (with the width as a parameter it compiles to scalar code;
     * one width of 256 for all three products measured 18% fewer pairs/s).
     */
    static void multiplyAdd2Batch(float[] a, float[] c, float[][] m, int n, float[] y0, float[] y1) {
        int i = 0;
        for (; i + 6 <= n; i += 6) {
            float a0 = a[i];
            float a1 = a[i + 1];
            float a2 = a[i + 2];
            float a3 = a[i + 3];
            float a4 = a[i + 4];
            float a5 = a[i + 5];
            float c0 = c[i];
            float c1 = c[i + 1];
            float c2 = c[i + 2];
            float c3 = c[i + 3];
            float c4 = c[i + 4];
            float c5 = c[i + 5];
            float[] m0 = m[i];
            float[] m1 = m[i + 1];
            float[] m2 = m[i + 2];
            float[] m3 = m[i + 3];
            float[] m4 = m[i + 4];
            float[] m5 = m[i + 5];
            for (int t = 0; t < BATCH_TILE; t++) {
                float u0 = m0[t];
                float u1 = m1[t];
                float u2 = m2[t];
                float u3 = m3[t];
                float u4 = m4[t];
                float u5 = m5[t];
                y0[t] += a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3 + a4 * u4 + a5 * u5;
                y1[t] += c0 * u0 + c1 * u1 + c2 * u2 + c3 * u3 + c4 * u4 + c5 * u5;
            }
        }
        for (; i < n; i++) {
            float a0 = a[i];
            float c0 = c[i];
            float[] m0 = m[i];
            for (int t = 0; t < BATCH_TILE; t++) {
                float u0 = m0[t];
                y0[t] += a0 * u0;
                y1[t] += c0 * u0;
            }
        }
    }
}
