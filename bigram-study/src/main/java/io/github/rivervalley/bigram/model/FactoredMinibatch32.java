package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.GradientOracle;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The minibatch gradient of {@link FactoredMinibatch} computed in float32 arithmetic ({@code precision: float32}):
 * the same pairs (the same random draws), the same three products, on float copies of the batch's
 * embeddings, of U (transposed, O(V k) per call against the O(B V k) products) and of b. The parameters and
 * the optimizer's update stay float64; only the gradient is rounded to float32, so the step differs from the
 * float64 one by the float32 rounding of the gradient (bounded in {@code FactoredPrecisionTest}).
 *
 * <p>Float lanes are twice as many per SIMD register and the B x V logits half the bytes. The logits, U^T and
 * dU^T are stored as column tiles ({@link TileProducts}: one {@code float[TILE]} per row and tile, the last
 * tile zero-padded), so the logits {@code Z = E_batch U^T} and {@code dU^T = E_batch^T R} run through
 * {@link TileProducts#multiplyAdd}; {@code dE_batch^T = U^T R^T}, whose rows run over the batch, on batch
 * tiles of R^T ({@link TileProducts#multiplyAddBatch}; R is transposed eight tokens at a time), tile by tile
 * right after that tile's dU^T, while the tile of R is cached. The bias gradient is one more output row of the
 * dU^T product. The softmax's maximum is taken column by column of the tiles, then across; its exponentials
 * come from {@link FastExp#reduce} and {@link FastExp#scale}, summed column by column of the tiles
 * ({@link FastExp#accumulate}: tile after tile) and then pairwise ({@link FastExp#total}).
 * Padded columns hold zero logits, which the softmax skips, so their residuals stay zero and add nothing.
 * The summation order is fixed, so results are reproducible bit for bit.
 * Not thread-safe: one per worker.
 */
final class FactoredMinibatch32 implements GradientOracle {

    private static final int TILE = TileProducts.TILE;
    private static final int BATCH_TILE = TileProducts.BATCH_TILE;

    private final BigramData data;
    private final int v;
    private final int k;
    private final int tiles;
    private final int batchTiles;
    private final int uOffset;
    private final int bOffset;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    /** Tiles of Z (then R) and of U^T: {@code [tile][row][column in tile]}. */
    private final float[][][] z;
    private final float[][][] uTransposed;
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
    /** E_batch (B x k) and its transpose (k x B) followed by a row of B ones, flat. */
    private final float[] embeddings;
    private final float[] embeddingsTransposed;
    private final float[] bias;
    private final float[][] spare;
    /** The bits of a tile row's powers of two ({@link FastExp#reduce}) and the softmax's partial sums. */
    private final float[] powers;
    private final float[] sums;
    /**
     * With the Vector API ({@link VectorApi}; same bits): the products through {@link VectorTileProducts}, and
     * {@code dE_batch = R U} straight from R's rows against a float copy of U's rows ({@code uRows}, rows padded
     * to {@code kPadded}, a multiple of the vector length) into {@code embeddingGradient} (B x kPadded), instead
     * of transposing R.
     */
    private final boolean vector;
    private final int kPadded;
    private final float[] uRows;
    private final float[] embeddingGradient;
    /**
     * With the Vector API, each row's maximum (taken tile by tile right after the tile's logits, while cached) and
     * softmax scale {@code (1/B) / sum}: the scaling and the one-hot's subtraction are done tile by tile just
     * before the tile's products (the same operations, so the same bits, without another pass over Z).
     */
    private final float[] rowMaxima;
    private final float[] rowScales;

    FactoredMinibatch32(FactoredModel model, int batchSize) {
        this(model, batchSize, VectorApi.enabled());
    }

    /** With {@code vector} false the plain-Java kernels run (the tests compare the two). */
    FactoredMinibatch32(FactoredModel model, int batchSize, boolean vector) {
        this.data = model.data();
        this.v = data.vocabularySize();
        this.k = model.embedding();
        this.tiles = TileProducts.tiles(v);
        this.uOffset = model.uOffset();
        this.bOffset = model.bOffset();
        this.batchSize = Check.positive("batchSize", batchSize);
        FactoredMinibatch.checkBatch(batchSize, v);
        this.tokens = new int[batchSize];
        this.next = new int[batchSize];
        this.z = new float[tiles][batchSize][TILE];
        this.uTransposed = new float[tiles][k][TILE];
        this.uGradientTransposed = new float[k + 1][TILE];
        this.batchTiles = (batchSize + BATCH_TILE - 1) / BATCH_TILE;
        this.residualsTransposed = new float[TILE][BATCH_TILE];
        this.embeddingGradientTransposed = new float[batchTiles][k][BATCH_TILE];
        this.embeddings = new float[batchSize * k];
        this.embeddingsTransposed = new float[(k + 1) * batchSize];
        Arrays.fill(embeddingsTransposed, k * batchSize, (k + 1) * batchSize, 1.0f); // row k: the bias gradient's
        this.bias = new float[TILE];
        this.spare = TileProducts.spareRows();
        this.powers = new float[TILE];
        this.sums = new float[TILE];
        this.vector = vector;
        int lanes = vector ? VectorTileProducts.LANES : 1;
        this.kPadded = (k + lanes - 1) / lanes * lanes;
        this.uRows = vector ? new float[v * kPadded] : null;
        this.embeddingGradient = vector ? new float[batchSize * kPadded] : null;
        this.rowMaxima = new float[batchSize];
        this.rowScales = new float[batchSize];
    }

    @Override
    public double gradient(double[] x, double[] out, RandomGenerator random) {
        for (int b = 0; b < batchSize; b++) {
            int i = data.sampleToken(random);
            tokens[b] = i;
            next[b] = data.sampleSuccessor(i, random);
            int e = i * k;
            for (int c = 0; c < k; c++) {
                float value = (float) x[e + c];
                embeddings[b * k + c] = value;
                embeddingsTransposed[c * batchSize + b] = value;
            }
        }
        logits(x);
        float invB = 1.0f / batchSize;
        if (vector) {
            for (int b = 0; b < batchSize; b++) {
                rowScales[b] = invB / exponentials(b, rowMaxima[b]);
            }
            parameterGradientsVector(out, invB);
        } else {
            for (int b = 0; b < batchSize; b++) {
                softmaxResidual(b, next[b], invB);
            }
            parameterGradients(out);
        }

        Arrays.fill(out, 0, uOffset, 0.0); // E's rows outside the batch (U's and b's were written tile by tile)
        for (int b = 0; b < batchSize; b++) {
            int e = tokens[b] * k;
            for (int c = 0; c < k; c++) {
                out[e + c] += vector ? embeddingGradient[b * kPadded + c]
                        : embeddingGradientTransposed[b / BATCH_TILE][c][b % BATCH_TILE];
            }
        }
        return Double.NaN;
    }

    /**
     * Tile {@code tile} of U^T from U's rows in x (just before the tile's product, which then finds it cached),
     * and with the Vector API the same rows into {@code uRows}.
     */
    private void toColumnTiles(double[] x, int tile) {
        float[][] columns = uTransposed[tile];
        int from = tile * TILE;
        int len = Math.min(TILE, v - from);
        for (int t = 0; t < len; t++) {
            int row = uOffset + (from + t) * k;
            for (int c = 0; c < k; c++) {
                columns[c][t] = (float) x[row + c];
            }
        }
        if (vector) {
            for (int t = 0; t < len; t++) {
                int row = uOffset + (from + t) * k;
                int at = (from + t) * kPadded;
                for (int c = 0; c < k; c++) {
                    uRows[at + c] = (float) x[row + c];
                }
            }
        }
    }

    /** dU's rows and b's gradient of tile {@code tile} into {@code out}, from dU^T (just after the tile's product). */
    private void fromColumnTiles(double[] out, int tile) {
        float[][] columns = uGradientTransposed;
        int from = tile * TILE;
        int len = Math.min(TILE, v - from);
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
            int len = Math.min(TILE, v - tile * TILE);
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
            residual(z[tile][b], Math.min(TILE, v - tile * TILE), scale, y - tile * TILE, invB);
        }
    }

    /**
     * Row {@code b} of Z becomes {@code exp(z - max)} ({@link FastExp#reduce} and {@link FastExp#scale}); returns
     * their sum, column by column of the tiles ({@link FastExp#accumulate}: tile after tile) and then pairwise
     * ({@link FastExp#total}).
     */
    private float exponentials(int b, float max) {
        Arrays.fill(sums, 0.0f);
        for (int tile = 0; tile < tiles; tile++) {
            float[] r = z[tile][b];
            int len = Math.min(TILE, v - tile * TILE);
            FastExp.reduce(r, max, r, powers, len);
            FastExp.scale(r, powers, len);
            FastExp.accumulate(r, sums, len);
        }
        return FastExp.total(sums);
    }

    /**
     * One tile's part of a row of R from the row's exponentials: {@code row[j] *= scale} for j < len, then
     * {@code row[target] -= 1/B} if the successor's column {@code target} is in this tile.
     */
    private static void residual(float[] row, int len, float scale, int target, float invB) {
        for (int j = 0; j < len; j++) {
            row[j] *= scale;
        }
        if (target >= 0 && target < len) {
            row[target] -= invB;
        }
    }

    /** {@code Z[b, j] = b_j + sum_c E_batch[b, c] U^T[c, j]}, tile by tile (each tile of U^T converted just before). */
    private void logits(double[] x) {
        for (int tile = 0; tile < tiles; tile++) {
            int from = tile * TILE;
            int len = Math.min(TILE, v - from);
            for (int t = 0; t < len; t++) {
                bias[t] = (float) x[bOffset + from + t];
            }
            Arrays.fill(bias, len, TILE, 0.0f); // padded columns: zero logits (U^T's padding is zero too)
            float[][] rows = z[tile];
            for (float[] row : rows) {
                System.arraycopy(bias, 0, row, 0, TILE);
            }
            toColumnTiles(x, tile);
            if (vector) {
                VectorTileProducts.multiplyAdd(embeddings, k, uTransposed[tile], k, rows, batchSize, TILE);
                for (int b = 0; b < batchSize; b++) {
                    rowMaxima[b] = VectorSoftmax.max(rows[b], len, tile == 0 ? Float.NEGATIVE_INFINITY : rowMaxima[b]);
                }
            } else {
                TileProducts.multiplyAdd(embeddings, k, uTransposed[tile], k, rows, batchSize, spare);
            }
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

    /**
     * {@link #parameterGradients} with the Vector API: the same dU^T and bias gradient, then
     * {@code dE_batch[b, c] += sum_j R[b, j] U[j, c]} over the tile's j from R's rows (the same chain over j as
     * the transposed product, so the same bits).
     */
    private void parameterGradientsVector(double[] out, float invB) {
        Arrays.fill(embeddingGradient, 0.0f);
        for (int tile = 0; tile < tiles; tile++) {
            float[][] r = z[tile];
            int len = Math.min(TILE, v - tile * TILE);
            for (int b = 0; b < batchSize; b++) {
                residual(r[b], len, rowScales[b], next[b] - tile * TILE, invB);
            }
            float[][] rows = uGradientTransposed;
            for (float[] row : rows) {
                Arrays.fill(row, 0.0f);
            }
            VectorTileProducts.multiplyAdd(embeddingsTransposed, batchSize, r, batchSize, rows, k + 1, TILE);
            fromColumnTiles(out, tile);
            VectorTileProducts.rowsTimesFlat(r, batchSize, uRows, tile * TILE, len, embeddingGradient, kPadded);
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

    @Override
    public String toString() {
        return "FactoredMinibatch32[B=" + batchSize + ", V=" + v + ", k=" + k + "]";
    }
}
