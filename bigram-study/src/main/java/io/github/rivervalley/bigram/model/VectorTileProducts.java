package io.github.rivervalley.bigram.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 products of {@link FactoredMinibatch32} with the Vector API ({@link VectorApi}): the same sums as
 * {@link TileProducts}, each output entry the chain {@code y = fma(a_i, m_i, y)} for i = 0, 1, ..., n - 1, so the
 * same bits. Loaded only when the Vector API is enabled (it needs {@code jdk.incubator.vector}).
 *
 * <p>Why it is faster: four output rows by four vectors of columns stay in registers for the whole chain (16
 * accumulators), so each step of the chain loads four vectors of M and broadcasts four coefficients for 16
 * multiply-adds, and an output is loaded and stored once per product instead of once per four rows of M.
 * There are no scalar loops to align or finish a vector loop: row widths are multiples of the vector length.
 * Measured 4.8e10 multiply-adds/s on one core here for the logits' shape, against 4.1e10 for the
 * auto-vectorised kernel.
 */
final class VectorTileProducts {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector (16 with AVX-512). */
    static final int LANES = SPECIES.length();
    /** Columns per register block: four vectors. */
    private static final int BLOCK = 4 * LANES;

    private VectorTileProducts() {
    }

    /**
     * Whether the four-by-four register blocks fit the machine's vector registers: 16 accumulators, four rows
     * of M and a coefficient need 21. With 512-bit vectors (x86's AVX-512: 32 registers) they do; with
     * narrower ones on x86 (16 registers) they spill, and the plain kernels are faster (measured with
     * {@code -XX:UseAVX=2}: 2.33e4 against 2.53e4 pairs/s at V = 4096), so {@link FactoredMinibatch32#of}
     * uses these kernels only with 512-bit vectors.
     */
    static boolean blocksFitRegisters() {
        return SPECIES.vectorBitSize() >= 512;
    }

    /**
     * {@code y[o][t] += sum_{i < n} a[o * stride + i] m[i][t]} for o < outs and t < width, a multiple of
     * {@link #LANES}.
     */
    static void multiplyAdd(float[] a, int stride, float[][] m, int n, float[][] y, int outs, int width) {
        int o = 0;
        for (; o + 4 <= outs; o += 4) {
            int t = 0;
            for (; t + BLOCK <= width; t += BLOCK) {
                block4x4(a, o * stride, stride, m, n, y[o], y[o + 1], y[o + 2], y[o + 3], t);
            }
            for (; t < width; t += LANES) {
                for (int r = 0; r < 4; r++) {
                    chain(a, (o + r) * stride, m, n, y[o + r], t);
                }
            }
        }
        for (; o < outs; o++) {
            for (int t = 0; t < width; t += LANES) {
                chain(a, o * stride, m, n, y[o], t);
            }
        }
    }

    /**
     * Row by row of a tile of R against rows of a matrix stored flat:
     * {@code y[b * stride + c] += sum_{j < len} r[b][j] u[(from + j) * stride + c]} for b < rows and c < stride
     * (a multiple of {@link #LANES}): the embeddings' gradient {@code dE = R U} straight from R's rows, without
     * transposing R.
     */
    static void rowsTimesFlat(float[][] r, int rows, float[] u, int from, int len, float[] y, int stride) {
        int b = 0;
        for (; b + 4 <= rows; b += 4) {
            int c = 0;
            for (; c + BLOCK <= stride; c += BLOCK) {
                flatBlock4x4(r[b], r[b + 1], r[b + 2], r[b + 3], u, from, len, y, b * stride, stride, c);
            }
            for (; c < stride; c += LANES) {
                for (int q = 0; q < 4; q++) {
                    flatChain(r[b + q], u, from, len, y, (b + q) * stride + c, stride, c);
                }
            }
        }
        for (; b < rows; b++) {
            for (int c = 0; c < stride; c += LANES) {
                flatChain(r[b], u, from, len, y, b * stride + c, stride, c);
            }
        }
    }

    /**
     * Columns of a tile of R against rows stored flat: {@code y[j * stride + c] = sum_{b < rows} r[b][j] e[b * stride + c]}
     * for j < width and c < stride (a multiple of {@link #LANES}), each entry the chain over b from zero: U's
     * gradient {@code dU = R^T E} row by row of dU, without transposing it afterwards.
     */
    static void columnsTimesFlat(float[][] r, int rows, int width, float[] e, float[] y, int stride) {
        int j = 0;
        for (; j + 4 <= width; j += 4) {
            int c = 0;
            for (; c + BLOCK <= stride; c += BLOCK) {
                columnBlock4x4(r, rows, j, e, y, stride, c);
            }
            for (; c < stride; c += LANES) {
                for (int q = 0; q < 4; q++) {
                    columnChain(r, rows, j + q, e, y, stride, c);
                }
            }
        }
        for (; j < width; j++) {
            for (int c = 0; c < stride; c += LANES) {
                columnChain(r, rows, j, e, y, stride, c);
            }
        }
    }

    private static void block4x4(float[] a, int p, int stride, float[][] m, int n,
            float[] y0, float[] y1, float[] y2, float[] y3, int t) {
        int t1 = t + LANES;
        int t2 = t + 2 * LANES;
        int t3 = t + 3 * LANES;
        FloatVector c00 = FloatVector.fromArray(SPECIES, y0, t);
        FloatVector c01 = FloatVector.fromArray(SPECIES, y0, t1);
        FloatVector c02 = FloatVector.fromArray(SPECIES, y0, t2);
        FloatVector c03 = FloatVector.fromArray(SPECIES, y0, t3);
        FloatVector c10 = FloatVector.fromArray(SPECIES, y1, t);
        FloatVector c11 = FloatVector.fromArray(SPECIES, y1, t1);
        FloatVector c12 = FloatVector.fromArray(SPECIES, y1, t2);
        FloatVector c13 = FloatVector.fromArray(SPECIES, y1, t3);
        FloatVector c20 = FloatVector.fromArray(SPECIES, y2, t);
        FloatVector c21 = FloatVector.fromArray(SPECIES, y2, t1);
        FloatVector c22 = FloatVector.fromArray(SPECIES, y2, t2);
        FloatVector c23 = FloatVector.fromArray(SPECIES, y2, t3);
        FloatVector c30 = FloatVector.fromArray(SPECIES, y3, t);
        FloatVector c31 = FloatVector.fromArray(SPECIES, y3, t1);
        FloatVector c32 = FloatVector.fromArray(SPECIES, y3, t2);
        FloatVector c33 = FloatVector.fromArray(SPECIES, y3, t3);
        int p1 = p + stride;
        int p2 = p1 + stride;
        int p3 = p2 + stride;
        for (int i = 0; i < n; i++) {
            float[] mi = m[i];
            FloatVector u0 = FloatVector.fromArray(SPECIES, mi, t);
            FloatVector u1 = FloatVector.fromArray(SPECIES, mi, t1);
            FloatVector u2 = FloatVector.fromArray(SPECIES, mi, t2);
            FloatVector u3 = FloatVector.fromArray(SPECIES, mi, t3);
            FloatVector a0 = u0.broadcast(a[p + i]);
            c00 = u0.fma(a0, c00);
            c01 = u1.fma(a0, c01);
            c02 = u2.fma(a0, c02);
            c03 = u3.fma(a0, c03);
            FloatVector a1 = u0.broadcast(a[p1 + i]);
            c10 = u0.fma(a1, c10);
            c11 = u1.fma(a1, c11);
            c12 = u2.fma(a1, c12);
            c13 = u3.fma(a1, c13);
            FloatVector a2 = u0.broadcast(a[p2 + i]);
            c20 = u0.fma(a2, c20);
            c21 = u1.fma(a2, c21);
            c22 = u2.fma(a2, c22);
            c23 = u3.fma(a2, c23);
            FloatVector a3 = u0.broadcast(a[p3 + i]);
            c30 = u0.fma(a3, c30);
            c31 = u1.fma(a3, c31);
            c32 = u2.fma(a3, c32);
            c33 = u3.fma(a3, c33);
        }
        c00.intoArray(y0, t);
        c01.intoArray(y0, t1);
        c02.intoArray(y0, t2);
        c03.intoArray(y0, t3);
        c10.intoArray(y1, t);
        c11.intoArray(y1, t1);
        c12.intoArray(y1, t2);
        c13.intoArray(y1, t3);
        c20.intoArray(y2, t);
        c21.intoArray(y2, t1);
        c22.intoArray(y2, t2);
        c23.intoArray(y2, t3);
        c30.intoArray(y3, t);
        c31.intoArray(y3, t1);
        c32.intoArray(y3, t2);
        c33.intoArray(y3, t3);
    }

    /** One output row, one vector of columns: the chain over all n rows of M. */
    private static void chain(float[] a, int p, float[][] m, int n, float[] y, int t) {
        FloatVector c = FloatVector.fromArray(SPECIES, y, t);
        for (int i = 0; i < n; i++) {
            FloatVector u = FloatVector.fromArray(SPECIES, m[i], t);
            c = u.fma(u.broadcast(a[p + i]), c);
        }
        c.intoArray(y, t);
    }

    private static void flatBlock4x4(float[] r0, float[] r1, float[] r2, float[] r3, float[] u, int from, int len,
            float[] y, int at, int stride, int c) {
        int c1 = c + LANES;
        int c2 = c + 2 * LANES;
        int c3 = c + 3 * LANES;
        int y1 = at + stride;
        int y2 = y1 + stride;
        int y3 = y2 + stride;
        FloatVector s00 = FloatVector.fromArray(SPECIES, y, at + c);
        FloatVector s01 = FloatVector.fromArray(SPECIES, y, at + c1);
        FloatVector s02 = FloatVector.fromArray(SPECIES, y, at + c2);
        FloatVector s03 = FloatVector.fromArray(SPECIES, y, at + c3);
        FloatVector s10 = FloatVector.fromArray(SPECIES, y, y1 + c);
        FloatVector s11 = FloatVector.fromArray(SPECIES, y, y1 + c1);
        FloatVector s12 = FloatVector.fromArray(SPECIES, y, y1 + c2);
        FloatVector s13 = FloatVector.fromArray(SPECIES, y, y1 + c3);
        FloatVector s20 = FloatVector.fromArray(SPECIES, y, y2 + c);
        FloatVector s21 = FloatVector.fromArray(SPECIES, y, y2 + c1);
        FloatVector s22 = FloatVector.fromArray(SPECIES, y, y2 + c2);
        FloatVector s23 = FloatVector.fromArray(SPECIES, y, y2 + c3);
        FloatVector s30 = FloatVector.fromArray(SPECIES, y, y3 + c);
        FloatVector s31 = FloatVector.fromArray(SPECIES, y, y3 + c1);
        FloatVector s32 = FloatVector.fromArray(SPECIES, y, y3 + c2);
        FloatVector s33 = FloatVector.fromArray(SPECIES, y, y3 + c3);
        for (int j = 0; j < len; j++) {
            int row = (from + j) * stride;
            FloatVector u0 = FloatVector.fromArray(SPECIES, u, row + c);
            FloatVector u1 = FloatVector.fromArray(SPECIES, u, row + c1);
            FloatVector u2 = FloatVector.fromArray(SPECIES, u, row + c2);
            FloatVector u3 = FloatVector.fromArray(SPECIES, u, row + c3);
            FloatVector a0 = u0.broadcast(r0[j]);
            s00 = u0.fma(a0, s00);
            s01 = u1.fma(a0, s01);
            s02 = u2.fma(a0, s02);
            s03 = u3.fma(a0, s03);
            FloatVector a1 = u0.broadcast(r1[j]);
            s10 = u0.fma(a1, s10);
            s11 = u1.fma(a1, s11);
            s12 = u2.fma(a1, s12);
            s13 = u3.fma(a1, s13);
            FloatVector a2 = u0.broadcast(r2[j]);
            s20 = u0.fma(a2, s20);
            s21 = u1.fma(a2, s21);
            s22 = u2.fma(a2, s22);
            s23 = u3.fma(a2, s23);
            FloatVector a3 = u0.broadcast(r3[j]);
            s30 = u0.fma(a3, s30);
            s31 = u1.fma(a3, s31);
            s32 = u2.fma(a3, s32);
            s33 = u3.fma(a3, s33);
        }
        s00.intoArray(y, at + c);
        s01.intoArray(y, at + c1);
        s02.intoArray(y, at + c2);
        s03.intoArray(y, at + c3);
        s10.intoArray(y, y1 + c);
        s11.intoArray(y, y1 + c1);
        s12.intoArray(y, y1 + c2);
        s13.intoArray(y, y1 + c3);
        s20.intoArray(y, y2 + c);
        s21.intoArray(y, y2 + c1);
        s22.intoArray(y, y2 + c2);
        s23.intoArray(y, y2 + c3);
        s30.intoArray(y, y3 + c);
        s31.intoArray(y, y3 + c1);
        s32.intoArray(y, y3 + c2);
        s33.intoArray(y, y3 + c3);
    }

    private static void flatChain(float[] r, float[] u, int from, int len, float[] y, int at, int stride, int c) {
        FloatVector s = FloatVector.fromArray(SPECIES, y, at);
        for (int j = 0; j < len; j++) {
            FloatVector w = FloatVector.fromArray(SPECIES, u, (from + j) * stride + c);
            s = w.fma(w.broadcast(r[j]), s);
        }
        s.intoArray(y, at);
    }

    private static void columnBlock4x4(float[][] r, int rows, int j, float[] e, float[] y, int stride, int c) {
        int c1 = c + LANES;
        int c2 = c + 2 * LANES;
        int c3 = c + 3 * LANES;
        FloatVector s00 = FloatVector.zero(SPECIES);
        FloatVector s01 = s00;
        FloatVector s02 = s00;
        FloatVector s03 = s00;
        FloatVector s10 = s00;
        FloatVector s11 = s00;
        FloatVector s12 = s00;
        FloatVector s13 = s00;
        FloatVector s20 = s00;
        FloatVector s21 = s00;
        FloatVector s22 = s00;
        FloatVector s23 = s00;
        FloatVector s30 = s00;
        FloatVector s31 = s00;
        FloatVector s32 = s00;
        FloatVector s33 = s00;
        for (int b = 0; b < rows; b++) {
            float[] rb = r[b];
            int row = b * stride;
            FloatVector u0 = FloatVector.fromArray(SPECIES, e, row + c);
            FloatVector u1 = FloatVector.fromArray(SPECIES, e, row + c1);
            FloatVector u2 = FloatVector.fromArray(SPECIES, e, row + c2);
            FloatVector u3 = FloatVector.fromArray(SPECIES, e, row + c3);
            FloatVector a0 = u0.broadcast(rb[j]);
            s00 = u0.fma(a0, s00);
            s01 = u1.fma(a0, s01);
            s02 = u2.fma(a0, s02);
            s03 = u3.fma(a0, s03);
            FloatVector a1 = u0.broadcast(rb[j + 1]);
            s10 = u0.fma(a1, s10);
            s11 = u1.fma(a1, s11);
            s12 = u2.fma(a1, s12);
            s13 = u3.fma(a1, s13);
            FloatVector a2 = u0.broadcast(rb[j + 2]);
            s20 = u0.fma(a2, s20);
            s21 = u1.fma(a2, s21);
            s22 = u2.fma(a2, s22);
            s23 = u3.fma(a2, s23);
            FloatVector a3 = u0.broadcast(rb[j + 3]);
            s30 = u0.fma(a3, s30);
            s31 = u1.fma(a3, s31);
            s32 = u2.fma(a3, s32);
            s33 = u3.fma(a3, s33);
        }
        int y0 = j * stride;
        int y1 = y0 + stride;
        int y2 = y1 + stride;
        int y3 = y2 + stride;
        s00.intoArray(y, y0 + c);
        s01.intoArray(y, y0 + c1);
        s02.intoArray(y, y0 + c2);
        s03.intoArray(y, y0 + c3);
        s10.intoArray(y, y1 + c);
        s11.intoArray(y, y1 + c1);
        s12.intoArray(y, y1 + c2);
        s13.intoArray(y, y1 + c3);
        s20.intoArray(y, y2 + c);
        s21.intoArray(y, y2 + c1);
        s22.intoArray(y, y2 + c2);
        s23.intoArray(y, y2 + c3);
        s30.intoArray(y, y3 + c);
        s31.intoArray(y, y3 + c1);
        s32.intoArray(y, y3 + c2);
        s33.intoArray(y, y3 + c3);
    }

    private static void columnChain(float[][] r, int rows, int j, float[] e, float[] y, int stride, int c) {
        FloatVector s = FloatVector.zero(SPECIES);
        for (int b = 0; b < rows; b++) {
            FloatVector w = FloatVector.fromArray(SPECIES, e, b * stride + c);
            s = w.fma(w.broadcast(r[b][j]), s);
        }
        s.intoArray(y, j * stride + c);
    }
}
