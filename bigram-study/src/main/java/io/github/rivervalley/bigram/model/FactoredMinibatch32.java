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
 * <p>Float lanes are twice as many per SIMD register and the B x V logits half the bytes. The products are
 * register-blocked over eight terms per pass (one load and one store of the output per eight multiply-adds)
 * on cache blocks of {@value #BLOCK} output tokens; the exponentials of the softmax use
 * {@link FastExp#exp}. The summation order is fixed, so results are reproducible bit for bit.
 * Not thread-safe: one per worker.
 */
final class FactoredMinibatch32 implements GradientOracle {

    /** Output tokens per cache block: a 1 KB float tile of a logit row, eight 1 KB tiles of U^T. */
    static final int BLOCK = 256;

    private final BigramData data;
    private final int v;
    private final int k;
    private final int uOffset;
    private final int bOffset;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    private final float[] z;
    private final float[] embeddings;
    private final float[] embeddingGradient;
    private final float[] u;
    private final float[] uTransposed;
    private final float[] uGradientTransposed;
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
        this.z = new float[batchSize * v];
        this.embeddings = new float[batchSize * k];
        this.embeddingGradient = new float[batchSize * k];
        this.u = new float[k * v];
        this.uTransposed = new float[k * v];
        this.uGradientTransposed = new float[k * v];
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
                float value = (float) x[row + c];
                u[j * k + c] = value;
                uTransposed[c * v + j] = value;
            }
        }
        logits(x);
        float invB = 1.0f / batchSize;
        for (int b = 0; b < batchSize; b++) {
            softmaxResidual(b * v, next[b], invB);
        }
        outputGradient();
        embeddingGradient();

        Arrays.fill(out, 0, bOffset, 0.0);
        for (int b = 0; b < batchSize; b++) {
            int e = tokens[b] * k;
            int g = b * k;
            for (int c = 0; c < k; c++) {
                out[e + c] += embeddingGradient[g + c];
            }
        }
        for (int j = 0; j < v; j++) {
            int row = uOffset + j * k;
            for (int c = 0; c < k; c++) {
                out[row + c] = uGradientTransposed[c * v + j];
            }
        }
        System.arraycopy(z, 0, biasGradient, 0, v);
        for (int b = 1; b < batchSize; b++) {
            int row = b * v;
            for (int j = 0; j < v; j++) {
                biasGradient[j] += z[row + j];
            }
        }
        for (int j = 0; j < v; j++) {
            out[bOffset + j] = biasGradient[j];
        }
        return Double.NaN;
    }

    /** Row {@code from} of Z becomes {@code (softmax - onehot(y)) / B} in place. */
    private void softmaxResidual(int from, int y, float invB) {
        float m0 = Float.NEGATIVE_INFINITY;
        float m1 = Float.NEGATIVE_INFINITY;
        int end = from + v;
        int j = from;
        for (; j + 1 < end; j += 2) {
            m0 = Math.max(m0, z[j]);
            m1 = Math.max(m1, z[j + 1]);
        }
        for (; j < end; j++) {
            m0 = Math.max(m0, z[j]);
        }
        float max = Math.max(m0, m1);
        float s0 = 0.0f;
        float s1 = 0.0f;
        for (j = from; j + 1 < end; j += 2) {
            float p0 = FastExp.exp(z[j] - max);
            float p1 = FastExp.exp(z[j + 1] - max);
            z[j] = p0;
            z[j + 1] = p1;
            s0 += p0;
            s1 += p1;
        }
        for (; j < end; j++) {
            float p0 = FastExp.exp(z[j] - max);
            z[j] = p0;
            s0 += p0;
        }
        float scale = invB / (s0 + s1);
        for (j = from; j < end; j++) {
            z[j] *= scale;
        }
        z[from + y] -= invB;
    }

    /** {@code Z[b, j] = b_j + sum_c E_batch[b, c] U^T[c, j]}, eight embedding dimensions per pass. */
    private void logits(double[] x) {
        for (int from = 0; from < v; from += BLOCK) {
            int len = Math.min(BLOCK, v - from);
            for (int b = 0; b < batchSize; b++) {
                int row = b * v + from;
                for (int t = 0; t < len; t++) {
                    z[row + t] = (float) x[bOffset + from + t];
                }
                multiplyAdd(embeddings, b * k, 1, uTransposed, from, v, k, z, row, len);
            }
        }
    }

    /** {@code dU^T[c, j] = sum_b E_batch[b, c] R[b, j]}, eight batch rows per pass. */
    private void outputGradient() {
        Arrays.fill(uGradientTransposed, 0.0f);
        for (int from = 0; from < v; from += BLOCK) {
            int len = Math.min(BLOCK, v - from);
            for (int c = 0; c < k; c++) {
                multiplyAdd(embeddings, c, k, z, from, v, batchSize, uGradientTransposed, c * v + from, len);
            }
        }
    }

    /** {@code dE_batch[b, c] = sum_j R[b, j] U[j, c]}, eight output tokens per pass. */
    private void embeddingGradient() {
        Arrays.fill(embeddingGradient, 0.0f);
        for (int from = 0; from < v; from += BLOCK) {
            int to = Math.min(v, from + BLOCK);
            for (int b = 0; b < batchSize; b++) {
                multiplyAdd(z, b * v + from, 1, u, from * k, k, to - from, embeddingGradient, b * k, k);
            }
        }
    }

    /**
     * {@code y[yo + t] += sum_{i < n} a[ao + i * as] * m[mo + i * ms + t]} for t in [0, len): a row vector
     * (stride {@code as}) times an n-row matrix (row stride {@code ms}), eight rows per pass so the output
     * is loaded and stored once per eight multiply-adds; the unit-stride inner loops vectorize.
     */
    static void multiplyAdd(float[] a, int ao, int as, float[] m, int mo, int ms, int n, float[] y, int yo, int len) {
        int i = 0;
        for (; i + 7 < n; i += 8) {
            float a0 = a[ao + i * as];
            float a1 = a[ao + (i + 1) * as];
            float a2 = a[ao + (i + 2) * as];
            float a3 = a[ao + (i + 3) * as];
            float a4 = a[ao + (i + 4) * as];
            float a5 = a[ao + (i + 5) * as];
            float a6 = a[ao + (i + 6) * as];
            float a7 = a[ao + (i + 7) * as];
            int m0 = mo + i * ms;
            int m1 = m0 + ms;
            int m2 = m1 + ms;
            int m3 = m2 + ms;
            int m4 = m3 + ms;
            int m5 = m4 + ms;
            int m6 = m5 + ms;
            int m7 = m6 + ms;
            for (int t = 0; t < len; t++) {
                y[yo + t] += ((a0 * m[m0 + t] + a1 * m[m1 + t]) + (a2 * m[m2 + t] + a3 * m[m3 + t]))
                        + ((a4 * m[m4 + t] + a5 * m[m5 + t]) + (a6 * m[m6 + t] + a7 * m[m7 + t]));
            }
        }
        for (; i < n; i++) {
            float a0 = a[ao + i * as];
            int m0 = mo + i * ms;
            for (int t = 0; t < len; t++) {
                y[yo + t] += a0 * m[m0 + t];
            }
        }
    }

    @Override
    public String toString() {
        return "FactoredMinibatch32[B=" + batchSize + ", V=" + v + ", k=" + k + "]";
    }
}
