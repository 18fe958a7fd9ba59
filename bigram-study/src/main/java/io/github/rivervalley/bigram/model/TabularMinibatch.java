package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.noise.SparseRows;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Minibatch gradient of the tabular model that touches only the rows in the batch.
 *
 * <p>Per call: B pairs {@code (x_b ~ pi, y_b ~ q_{x_b})} are drawn in order, two uniform numbers per pair
 * (alias tables). For each distinct row i, with {@code c_i} the number of pairs starting with i, row i of the
 * output is {@code (c_i / B) p_i} minus {@code 1/B} at each sampled {@code y_b}; every other entry is 0.
 * The oracle remembers the output array and the rows it wrote, so the next call only clears those rows
 * (O(B V) per call, not O(V^2)); a different output array is cleared in full once. Callers must therefore not
 * write into the output outside the touched rows between calls (scaling it in place is fine). Not thread-safe:
 * one per worker.
 */
public final class TabularMinibatch implements GradientOracle, SparseRows {

    private final BigramData data;
    private final int v;
    private final int batchSize;
    private final int[] tokens;
    private final int[] next;
    private final int[] touched;
    private final int[] countOf;
    private final int[] stamp;
    private int epoch;
    private int touchedCount;
    private double[] lastOut;

    TabularMinibatch(TabularModel model, int batchSize) {
        this.data = model.data();
        this.v = data.vocabularySize();
        this.batchSize = Check.positive("batchSize", batchSize);
        this.tokens = new int[batchSize];
        this.next = new int[batchSize];
        this.touched = new int[batchSize];
        this.countOf = new int[v];
        this.stamp = new int[v];
    }

    @Override
    public double gradient(double[] x, double[] out, RandomGenerator random) {
        if (out != lastOut) {
            Arrays.fill(out, 0.0);
            lastOut = out;
        } else {
            for (int n = 0; n < touchedCount; n++) {
                int row = touched[n] * v;
                Arrays.fill(out, row, row + v, 0.0);
            }
        }
        epoch++;
        if (epoch == 0) {
            Arrays.fill(stamp, 0);
            epoch = 1;
        }
        touchedCount = 0;
        for (int b = 0; b < batchSize; b++) {
            int i = data.sampleToken(random);
            tokens[b] = i;
            next[b] = data.sampleSuccessor(i, random);
            if (stamp[i] != epoch) {
                stamp[i] = epoch;
                countOf[i] = 0;
                touched[touchedCount++] = i;
            }
            countOf[i]++;
        }
        double invB = 1.0 / batchSize;
        for (int n = 0; n < touchedCount; n++) {
            int i = touched[n];
            int row = i * v;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = row; j < row + v; j++) {
                max = Math.max(max, x[j]);
            }
            double sum = 0.0;
            for (int j = row; j < row + v; j++) {
                double e = Math.exp(x[j] - max);
                out[j] = e;
                sum += e;
            }
            double scale = countOf[i] * invB / sum;
            for (int j = row; j < row + v; j++) {
                out[j] *= scale;
            }
        }
        for (int b = 0; b < batchSize; b++) {
            out[tokens[b] * v + next[b]] -= invB;
        }
        return Double.NaN;
    }

    @Override
    public int rowLength() {
        return v;
    }

    @Override
    public int touchedRowCount() {
        return touchedCount;
    }

    @Override
    public int touchedRow(int n) {
        return touched[n];
    }

    /** Batch size B. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public String toString() {
        return "TabularMinibatch[B=" + batchSize + ", V=" + v + "]";
    }
}
