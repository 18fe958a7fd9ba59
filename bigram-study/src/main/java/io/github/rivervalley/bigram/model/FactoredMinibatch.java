package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.GradientOracle;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Minibatch gradient of the factored model, O(B V k) per call and allocation-free after construction.
 *
 * <p>Pairs are drawn as in {@link TabularMinibatch}. Then, in blocks of {@value #BLOCK} output tokens so a
 * block of U stays in the L1 cache while the batch's embeddings sit in L2: (1) the logits
 * {@code z_b = U E_{x_b} + b} of every pair, (2) in place, the residuals {@code (softmax(z_b) - e_{y_b}) / B},
 * (3) {@code dU_j += r_bj E_{x_b}}, {@code dE_{x_b} += r_bj U_j}, {@code db_j += r_bj}. The summation order
 * is fixed, so results are reproducible bit for bit. Not thread-safe: one per worker.
 */
public final class FactoredMinibatch implements GradientOracle {

    /** Output tokens per cache block. */
    static final int BLOCK = 32;

    private final BigramData data;
    private final int v;
    private final int k;
    private final int uOffset;
    private final int bOffset;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    private final double[] z;

    FactoredMinibatch(FactoredModel model, int batchSize) {
        this.data = model.data();
        this.v = data.vocabularySize();
        this.k = model.embedding();
        this.uOffset = model.uOffset();
        this.bOffset = model.bOffset();
        this.batchSize = Check.positive("batchSize", batchSize);
        this.tokens = new int[batchSize];
        this.next = new int[batchSize];
        this.z = new double[batchSize * v];
    }

    @Override
    public double gradient(double[] x, double[] out, RandomGenerator random) {
        for (int b = 0; b < batchSize; b++) {
            int i = data.sampleToken(random);
            tokens[b] = i;
            next[b] = data.sampleSuccessor(i, random);
        }
        for (int from = 0; from < v; from += BLOCK) {
            int to = Math.min(v, from + BLOCK);
            for (int b = 0; b < batchSize; b++) {
                int e = tokens[b] * k;
                int row = b * v;
                for (int j = from; j < to; j++) {
                    z[row + j] = x[bOffset + j] + FactoredModel.dot(x, uOffset + j * k, x, e, k);
                }
            }
        }
        double invB = 1.0 / batchSize;
        for (int b = 0; b < batchSize; b++) {
            int row = b * v;
            SoftmaxRows.softmax(z, row, v, z, row);
            for (int j = row; j < row + v; j++) {
                z[j] *= invB;
            }
            z[row + next[b]] -= invB;
        }
        Arrays.fill(out, 0.0);
        for (int from = 0; from < v; from += BLOCK) {
            int to = Math.min(v, from + BLOCK);
            for (int b = 0; b < batchSize; b++) {
                int e = tokens[b] * k;
                int row = b * v;
                for (int j = from; j < to; j++) {
                    double r = z[row + j];
                    int u = uOffset + j * k;
                    FactoredModel.axpy(r, x, e, out, u, k);
                    FactoredModel.axpy(r, x, u, out, e, k);
                    out[bOffset + j] += r;
                }
            }
        }
        return Double.NaN;
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
