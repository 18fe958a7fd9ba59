package io.github.rivervalley.bigram.model;

import java.util.Arrays;

/**
 * {@link FactoredMinibatch32} in plain Java loops that Java 17's auto-vectoriser compiles to SIMD code (used
 * without the Vector API; the same bits as {@link VectorApiMinibatch32}). The logits {@code Z = E_batch U^T} and
 * {@code dU^T = E_batch^T R} run through {@link TileProducts#multiplyAdd}; {@code dE_batch^T = U^T R^T}, whose
 * rows run over the batch, on batch tiles of R^T ({@link TileProducts#multiplyAddBatch}; R is transposed eight
 * tokens at a time), tile by tile right after that tile's dU^T, while the tile of R is cached. The bias gradient
 * is one more output row of the dU^T product. The softmax's maximum is taken column by column of the tiles,
 * then across.
 */
final class AutoVectorMinibatch32 extends FactoredMinibatch32 {

    private static final int BATCH_TILE = TileProducts.BATCH_TILE;

    /**
     * One tile of dU^T ({@code [row][column in tile]}, reused: each is written out right after its product),
     * with one more row, k, the bias gradient (the column sums of R), computed by the same product from a row
     * of ones in E_batch^T.
     */
    private final float[][] uGradientTransposed;
    /**
     * One batch tile of one tile of R^T ({@code [j in tile][token in batch tile]}, reused) and dE_batch^T
     * ({@code [batch tile][c]}). Past the batch's last token their columns hold stale values, never read: the
     * products compute every column on its own.
     */
    private final float[][] residualsTransposed;
    private final float[][][] embeddingGradientTransposed;
    /** E_batch's transpose (k x B) followed by a row of B ones, flat. */
    private final float[] embeddingsTransposed;
    private final int batchTiles;
    private final float[][] spare;

    AutoVectorMinibatch32(FactoredModel model, int batchSize) {
        super(model, batchSize);
        this.uGradientTransposed = new float[k + 1][TILE];
        this.batchTiles = (batchSize + BATCH_TILE - 1) / BATCH_TILE;
        this.residualsTransposed = new float[TILE][BATCH_TILE];
        this.embeddingGradientTransposed = new float[batchTiles][k][BATCH_TILE];
        this.embeddingsTransposed = new float[(k + 1) * batchSize];
        Arrays.fill(embeddingsTransposed, k * batchSize, (k + 1) * batchSize, 1.0f); // row k: the bias gradient's
        this.spare = TileProducts.spareRows();
    }

    @Override
    void embeddingCopied(int b) {
        for (int c = 0; c < k; c++) {
            embeddingsTransposed[c * batchSize + b] = embeddings[b * k + c];
        }
    }

    @Override
    void logitsProduct(int tile, float[][] rows, int len) {
        TileProducts.multiplyAdd(embeddings, k, uTransposed[tile], k, rows, batchSize, spare);
    }

    @Override
    void residualsAndGradients(double[] out, float invB) {
        for (int b = 0; b < batchSize; b++) {
            softmaxResidual(b, next[b], invB);
        }
        parameterGradients(out);
    }

    @Override
    float embeddingGradient(int b, int c) {
        return embeddingGradientTransposed[b / BATCH_TILE][c][b % BATCH_TILE];
    }

    /** dU's rows and b's gradient of tile {@code tile} into {@code out}, from dU^T (just after the tile's product). */
    private void fromColumnTiles(double[] out, int tile) {
        float[][] columns = uGradientTransposed;
        int from = tile * TILE;
        int len = width(tile);
        for (int t = 0; t < len; t++) {
            int row = uOffset + (from + t) * k;
            for (int c = 0; c < k; c++) {
                out[row + c] = columns[c][t];
            }
        }
        float[] biasGradient = columns[k];
        for (int t = 0; t < len; t++) {
            out[bOffset + from + t] = biasGradient[t];
        }
    }

    /** Row {@code b} of Z becomes {@code (softmax - onehot(y)) / B} in place (the padded columns stay zero). */
    private void softmaxResidual(int b, int y, float invB) {
        // Column by column of the tiles, then across the columns: elementwise loops that vectorise (a running
        // maximum over a row vectorises as a reduction, measured three times slower). The order does not matter:
        // Math.max is associative and commutative, NaN and signed zeros included.
        float[] maxima = sums;
        Arrays.fill(maxima, Float.NEGATIVE_INFINITY);
        for (int tile = 0; tile < tiles; tile++) {
            float[] r = z[tile][b];
            int len = width(tile);
            for (int j = 0; j < len; j++) {
                maxima[j] = Math.max(maxima[j], r[j]);
            }
        }
        float m0 = Float.NEGATIVE_INFINITY; // four chains: each Math.max waits on the one before in its chain
        float m1 = Float.NEGATIVE_INFINITY;
        float m2 = Float.NEGATIVE_INFINITY;
        float m3 = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < TILE; j += 4) {
            m0 = Math.max(m0, maxima[j]);
            m1 = Math.max(m1, maxima[j + 1]);
            m2 = Math.max(m2, maxima[j + 2]);
            m3 = Math.max(m3, maxima[j + 3]);
        }
        float max = Math.max(Math.max(m0, m1), Math.max(m2, m3));
        float scale = invB / exponentials(b, max);
        for (int tile = 0; tile < tiles; tile++) {
            residual(z[tile][b], width(tile), scale, y - tile * TILE, invB);
        }
    }

    /**
     * Tile by tile, while the tile of R is in the cache: {@code dU^T[c, j] = sum_b E_batch[b, c] R[b, j]}, with
     * the bias gradient {@code sum_b R[b, j]} in row k (with k = 64 the last group of three output rows has a
     * free place for it); then {@code dE_batch^T[c, b] += sum_j U^T[c, j] R^T[j, b]} over the tile's j: output
     * rows over the batch (long enough to vectorise, unlike rows of k), from the tile of R transposed eight
     * tokens at a time ({@link #transpose8}).
     */
    private void parameterGradients(double[] out) {
        for (float[][] rows : embeddingGradientTransposed) {
            for (float[] row : rows) {
                Arrays.fill(row, 0.0f);
            }
        }
        for (int tile = 0; tile < tiles; tile++) {
            float[][] r = z[tile];
            float[][] rows = uGradientTransposed;
            for (float[] row : rows) {
                Arrays.fill(row, 0.0f);
            }
            TileProducts.multiplyAdd(embeddingsTransposed, batchSize, r, batchSize, rows, k + 1, spare);
            fromColumnTiles(out, tile);
            for (int bt = 0; bt < batchTiles; bt++) {
                int from = bt * BATCH_TILE;
                int len = Math.min(BATCH_TILE, batchSize - from);
                for (int j = 0; j < TILE; j += 8) {
                    transpose8(r, from, len, j, residualsTransposed);
                }
                TileProducts.multiplyAddBatch(uTransposed[tile], residualsTransposed, TILE, embeddingGradientTransposed[bt], k, spare);
            }
        }
    }

    /** {@code rt[j + i][s] = r[from + s][j + i]} for i < 8, s < len: eight columns of R, one line of each row. */
    private static void transpose8(float[][] r, int from, int len, int j, float[][] rt) {
        float[] t0 = rt[j];
        float[] t1 = rt[j + 1];
        float[] t2 = rt[j + 2];
        float[] t3 = rt[j + 3];
        float[] t4 = rt[j + 4];
        float[] t5 = rt[j + 5];
        float[] t6 = rt[j + 6];
        float[] t7 = rt[j + 7];
        for (int s = 0; s < len; s++) {
            float[] row = r[from + s];
            t0[s] = row[j];
            t1[s] = row[j + 1];
            t2[s] = row[j + 2];
            t3[s] = row[j + 3];
            t4[s] = row[j + 4];
            t5[s] = row[j + 5];
            t6[s] = row[j + 6];
            t7[s] = row[j + 7];
        }
    }
}
