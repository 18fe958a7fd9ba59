package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.noise.GradientOracle;

/**
 * The tabular softmax model: parameters {@code W} (V x V, row-major: {@code W[i * V + j]}), predictions
 * {@code p_i = softmax(W_i)}. The loss is convex and separates by rows:
 * {@code L = sum_i pi_i (logsumexp(W_i) - q_i . W_i)}, gradient row {@code pi_i (p_i - q_i)}, Hessian block
 * {@code pi_i (diag(p_i) - p_i p_i^T)}. Deterministic rows have no finite optimum (their margin grows for
 * ever: a river); uncertain rows have optimum {@code log q_i + c} on their successors (a hill), plus a
 * river of their own pushing the logits of non-successors down. Starts at zeros (uniform predictions).
 */
public final class TabularModel implements BigramModel {

    /** Largest vocabulary: V^2 parameters must fit a Java array. */
    public static final int MAX_VOCABULARY = 46340;

    private final BigramData data;
    private final int v;
    private final boolean float32;

    public TabularModel(BigramData data) {
        this(data, false);
    }

    /**
     * @param float32 the minibatch oracle's softmax rows in float32 arithmetic ({@link TabularMinibatch}); the
     *     parameters, the update, and the exact value, gradient and curvature stay float64
     */
    public TabularModel(BigramData data, boolean float32) {
        this.float32 = float32;
        this.data = Check.present("data", data);
        this.v = data.vocabularySize();
        if (v > MAX_VOCABULARY) {
            throw new InvalidValueException("model", "tabular with V = " + v,
                    "V <= " + MAX_VOCABULARY + " (V^2 parameters); use the factored model for larger vocabularies");
        }
    }

    @Override
    public BigramData data() {
        return data;
    }

    @Override
    public int dimension() {
        return v * v;
    }

    @Override
    public void logits(double[] x, int token, double[] out) {
        System.arraycopy(x, token * v, out, 0, v);
    }

    @Override
    public double value(double[] x) {
        double loss = 0.0;
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            if (pi > 0) {
                int row = i * v;
                loss += pi * (SoftmaxRows.logSumExp(x, row, v) - SoftmaxRows.expectedLogit(data, i, x, row));
            }
        }
        return loss;
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        double loss = 0.0;
        for (int i = 0; i < v; i++) {
            int row = i * v;
            double pi = data.frequency(i);
            if (pi == 0) {
                java.util.Arrays.fill(gradient, row, row + v, 0.0);
                continue;
            }
            loss += pi * (SoftmaxRows.logSumExp(x, row, v) - SoftmaxRows.expectedLogit(data, i, x, row));
            SoftmaxRows.softmax(x, row, v, gradient, row);
            for (int j = row; j < row + v; j++) {
                gradient[j] *= pi;
            }
            for (int e = data.rowStart(i); e < data.rowStart(i + 1); e++) {
                gradient[row + data.successorAt(e)] -= pi * data.probabilityAt(e);
            }
        }
        return loss;
    }

    /** Row by row: {@code pi_i (p_i * v_i - p_i (p_i . v_i))}. */
    @Override
    public void hessianVectorProduct(double[] x, double[] direction, double[] out) {
        for (int i = 0; i < v; i++) {
            int row = i * v;
            double pi = data.frequency(i);
            if (pi == 0) {
                java.util.Arrays.fill(out, row, row + v, 0.0);
                continue;
            }
            SoftmaxRows.softmax(x, row, v, out, row);
            double dot = 0.0;
            for (int j = row; j < row + v; j++) {
                dot += out[j] * direction[j];
            }
            for (int j = row; j < row + v; j++) {
                out[j] = pi * out[j] * (direction[j] - dot);
            }
        }
    }

    /** Closed form: {@code sum_i pi_i (1 - |p_i|^2)}, the trace of each row block {@code pi_i (diag(p_i) - p_i p_i^T)}. */
    @Override
    public double hessianTrace(double[] x) {
        double[] groups = new double[data.groupCount()];
        groupTrace(x, groups);
        double trace = 0.0;
        for (double t : groups) {
            trace += t;
        }
        return trace;
    }

    /** The same closed form summed over each group's rows. */
    @Override
    public void groupTrace(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, data.groupCount(), 0.0);
        double[] p = new double[v];
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            if (pi > 0) {
                SoftmaxRows.softmax(x, i * v, v, p, 0);
                double square = 0.0;
                for (double value : p) {
                    square += value * value;
                }
                out[data.groupOf(i)] += pi * (1.0 - square);
            }
        }
    }

    /** Rows are independent: the top eigenvalue of a group is the largest over its rows. */
    @Override
    public void groupSharpness(double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, data.groupCount(), 0.0);
        double[] p = new double[v];
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            int g = data.groupOf(i);
            if (pi == 0) {
                continue;
            }
            SoftmaxRows.softmax(x, i * v, v, p, 0);
            double top = 0.0;
            for (double value : p) {
                top = Math.max(top, value);
            }
            // The row's eigenvalue is at most pi * max p: skip the bisection when it cannot win.
            if (pi * top > out[g]) {
                out[g] = Math.max(out[g], pi * SoftmaxRows.topCurvature(p, 0, v));
            }
        }
    }

    @Override
    public double sharpness(double[] x) {
        double[] groups = new double[data.groupCount()];
        groupSharpness(x, groups);
        double max = 0.0;
        for (double s : groups) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** Zeros: every token starts predicting the uniform distribution. */
    @Override
    public double[] defaultStart() {
        return new double[dimension()];
    }

    @Override
    public TabularMinibatch newMinibatchOracle(int batchSize) {
        return new TabularMinibatch(this, batchSize, float32);
    }

    @Override
    public boolean reducedPrecision() {
        return float32;
    }

    @Override
    public boolean honouredBy(GradientOracle oracle) {
        return oracle instanceof TabularMinibatch;
    }

    @Override
    public String toString() {
        return "TabularModel[V=" + v + ", d=" + dimension() + (float32 ? ", float32" : "") + ", " + data + "]";
    }
}
