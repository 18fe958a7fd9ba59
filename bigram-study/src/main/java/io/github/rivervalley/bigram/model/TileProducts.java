package io.github.rivervalley.bigram.model;

import java.util.Arrays;

/**
 * Float32 matrix products on column tiles of exactly {@value #TILE} entries, for {@link FactoredMinibatch32}:
 * {@code Y += A M} where every row of Y and of M is one {@code float[TILE]} (a matrix wider than a tile is
 * stored as one such array of rows per tile, zero-padded at the end), and the same on batch tiles of
 * {@value #BATCH_TILE} entries.
 *
 * <p>Why this shape: Java 17's auto-vectorizer turns the inner loop into SIMD code only when every array in it
 * is indexed by the loop variable alone and the loop runs over a constant range (here {@code 0 .. TILE}; with
 * run-time bounds the same loop compiles to scalar code, measured four to five times slower). Each multiply-add
 * is one {@link Math#fma} (one instruction, where {@code y += a * u} is a multiply and an add), and three output
 * rows per pass (register blocking) share each load of four rows of M: twelve multiply-adds per load and store
 * of an output, measured 4.1e10 float32 multiply-adds/s on one core here in a micro-benchmark (82% of the
 * machine's fma peak; 3.3e10 to 3.7e10 within a training step), against 2.9e10 for the previous kernel
 * (separate multiplies and adds, two outputs by six rows). Every pass also runs up to 16 entries in the
 * scalar loops that align and finish the vector loop, which is why longer rows vectorise better. Other blockings with
 * fma chains compile to scalar code in Java 17 (two outputs by three, five, six or eight rows; five or more
 * outputs by four rows) or run slower (two outputs by four rows 3.4e10, four by four 3.9e10).
 *
 * <p>The summation order is fixed, the plain chain {@code y = fma(a_i, m_i, y)} for i = 0, 1, ..., n - 1 per
 * output entry (each multiply-add rounded once), so results are the same bits on any machine and thread count.
 */
final class TileProducts {

    /** Columns per tile: three output rows and four input rows of a tile (14 KB) stay in the L1 cache. */
    static final int TILE = 512;
    /**
     * Columns per batch tile, for the product whose output rows run over the batch: a loop this long still
     * vectorises well (on rows of k = 64 the scalar loops that align and finish a vector loop take much of
     * each pass).
     */
    static final int BATCH_TILE = 256;
    /** Output rows per pass. */
    static final int OUTPUTS = 3;

    private TileProducts() {
    }

    /** Tiles needed for {@code width} columns. */
    static int tiles(int width) {
        return (width + TILE - 1) / TILE;
    }

    /** Scratch rows for the kernels' discarded partners of a last, incomplete group of output rows. */
    static float[][] spareRows() {
        return new float[OUTPUTS - 1][TILE];
    }

    /**
     * {@code y[o] += sum_{i < n} a[o * stride + i] m[i]} for every output row {@code o < outs} (rows of one
     * tile). Output rows go in threes; a last incomplete group is filled up with the rows of {@code spare}
     * ({@link #spareRows}, zeroed here) as discarded partners, so every row gets the same arithmetic.
     */
    static void multiplyAdd(float[] a, int stride, float[][] m, int n, float[][] y, int outs, float[][] spare) {
        int o = 0;
        for (; o + 2 < outs; o += 3) {
            multiplyAdd3(a, o * stride, a, (o + 1) * stride, a, (o + 2) * stride, m, n, y[o], y[o + 1], y[o + 2]);
        }
        if (o < outs) {
            clear(spare);
            int last = outs - 1;
            float[] y1 = o + 1 < outs ? y[o + 1] : spare[0];
            multiplyAdd3(a, o * stride, a, last * stride, a, last * stride, m, n, y[o], y1, spare[1]);
        }
    }

    /**
     * The same on {@value #BATCH_TILE}-column (batch) tiles with row {@code o}'s coefficients in their own array:
     * {@code y[o] += sum_{i < n} a[o][i] m[i]}.
     */
    static void multiplyAddBatch(float[][] a, float[][] m, int n, float[][] y, int outs, float[][] spare) {
        int o = 0;
        for (; o + 2 < outs; o += 3) {
            multiplyAdd3Batch(a[o], a[o + 1], a[o + 2], m, n, y[o], y[o + 1], y[o + 2]);
        }
        if (o < outs) {
            clear(spare);
            float[] y1 = o + 1 < outs ? y[o + 1] : spare[0];
            multiplyAdd3Batch(a[o], a[outs - 1], a[outs - 1], m, n, y[o], y1, spare[1]);
        }
    }

    private static void clear(float[][] rows) {
        for (float[] row : rows) {
            Arrays.fill(row, 0.0f);
        }
    }

    /**
     * {@code y0 += sum_{i < n} a[p + i] m[i]}, {@code y1 += sum_{i < n} c[q + i] m[i]} and
     * {@code y2 += sum_{i < n} d[r + i] m[i]} over one tile, as fma chains in row order. (The batch-tile copy
     * below differs only in its constant loop bound, which has to be a literal constant.)
     */
    static void multiplyAdd3(float[] a, int p, float[] c, int q, float[] d, int r, float[][] m, int n,
            float[] y0, float[] y1, float[] y2) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            float a0 = a[p + i];
            float a1 = a[p + i + 1];
            float a2 = a[p + i + 2];
            float a3 = a[p + i + 3];
            float c0 = c[q + i];
            float c1 = c[q + i + 1];
            float c2 = c[q + i + 2];
            float c3 = c[q + i + 3];
            float d0 = d[r + i];
            float d1 = d[r + i + 1];
            float d2 = d[r + i + 2];
            float d3 = d[r + i + 3];
            float[] m0 = m[i];
            float[] m1 = m[i + 1];
            float[] m2 = m[i + 2];
            float[] m3 = m[i + 3];
            for (int t = 0; t < TILE; t++) {
                float u0 = m0[t];
                float u1 = m1[t];
                float u2 = m2[t];
                float u3 = m3[t];
                y0[t] = Math.fma(a3, u3, Math.fma(a2, u2, Math.fma(a1, u1, Math.fma(a0, u0, y0[t]))));
                y1[t] = Math.fma(c3, u3, Math.fma(c2, u2, Math.fma(c1, u1, Math.fma(c0, u0, y1[t]))));
                y2[t] = Math.fma(d3, u3, Math.fma(d2, u2, Math.fma(d1, u1, Math.fma(d0, u0, y2[t]))));
            }
        }
        for (; i < n; i++) {
            float a0 = a[p + i];
            float c0 = c[q + i];
            float d0 = d[r + i];
            float[] m0 = m[i];
            for (int t = 0; t < TILE; t++) {
                float u0 = m0[t];
                y0[t] = Math.fma(a0, u0, y0[t]);
                y1[t] = Math.fma(c0, u0, y1[t]);
                y2[t] = Math.fma(d0, u0, y2[t]);
            }
        }
    }

    /**
     * {@link #multiplyAdd3} on {@value #BATCH_TILE} columns, coefficients from index 0: a copy, since the loop
     * vectorises only with a literal constant bound (with the width as a parameter it compiles to scalar code;
     * one width of 256 for all three products measured 18% fewer pairs/s).
     */
    static void multiplyAdd3Batch(float[] a, float[] c, float[] d, float[][] m, int n, float[] y0, float[] y1, float[] y2) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            float a0 = a[i];
            float a1 = a[i + 1];
            float a2 = a[i + 2];
            float a3 = a[i + 3];
            float c0 = c[i];
            float c1 = c[i + 1];
            float c2 = c[i + 2];
            float c3 = c[i + 3];
            float d0 = d[i];
            float d1 = d[i + 1];
            float d2 = d[i + 2];
            float d3 = d[i + 3];
            float[] m0 = m[i];
            float[] m1 = m[i + 1];
            float[] m2 = m[i + 2];
            float[] m3 = m[i + 3];
            for (int t = 0; t < BATCH_TILE; t++) {
                float u0 = m0[t];
                float u1 = m1[t];
                float u2 = m2[t];
                float u3 = m3[t];
                y0[t] = Math.fma(a3, u3, Math.fma(a2, u2, Math.fma(a1, u1, Math.fma(a0, u0, y0[t]))));
                y1[t] = Math.fma(c3, u3, Math.fma(c2, u2, Math.fma(c1, u1, Math.fma(c0, u0, y1[t]))));
                y2[t] = Math.fma(d3, u3, Math.fma(d2, u2, Math.fma(d1, u1, Math.fma(d0, u0, y2[t]))));
            }
        }
        for (; i < n; i++) {
            float a0 = a[i];
            float c0 = c[i];
            float d0 = d[i];
            float[] m0 = m[i];
            for (int t = 0; t < BATCH_TILE; t++) {
                float u0 = m0[t];
                y0[t] = Math.fma(a0, u0, y0[t]);
                y1[t] = Math.fma(c0, u0, y1[t]);
                y2[t] = Math.fma(d0, u0, y2[t]);
            }
        }
    }
}
