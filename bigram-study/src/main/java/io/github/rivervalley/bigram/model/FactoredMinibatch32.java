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
 * <p>Float lanes are twice as many per SIMD register and the B x V logits half the bytes. The products take
 * four terms per pass ({@link #multiplyAdd}) on cache blocks of {@value #BLOCK} output tokens; the
 * exponentials of the softmax use
 * {@link FastExp#exp}. The summation order is fixed, so results are reproducible bit for bit.
 * Not thread-safe: one per worker.
 */
final class FactoredMinibatch32 implements GradientOracle {

    /** Output tokens per cache block: 1 KB float tiles of a logit row and of the rows of U^T. */
    static final int BLOCK = 256;
    /** Rows of R^T per block of the embedding gradient. */
    static final int ROWS = 8;

    private final BigramData data;
    private final int v;
    private final int k;
    private final int uOffset;
    private final int bOffset;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    /** Rows of Z (B x V), of U^T and dU^T (k x V) and of dE_batch (B x k): one array each. */
    private final float[][] z;
    private final float[][] uTransposed;
    private final float[][] uGradientTransposed;
    private final float[][] embeddingGradient;
    private final float[][] embeddingGradientTransposed;
    /** A block of {@value #ROWS} rows of R^T (each B long). */
    private final float[][] residualsTransposed;
    private final float[] embeddings;
    private final float[] biasGradient;

    FactoredMinibatch32(FactoredModel model, int batchSize) {
        this.data = model.data();
        this.v = data.vocabularySize();
        this.k = model.embedding();
        this.uOffset = model.uOffset();
        this.bOffset = model.bOffset();
        this.batchSize = Check.positive("batchSize", batchSize);
        FactoredMinibatch.checkBatch(batchSize, v);
        this.tokens = new int[batchSize];
        this.next = new int[batchSize];
        this.z = new float[batchSize][v];
        this.uTransposed = new float[k][v];
        this.uGradientTransposed = new float[k][v];
        this.embeddingGradient = new float[batchSize][k];
        this.embeddingGradientTransposed = new float[k][batchSize];
        this.residualsTransposed = new float[ROWS][batchSize];
        this.embeddings = new float[batchSize * k];
        this.biasGradient = new float[v];
    }

    @Override
    public double gradient(double[] x, double[] out, RandomGenerator random) {
        for (int b = 0; b < batchSize; b++) {
            int i = data.sampleToken(random);
            tokens[b] = i;
            next[b] = data.sampleSuccessor(i, random);
            int e = i * k;
            int f = b * k;
            for (int c = 0; c < k; c++) {
                embeddings[f + c] = (float) x[e + c];
            }
        }
        for (int j = 0; j < v; j++) {
            int row = uOffset + j * k;
            for (int c = 0; c < k; c++) {
                uTransposed[c][j] = (float) x[row + c];
            }
        }
        logits(x);
        float invB = 1.0f / batchSize;
        for (int b = 0; b < batchSize; b++) {
            softmaxResidual(z[b], next[b], invB);
        }
        outputGradient();
        embeddingGradient();

        Arrays.fill(out, 0, bOffset, 0.0);
        for (int b = 0; b < batchSize; b++) {
            int e = tokens[b] * k;
            float[] g = embeddingGradient[b];
            for (int c = 0; c < k; c++) {
                out[e + c] += g[c];
            }
        }
        for (int j = 0; j < v; j++) {
            int row = uOffset + j * k;
            for (int c = 0; c < k; c++) {
                out[row + c] = uGradientTransposed[c][j];
            }
        }
        System.arraycopy(z[0], 0, biasGradient, 0, v);
        for (int b = 1; b < batchSize; b++) {
            float[] row = z[b];
            for (int j = 0; j < v; j++) {
                biasGradient[j] += row[j];
            }
        }
        for (int j = 0; j < v; j++) {
            out[bOffset + j] = biasGradient[j];
        }
        return Double.NaN;
    }

    /** Row {@code r} of Z becomes {@code (softmax - onehot(y)) / B} in place. */
    private void softmaxResidual(float[] r, int y, float invB) {
        float m0 = Float.NEGATIVE_INFINITY;
        float m1 = Float.NEGATIVE_INFINITY;
        int j = 0;
        for (; j + 1 < v; j += 2) {
            m0 = Math.max(m0, r[j]);
            m1 = Math.max(m1, r[j + 1]);
        }
        for (; j < v; j++) {
            m0 = Math.max(m0, r[j]);
        }
        float max = Math.max(m0, m1);
        float s0 = 0.0f;
        float s1 = 0.0f;
        for (j = 0; j + 1 < v; j += 2) {
            float p0 = FastExp.exp(r[j] - max);
            float p1 = FastExp.exp(r[j + 1] - max);
            r[j] = p0;
            r[j + 1] = p1;
            s0 += p0;
            s1 += p1;
        }
        for (; j < v; j++) {
            float p0 = FastExp.exp(r[j] - max);
            r[j] = p0;
            s0 += p0;
        }
        float scale = invB / (s0 + s1);
        for (j = 0; j < v; j++) {
            r[j] *= scale;
        }
        r[y] -= invB;
    }

    /** {@code Z[b, j] = b_j + sum_c E_batch[b, c] U^T[c, j]}. */
    private void logits(double[] x) {
        for (int from = 0; from < v; from += BLOCK) {
            int to = Math.min(v, from + BLOCK);
            for (int b = 0; b < batchSize; b++) {
                float[] row = z[b];
                for (int t = from; t < to; t++) {
                    row[t] = (float) x[bOffset + t];
                }
            }
            for (int b = 0; b < batchSize; b++) {
                multiplyAdd(embeddings, b * k, 1, uTransposed, 0, k, z[b], from, to);
            }
        }
    }

    /** {@code dU^T[c, j] = sum_b E_batch[b, c] R[b, j]}. */
    private void outputGradient() {
        for (float[] row : uGradientTransposed) {
            Arrays.fill(row, 0.0f);
        }
        for (int from = 0; from < v; from += BLOCK) {
            int to = Math.min(v, from + BLOCK);
            for (int c = 0; c < k; c++) {
                multiplyAdd(embeddings, c, k, z, 0, batchSize, uGradientTransposed[c], from, to);
            }
        }
    }

    /**
     * {@code dE_batch^T[c, b] = sum_j U^T[c, j] R^T[j, b]}: transposed so the inner loop runs over the B
     * batch rows (k = 64 is too short a loop to vectorize well), on blocks of {@value #ROWS} rows of R^T
     * (8 KB at B = 256, in L1 while every c passes over them).
     */
    private void embeddingGradient() {
        for (float[] row : embeddingGradientTransposed) {
            Arrays.fill(row, 0.0f);
        }
        for (int from = 0; from < v; from += ROWS) {
            int n = Math.min(ROWS, v - from);
            for (int j = 0; j < n; j++) {
                float[] rt = residualsTransposed[j];
                for (int b = 0; b < batchSize; b++) {
                    rt[b] = z[b][from + j];
                }
            }
            for (int c = 0; c < k; c++) {
                multiplyAdd(uTransposed[c], from, 1, residualsTransposed, 0, n, embeddingGradientTransposed[c], 0, batchSize);
            }
        }
        for (int c = 0; c < k; c++) {
            float[] g = embeddingGradientTransposed[c];
            for (int b = 0; b < batchSize; b++) {
                embeddingGradient[b][c] = g[b];
            }
        }
    }

    /**
     * {@code y[t] += sum_{i < n} a[ao + i * as] m[mi + i][t]} for t in [from, to): a row vector (stride
     * {@code as}) times n rows, four rows per pass. Every array is indexed by the loop variable itself, with no offset,
     * and a pass reads at most four rows: the shape Java 17's auto-vectorizer turns into SIMD code (with an
     * offset added to an index, or eight rows per pass, it emits scalar code, measured 3 to 6 times slower;
     * two outputs per pass, which would share the loads of m, are vectorized only when the compiler can see
     * the two outputs are different arrays, which it cannot here).
     */
    static void multiplyAdd(float[] a, int ao, int as, float[][] m, int mi, int n, float[] y, int from, int to) {
        int i = 0;
        for (; i + 3 < n; i += 4) {
            float a0 = a[ao + i * as];
            float a1 = a[ao + (i + 1) * as];
            float a2 = a[ao + (i + 2) * as];
            float a3 = a[ao + (i + 3) * as];
            float[] m0 = m[mi + i];
            float[] m1 = m[mi + i + 1];
            float[] m2 = m[mi + i + 2];
            float[] m3 = m[mi + i + 3];
            for (int t = from; t < to; t++) {
                y[t] += (a0 * m0[t] + a1 * m1[t]) + (a2 * m2[t] + a3 * m3[t]);
            }
        }
        for (; i < n; i++) {
            float a0 = a[ao + i * as];
            float[] m0 = m[mi + i];
            for (int t = from; t < to; t++) {
                y[t] += a0 * m0[t];
            }
        }
    }

    @Override
    public String toString() {
        return "FactoredMinibatch32[B=" + batchSize + ", V=" + v + ", k=" + k + "]";
    }
}
