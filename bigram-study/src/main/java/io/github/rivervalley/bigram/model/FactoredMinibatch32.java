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
 * {@link TileProducts#multiplyAdd}; {@code dE_batch = R U} runs on tiles of U's rows
 * ({@link TileProducts#multiplyAddNarrow}). The exponentials of the softmax use {@link FastExp#exp}.
 * Padded columns hold zero logits, which the softmax skips, so their residuals stay zero and add nothing.
 * The summation order is fixed, so results are reproducible bit for bit.
 * Not thread-safe: one per worker.
 */
final class FactoredMinibatch32 implements GradientOracle {

    private static final int TILE = TileProducts.TILE;
    private static final int NARROW = TileProducts.NARROW;

    private final BigramData data;
    private final int v;
    private final int k;
    private final int tiles;
    private final int narrowTiles;
    private final int uOffset;
    private final int bOffset;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    /** Tiles of Z (then R), of U^T and of dU^T: {@code [tile][row][column in tile]}. */
    private final float[][][] z;
    private final float[][][] uTransposed;
    private final float[][][] uGradientTransposed;
    /** Rows of U ({@code [tile][narrow tile][token in tile]}) and of dE_batch ({@code [narrow tile][b]}). */
    private final float[][][][] uRows;
    private final float[][][] embeddingGradient;
    /** E_batch (B x k) and its transpose (k x B), flat. */
    private final float[] embeddings;
    private final float[] embeddingsTransposed;
    private final float[] bias;
    private final float[] spare;
    /** The exponents of a tile row's exponentials ({@link FastExp#reduce}). */
    private final float[] powers;

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
        this.uGradientTransposed = new float[tiles][k][TILE];
        this.narrowTiles = (k + NARROW - 1) / NARROW;
        this.uRows = new float[tiles][narrowTiles][TILE][NARROW];
        this.embeddingGradient = new float[narrowTiles][batchSize][NARROW];
        this.embeddings = new float[batchSize * k];
        this.embeddingsTransposed = new float[k * batchSize];
        this.bias = new float[TILE];
        this.spare = new float[TILE];
        this.powers = new float[TILE];
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
        for (int j = 0; j < v; j++) {
            float[][][] rows = uRows[j / TILE];
            float[][] tile = uTransposed[j / TILE];
            int t = j % TILE;
            int row = uOffset + j * k;
            for (int n = 0; n < narrowTiles; n++) {
                float[] u = rows[n][t];
                int from = row + n * NARROW;
                int len = Math.min(NARROW, k - n * NARROW);
                for (int c = 0; c < len; c++) {
                    u[c] = (float) x[from + c];
                }
                for (int c = 0; c < len; c++) {
                    tile[n * NARROW + c][t] = u[c];
                }
            }
        }
        logits(x);
        float invB = 1.0f / batchSize;
        for (int b = 0; b < batchSize; b++) {
            softmaxResidual(b, next[b], invB);
        }
        outputGradient();
        embeddingGradient();

        Arrays.fill(out, 0, bOffset, 0.0);
        for (int b = 0; b < batchSize; b++) {
            int e = tokens[b] * k;
            for (int c = 0; c < k; c++) {
                out[e + c] += embeddingGradient[c / NARROW][b][c % NARROW];
            }
        }
        for (int j = 0; j < v; j++) {
            float[][] tile = uGradientTransposed[j / TILE];
            int t = j % TILE;
            int row = uOffset + j * k;
            for (int c = 0; c < k; c++) {
                out[row + c] = tile[c][t];
            }
        }
        for (int tile = 0; tile < tiles; tile++) {
            float[][] r = z[tile];
            System.arraycopy(r[0], 0, bias, 0, TILE);
            for (int b = 1; b < batchSize; b++) {
                float[] row = r[b];
                for (int t = 0; t < TILE; t++) {
                    bias[t] += row[t];
                }
            }
            int from = tile * TILE;
            int len = Math.min(TILE, v - from);
            for (int t = 0; t < len; t++) {
                out[bOffset + from + t] = bias[t];
            }
        }
        return Double.NaN;
    }

    /** Row {@code b} of Z becomes {@code (softmax - onehot(y)) / B} in place (the padded columns stay zero). */
    private void softmaxResidual(int b, int y, float invB) {
        float max = Float.NEGATIVE_INFINITY;
        for (int tile = 0; tile < tiles; tile++) {
            float[] r = z[tile][b];
            int len = Math.min(TILE, v - tile * TILE);
            for (int j = 0; j < len; j++) {
                max = Math.max(max, r[j]); // a vectorised reduction (Math.max is associative, NaN included)
            }
        }
        float sum = 0.0f;
        for (int tile = 0; tile < tiles; tile++) {
            float[] r = z[tile][b];
            int len = Math.min(TILE, v - tile * TILE);
            FastExp.reduce(r, max, r, powers, len);
            sum = FastExp.scaleAndSum(r, powers, len, sum);
        }
        float scale = invB / sum;
        for (int tile = 0; tile < tiles; tile++) {
            float[] r = z[tile][b];
            int len = Math.min(TILE, v - tile * TILE);
            for (int j = 0; j < len; j++) {
                r[j] *= scale;
            }
        }
        z[y / TILE][b][y % TILE] -= invB;
    }

    /** {@code Z[b, j] = b_j + sum_c E_batch[b, c] U^T[c, j]}, tile by tile. */
    private void logits(double[] x) {
        for (int tile = 0; tile < tiles; tile++) {
            int from = tile * TILE;
            int len = Math.min(TILE, v - from);
            for (int t = 0; t < len; t++) {
                bias[t] = (float) x[bOffset + from + t];
            }
            float[][] rows = z[tile];
            for (float[] row : rows) {
                System.arraycopy(bias, 0, row, 0, TILE);
            }
            TileProducts.multiplyAdd(embeddings, k, uTransposed[tile], k, rows, batchSize, spare);
        }
    }

    /** {@code dU^T[c, j] = sum_b E_batch[b, c] R[b, j]}, tile by tile. */
    private void outputGradient() {
        for (int tile = 0; tile < tiles; tile++) {
            float[][] rows = uGradientTransposed[tile];
            for (float[] row : rows) {
                Arrays.fill(row, 0.0f);
            }
            TileProducts.multiplyAdd(embeddingsTransposed, batchSize, z[tile], batchSize, rows, k, spare);
        }
    }

    /**
     * {@code dE_batch[b, c] = sum_j R[b, j] U[j, c]}: rows of U are only k long, so they are cut into tiles of
     * {@value TileProducts#NARROW} (zero-padded), and each V-tile of R supplies the coefficients.
     */
    private void embeddingGradient() {
        for (float[][] rows : embeddingGradient) {
            for (float[] row : rows) {
                Arrays.fill(row, 0.0f);
            }
        }
        for (int tile = 0; tile < tiles; tile++) {
            for (int n = 0; n < narrowTiles; n++) {
                TileProducts.multiplyAddNarrow(z[tile], uRows[tile][n], TILE, embeddingGradient[n], batchSize, spare);
            }
        }
    }

    @Override
    public String toString() {
        return "FactoredMinibatch32[B=" + batchSize + ", V=" + v + ", k=" + k + "]";
    }
}
