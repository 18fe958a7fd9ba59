package io.github.rivervalley.bigram.model;

import java.util.Arrays;

/**
 * {@link FactoredMinibatch32} with the Vector API ({@link VectorApi}; the same bits as
 * {@link AutoVectorMinibatch32}). The products run through {@link VectorTileProducts}: the logits on column
 * tiles of U^T; U's gradient {@code dU = R^T E_batch} row by row of dU; {@code dE_batch = R U} straight from R's
 * rows against a float copy of U's rows. Rows of those flat copies are padded to {@code kPadded}, a multiple of
 * the vector length. Each row's maximum is taken tile by tile right after the tile's logits, while cached, and
 * the residuals' scaling and the one-hot's subtraction tile by tile just before the tile's products (the same
 * operations, so the same bits, without more passes over Z).
 */
final class VectorApiMinibatch32 extends FactoredMinibatch32 {

    private final int kPadded;
    /** U's rows (V x kPadded) and E_batch's (B x kPadded), as floats. */
    private final float[] uRows;
    private final float[] embeddingsPadded;
    /** dE_batch (B x kPadded), and one tile of dU (TILE x kPadded) and of b's gradient (R's column sums). */
    private final float[] embeddingGradient;
    private final float[] uGradient;
    private final float[] biasGradient;
    /** Each row's maximum and softmax scale {@code (1/B) / sum}. */
    private final float[] rowMaxima;
    private final float[] rowScales;

    VectorApiMinibatch32(FactoredModel model, int batchSize) {
        super(model, batchSize);
        int lanes = VectorTileProducts.LANES;
        this.kPadded = (k + lanes - 1) / lanes * lanes;
        this.uRows = new float[v * kPadded];
        this.embeddingsPadded = new float[batchSize * kPadded];
        this.embeddingGradient = new float[batchSize * kPadded];
        this.uGradient = new float[TILE * kPadded];
        this.biasGradient = new float[TILE];
        this.rowMaxima = new float[batchSize];
        this.rowScales = new float[batchSize];
    }

    @Override
    void embeddingCopied(int b) {
        System.arraycopy(embeddings, b * k, embeddingsPadded, b * kPadded, k);
    }

    /** U^T's tile, and the same rows of U into {@code uRows}. */
    @Override
    void toColumnTiles(double[] x, int tile) {
        super.toColumnTiles(x, tile);
        int from = tile * TILE;
        int len = width(tile);
        for (int t = 0; t < len; t++) {
            int row = uOffset + (from + t) * k;
            int at = (from + t) * kPadded;
            for (int c = 0; c < k; c++) {
                uRows[at + c] = (float) x[row + c];
            }
        }
    }

    @Override
    void logitsProduct(int tile, float[][] rows, int len) {
        VectorTileProducts.multiplyAdd(embeddings, k, uTransposed[tile], k, rows, batchSize, TILE);
        for (int b = 0; b < batchSize; b++) {
            rowMaxima[b] = VectorSoftmax.max(rows[b], len, tile == 0 ? Float.NEGATIVE_INFINITY : rowMaxima[b]);
        }
    }

    @Override
    void residualsAndGradients(double[] out, float invB) {
        for (int b = 0; b < batchSize; b++) {
            rowScales[b] = invB / exponentials(b, rowMaxima[b]);
        }
        Arrays.fill(embeddingGradient, 0.0f);
        for (int tile = 0; tile < tiles; tile++) {
            float[][] r = z[tile];
            int len = width(tile);
            for (int b = 0; b < batchSize; b++) {
                residual(r[b], len, rowScales[b], next[b] - tile * TILE, invB);
            }
            VectorTileProducts.columnsTimesFlat(r, batchSize, len, embeddingsPadded, uGradient, kPadded);
            Arrays.fill(biasGradient, 0.0f);
            for (float[] row : r) {
                for (int j = 0; j < len; j++) {
                    biasGradient[j] += row[j];
                }
            }
            int from = tile * TILE;
            for (int t = 0; t < len; t++) {
                int at = uOffset + (from + t) * k;
                int g = t * kPadded;
                for (int c = 0; c < k; c++) {
                    out[at + c] = uGradient[g + c];
                }
                out[bOffset + from + t] = biasGradient[t];
            }
            VectorTileProducts.rowsTimesFlat(r, batchSize, uRows, from, len, embeddingGradient, kPadded);
        }
    }

    @Override
    float embeddingGradient(int b, int c) {
        return embeddingGradient[b * kPadded + c];
    }
}
