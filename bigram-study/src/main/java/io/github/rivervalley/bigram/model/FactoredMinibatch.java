package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.GradientOracle;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Minibatch gradient of the factored model, O(B V k) per call and allocation-free after construction.
 *
 * <p>Pairs are drawn as in {@link TabularMinibatch}. The three products of a step are written as
 * matrix products whose innermost loops are long, unit-stride multiply-adds (four terms per store), the shape
 * HotSpot's auto-vectorizer turns into SIMD code; output tokens are processed in blocks of {@value #BLOCK} so
 * the working part of U stays in cache:
 * <ol>
 * <li>logits {@code Z = 1 b^T + E_batch U^T}, from a transposed copy of U (k x V) made once per call;</li>
 * <li>in place, residuals {@code R = (softmax(Z) - onehot(y)) / B};</li>
 * <li>{@code dU^T = E_batch^T R} (k x V, transposed back at the end), {@code dE_batch = R U} (B x k, added into
 *     the rows of the sampled tokens in batch order), {@code db = sum_b R_b}.</li>
 * </ol>
 * The summation order is fixed, so results are reproducible bit for bit. Not thread-safe: one per worker.
 */
public final class FactoredMinibatch implements GradientOracle {

    /** Output tokens per cache block. */
    static final int BLOCK = 256;

    private final BigramData data;
    private final int v;
    private final int k;
    private final int uOffset;
    private final int bOffset;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    private final double[] z;
    private final double[] embeddings;
    private final double[] embeddingGradient;
    private final double[] uTransposed;
    private final double[] uGradientTransposed;

    FactoredMinibatch(FactoredModel model, int batchSize) {
        this.data = model.data();
        this.v = data.vocabularySize();
        this.k = model.embedding();
        this.uOffset = model.uOffset();
        this.bOffset = model.bOffset();
        this.batchSize = Check.positive("batchSize", batchSize);
        checkBatch(batchSize, v);
        this.tokens = new int[batchSize];
        this.next = new int[batchSize];
        this.z = new double[batchSize * v];
        this.embeddings = new double[batchSize * k];
        this.embeddingGradient = new double[batchSize * k];
        this.uTransposed = new double[k * v];
        this.uGradientTransposed = new double[k * v];
    }

    /** Batch size times vocabulary must fit one scratch array. */
    static void checkBatch(int batchSize, int v) {
        if ((long) batchSize * v > Integer.MAX_VALUE - 8) {
            throw new InvalidBatch(batchSize, v);
        }
    }

    /** Batch size times vocabulary must fit one scratch array. */
    private static final class InvalidBatch extends io.github.rivervalley.landscapes.check.InvalidValueException {
        InvalidBatch(int batchSize, int v) {
            super("batchSize", batchSize, "a batch with B V < 2^31 logits (V = " + v + ")");
        }
    }

    @Override
    public double gradient(double[] x, double[] out, RandomGenerator random) {
        for (int b = 0; b < batchSize; b++) {
            int i = data.sampleToken(random);
            tokens[b] = i;
            next[b] = data.sampleSuccessor(i, random);
            System.arraycopy(x, i * k, embeddings, b * k, k);
        }
        for (int j = 0; j < v; j++) {
            int u = uOffset + j * k;
            for (int c = 0; c < k; c++) {
                uTransposed[c * v + j] = x[u + c];
            }
        }
        logits(x);
        double invB = 1.0 / batchSize;
        for (int b = 0; b < batchSize; b++) {
            int row = b * v;
            SoftmaxRows.softmax(z, row, v, z, row);
            for (int j = row; j < row + v; j++) {
                z[j] *= invB;
            }
            z[row + next[b]] -= invB;
        }
        outputGradient();
        embeddingGradient(x);

        Arrays.fill(out, 0, bOffset, 0.0);
        for (int b = 0; b < batchSize; b++) {
            int e = tokens[b] * k;
            int g = b * k;
            for (int c = 0; c < k; c++) {
                out[e + c] += embeddingGradient[g + c];
            }
        }
        for (int j = 0; j < v; j++) {
            int u = uOffset + j * k;
            for (int c = 0; c < k; c++) {
                out[u + c] = uGradientTransposed[c * v + j];
            }
        }
        System.arraycopy(z, 0, out, bOffset, v);
        for (int b = 1; b < batchSize; b++) {
            int row = b * v;
            for (int j = 0; j < v; j++) {
                out[bOffset + j] += z[row + j];
            }
        }
        return Double.NaN;
    }

    /** {@code Z[b, j] = b_j + sum_c E_batch[b, c] U^T[c, j]}, four embedding dimensions per pass. */
    private void logits(double[] x) {
        for (int from = 0; from < v; from += BLOCK) {
            int len = Math.min(BLOCK, v - from);
            for (int b = 0; b < batchSize; b++) {
                int row = b * v + from;
                int e = b * k;
                System.arraycopy(x, bOffset + from, z, row, len);
                int c = 0;
                for (; c + 3 < k; c += 4) {
                    double e0 = embeddings[e + c];
                    double e1 = embeddings[e + c + 1];
                    double e2 = embeddings[e + c + 2];
                    double e3 = embeddings[e + c + 3];
                    int u0 = c * v + from;
                    int u1 = u0 + v;
                    int u2 = u1 + v;
                    int u3 = u2 + v;
                    for (int t = 0; t < len; t++) {
                        z[row + t] += e0 * uTransposed[u0 + t] + e1 * uTransposed[u1 + t]
                                + e2 * uTransposed[u2 + t] + e3 * uTransposed[u3 + t];
                    }
                }
                for (; c < k; c++) {
                    double e0 = embeddings[e + c];
                    int u0 = c * v + from;
                    for (int t = 0; t < len; t++) {
                        z[row + t] += e0 * uTransposed[u0 + t];
                    }
                }
            }
        }
    }

    /** {@code dU^T[c, j] = sum_b E_batch[b, c] R[b, j]}, four batch rows per pass. */
    private void outputGradient() {
        Arrays.fill(uGradientTransposed, 0.0);
        for (int from = 0; from < v; from += BLOCK) {
            int len = Math.min(BLOCK, v - from);
            for (int c = 0; c < k; c++) {
                int g = c * v + from;
                int b = 0;
                for (; b + 3 < batchSize; b += 4) {
                    double f0 = embeddings[b * k + c];
                    double f1 = embeddings[(b + 1) * k + c];
                    double f2 = embeddings[(b + 2) * k + c];
                    double f3 = embeddings[(b + 3) * k + c];
                    int r0 = b * v + from;
                    int r1 = r0 + v;
                    int r2 = r1 + v;
                    int r3 = r2 + v;
                    for (int t = 0; t < len; t++) {
                        uGradientTransposed[g + t] += f0 * z[r0 + t] + f1 * z[r1 + t] + f2 * z[r2 + t] + f3 * z[r3 + t];
                    }
                }
                for (; b < batchSize; b++) {
                    double f0 = embeddings[b * k + c];
                    int r0 = b * v + from;
                    for (int t = 0; t < len; t++) {
                        uGradientTransposed[g + t] += f0 * z[r0 + t];
                    }
                }
            }
        }
    }

    /** {@code dE_batch[b, c] = sum_j R[b, j] U[j, c]}, four output tokens per pass. */
    private void embeddingGradient(double[] x) {
        Arrays.fill(embeddingGradient, 0.0);
        for (int from = 0; from < v; from += BLOCK) {
            int to = Math.min(v, from + BLOCK);
            for (int b = 0; b < batchSize; b++) {
                int g = b * k;
                int row = b * v;
                int j = from;
                for (; j + 3 < to; j += 4) {
                    double r0 = z[row + j];
                    double r1 = z[row + j + 1];
                    double r2 = z[row + j + 2];
                    double r3 = z[row + j + 3];
                    int u0 = uOffset + j * k;
                    int u1 = u0 + k;
                    int u2 = u1 + k;
                    int u3 = u2 + k;
                    for (int c = 0; c < k; c++) {
                        embeddingGradient[g + c] += r0 * x[u0 + c] + r1 * x[u1 + c] + r2 * x[u2 + c] + r3 * x[u3 + c];
                    }
                }
                for (; j < to; j++) {
                    double r0 = z[row + j];
                    int u0 = uOffset + j * k;
                    for (int c = 0; c < k; c++) {
                        embeddingGradient[g + c] += r0 * x[u0 + c];
                    }
                }
            }
        }
    }

    /** Batch size B. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public String toString() {
        return "FactoredMinibatch[B=" + batchSize + ", V=" + v + ", k=" + k + "]";
    }
}
