package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.landscapes.GroupCurvature;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.noise.ReducedPrecision;
import java.util.List;

/**
 * A next-token model whose loss is the exact population cross-entropy on a {@link BigramData}:
 * {@code L(x) = sum_i pi_i CE(q_i, softmax(z_i(x)))}, where {@code z_i} are the logits for the token after i.
 *
 * <p>Decomposition (see {@link GroupDecomposition}): per group g the columns {@code loss_<g>} (the group's
 * share of L, summing to L) and {@code excess_<g>} (its share of {@code L - L*}, the KL part); river loss
 * {@code = L* + excess of river groups}; hill excess {@code = excess of hill groups}; so
 * {@code loss = river_loss + hill_excess}.
 */
public sealed interface BigramModel extends Landscape, Decomposer, GroupCurvature, ReducedPrecision permits TabularModel, FactoredModel {

    /** The data the loss is computed on. */
    BigramData data();

    /** Writes the logits {@code z_i} (length V) of the token after {@code token} at parameters {@code x}. */
    void logits(double[] x, int token, double[] out);

    /**
     * Top eigenvalue of the population-loss Hessian restricted to each group's parameters, into
     * {@code out[g]} (length {@link BigramData#groupCount()}).
     */
    void groupSharpness(double[] x, double[] out);

    /**
     * Trace of the population-loss Hessian restricted to each group's parameters (a tabular token's logit
     * row; a factored token's embedding), into {@code out[g]}.
     */
    void groupTrace(double[] x, double[] out);

    /** Top eigenvalue of the population-loss Hessian. */
    double sharpness(double[] x);

    /**
     * A fresh minibatch gradient oracle (one per worker: it holds scratch space) that draws {@code batchSize}
     * pairs {@code (x ~ pi, y ~ q_x)} per call and writes the unbiased minibatch gradient
     * {@code (1/B) sum_b grad CE(e_{y_b}, softmax(z_{x_b}))}.
     */
    GradientOracle newMinibatchOracle(int batchSize);

    /** {@code precision: float32}: only this model's minibatch oracles compute in float32. */
    @Override
    default String precisionField() {
        return "model.precision";
    }

    @Override
    default List<String> extraColumns() {
        return GroupDecomposition.columns(data());
    }

    /**
     * {@code curvature_<g>} (the trace of group g's Hessian block, {@link #groupTrace}) for every group, then
     * {@code sharpness_<g>} (its top eigenvalue, {@link #groupSharpness}) for every group.
     */
    @Override
    default List<String> curvatureColumns() {
        List<String> out = new java.util.ArrayList<>();
        data().groupNames().forEach(g -> out.add("curvature_" + g));
        data().groupNames().forEach(g -> out.add("sharpness_" + g));
        return List.copyOf(out);
    }

    @Override
    default void groupCurvature(double[] x, double[] out) {
        int groups = data().groupCount();
        double[] values = new double[groups];
        groupTrace(x, values);
        System.arraycopy(values, 0, out, 0, groups);
        groupSharpness(x, values);
        System.arraycopy(values, 0, out, groups, groups);
    }

    @Override
    default void measure(double[] x, double[] out) {
        GroupDecomposition.measure(this, x, out);
    }
}
