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
 * <p>Float lanes are twice as many per SIMD register and the B x V logits half the bytes. The logits and U^T
 * are stored as column tiles ({@link TileProducts#TILE} columns: one {@code float[TILE]} per row and tile, the
 * last tile zero-padded), so the logits {@code Z = E_batch U^T} are products of rows of tiles. The softmax's
 * exponentials come from {@link FastExp#reduce} and {@link FastExp#scale}, summed column by column of the
 * tiles ({@link FastExp#accumulate}: tile after tile) and then pairwise ({@link FastExp#total}). Padded columns
 * hold zero logits, which the softmax skips, so their residuals stay zero and add nothing.
 *
 * <p>Two implementations give the same bits (each product entry the fma chain in the documented order, the same
 * softmax operations): {@link AutoVectorMinibatch32}, plain Java loops that Java 17's auto-vectoriser turns into
 * SIMD code, and {@link VectorApiMinibatch32}, with the Vector API, faster; {@link #of} picks the second when
 * {@link VectorApi#enabled}. Not thread-safe: one per worker.
 */
abstract class FactoredMinibatch32 implements GradientOracle {

    static final int TILE = TileProducts.TILE;

    private final BigramData data;
    final int v;
    final int k;
    final int tiles;
    final int uOffset;
    final int bOffset;
    final int batchSize;
    private final int[] tokens;
    final int[] next;
    /** Tiles of Z (then R) and of U^T: {@code [tile][row][column in tile]}. */
    final float[][][] z;
    final float[][][] uTransposed;
    /** E_batch (B x k), flat. */
    final float[] embeddings;
    private final float[] bias;
    /** The bits of a tile row's powers of two ({@link FastExp#reduce}) and the softmax's partial sums. */
    private final float[] powers;
    final float[] sums;

    FactoredMinibatch32(FactoredModel model, int batchSize) {
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
        this.embeddings = new float[batchSize * k];
        this.bias = new float[TILE];
        this.powers = new float[TILE];
        this.sums = new float[TILE];
    }

    /**
     * The float32 minibatch oracle: with the Vector API when {@link VectorApi#enabled} and its register blocks
     * fit ({@link VectorTileProducts#blocksFitRegisters}), else plain Java (the same bits either way).
     */
    static FactoredMinibatch32 of(FactoredModel model, int batchSize) {
        return VectorApi.enabled() && VectorTileProducts.blocksFitRegisters()
                ? new VectorApiMinibatch32(model, batchSize) : new AutoVectorMinibatch32(model, batchSize);
    }

    @Override
    public double gradient(double[] x, double[] out, RandomGenerator random) {
        for (int b = 0; b < batchSize; b++) {
            int i = data.sampleToken(random);
            tokens[b] = i;
            next[b] = data.sampleSuccessor(i, random);
            int e = i * k;
            for (int c = 0; c < k; c++) {
                embeddings[b * k + c] = (float) x[e + c];
            }
            embeddingCopied(b);
        }
        logits(x);
        residualsAndGradients(out, 1.0f / batchSize);
        Arrays.fill(out, 0, uOffset, 0.0); // E's rows outside the batch (U's and b's were written tile by tile)
        for (int b = 0; b < batchSize; b++) {
            int e = tokens[b] * k;
            for (int c = 0; c < k; c++) {
                out[e + c] += embeddingGradient(b, c);
            }
        }
        return Double.NaN;
    }

    /** Row {@code b} of E_batch is in {@link #embeddings}: copy it wherever else the products want it. */
    abstract void embeddingCopied(int b);

    /** {@code rows += E_batch U^T} on tile {@code tile} ({@code len} columns in use), U^T's tile just converted. */
    abstract void logitsProduct(int tile, float[][] rows, int len);

    /** Z becomes R, and U's and b's gradients go into {@code out} (tile by tile), E_batch's into a buffer. */
    abstract void residualsAndGradients(double[] out, float invB);

    /** Entry {@code (b, c)} of {@code dE_batch} from that buffer. */
    abstract float embeddingGradient(int b, int c);

    /** {@code Z[b, j] = b_j + sum_c E_batch[b, c] U^T[c, j]}, tile by tile (each tile of U^T converted just before). */
    private void logits(double[] x) {
        for (int tile = 0; tile < tiles; tile++) {
            int from = tile * TILE;
            int len = width(tile);
            for (int t = 0; t < len; t++) {
                bias[t] = (float) x[bOffset + from + t];
            }
            Arrays.fill(bias, len, TILE, 0.0f); // padded columns: zero logits (U^T's padding is zero too)
            float[][] rows = z[tile];
            for (float[] row : rows) {
                System.arraycopy(bias, 0, row, 0, TILE);
            }
            toColumnTiles(x, tile);
            logitsProduct(tile, rows, len);
        }
    }

    /** Tile {@code tile} of U^T from U's rows in x (just before the tile's product, which then finds it cached). */
    void toColumnTiles(double[] x, int tile) {
        float[][] columns = uTransposed[tile];
        int from = tile * TILE;
        int len = width(tile);
        for (int t = 0; t < len; t++) {
            int row = uOffset + (from + t) * k;
            for (int c = 0; c < k; c++) {
                columns[c][t] = (float) x[row + c];
            }
        }
    }

    /**
     * Row {@code b} of Z becomes {@code exp(z - max)} ({@link FastExp#reduce} and {@link FastExp#scale}); returns
     * their sum, column by column of the tiles ({@link FastExp#accumulate}: tile after tile) and then pairwise
     * ({@link FastExp#total}).
     */
    final float exponentials(int b, float max) {
        Arrays.fill(sums, 0.0f);
        for (int tile = 0; tile < tiles; tile++) {
            float[] r = z[tile][b];
            int len = width(tile);
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
    static void residual(float[] row, int len, float scale, int target, float invB) {
        for (int j = 0; j < len; j++) {
            row[j] *= scale;
        }
        if (target >= 0 && target < len) {
            row[target] -= invB;
        }
    }

    /** Columns in use in tile {@code tile}. */
    final int width(int tile) {
        return Math.min(TILE, v - tile * TILE);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[B=" + batchSize + ", V=" + v + ", k=" + k + "]";
    }
}
