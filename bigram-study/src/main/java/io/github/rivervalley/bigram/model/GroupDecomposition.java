package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.Decomposer.Measure;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-group decomposition of a bigram model's loss, computed from the logits of every token.
 *
 * <p>Definitions, for tokens i with {@code pi_i > 0}, {@code CE_i = CE(q_i, softmax(z_i))} and
 * {@code KL_i = CE_i - H(q_i)}:
 * <ul>
 * <li>{@code loss_<g> = sum_{i in g} pi_i CE_i} (they sum to {@code loss}); {@code excess_<g> = sum_{i in g} pi_i KL_i}.</li>
 * <li>{@code hill_excess} = the excess of the hill groups; {@code river_loss = loss - hill_excess}
 *     {@code = L* + excess of the river groups}. For the tabular model this is exactly {@code L(Phi(x))} with
 *     {@code Phi} moving every hill row to its optimum {@code log q_i} and leaving the river rows alone.</li>
 * <li>{@code river_coord}: the frequency-weighted mean log-margin {@code z_y - log sum_{j != y} exp z_j} of the
 *     river groups' tokens, y their most likely successor. For a deterministic token the loss is
 *     {@code log(1 + exp(-margin))}, a softplus river: the coordinate grows without bound as the river is
 *     travelled.</li>
 * <li>{@code hill_dist}: {@code sqrt(sum over hill tokens of |centred z_i - centred log q_i|^2)} on each token's
 *     successor set (logit space; for the factored model, of the logits its parameters produce).</li>
 * <li>{@code hill_disp}: the signed displacement along the steepest hill direction at the optimum: for the hill
 *     token i with the largest {@code pi_i lambda_max(diag(q_i) - q_i q_i^T)} (on its successor set S), the dot
 *     product of {@code z_i - log q_i} on S with that top eigenvector (sign: positive at the most likely
 *     successor). The eigenvector is orthogonal to the constant vector, so the shift freedom of logits does not
 *     matter. NaN when there is no hill token with two or more successors.</li>
 * </ul>
 */
final class GroupDecomposition {

    private GroupDecomposition() {
    }

    /** {@code loss_<g>} for every group, then {@code excess_<g>} for every group. */
    static List<String> columns(BigramData data) {
        List<String> out = new ArrayList<>();
        for (String name : data.groupNames()) {
            out.add("loss_" + name);
        }
        for (String name : data.groupNames()) {
            out.add("excess_" + name);
        }
        return List.copyOf(out);
    }

    static void measure(BigramModel model, double[] x, double[] out) {
        BigramData data = model.data();
        int v = data.vocabularySize();
        int groups = data.groupCount();
        double[] z = new double[v];
        double[] groupLoss = new double[groups];
        double[] groupExcess = new double[groups];
        double marginSum = 0.0;
        double riverMass = 0.0;
        double hillDist2 = 0.0;
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            if (pi == 0) {
                continue;
            }
            model.logits(x, i, z);
            double ce = SoftmaxRows.logSumExp(z, 0, v) - SoftmaxRows.expectedLogit(data, i, z, 0);
            int g = data.groupOf(i);
            groupLoss[g] += pi * ce;
            groupExcess[g] += pi * (ce - data.entropy(i));
            if (data.isRiverGroup(g)) {
                marginSum += pi * SoftmaxRows.logMargin(z, 0, v, data.mostLikelySuccessor(i));
                riverMass += pi;
            } else {
                hillDist2 += SoftmaxRows.centredDistanceSquared(data, i, z, 0);
            }
        }
        double loss = 0.0;
        double hill = 0.0;
        for (int g = 0; g < groups; g++) {
            loss += groupLoss[g];
            if (!data.isRiverGroup(g)) {
                hill += groupExcess[g];
            }
        }
        out[Measure.LOSS.ordinal()] = loss;
        out[Measure.RIVER_LOSS.ordinal()] = loss - hill;
        out[Measure.HILL_EXCESS.ordinal()] = hill;
        out[Measure.RIVER_COORD.ordinal()] = riverMass > 0 ? marginSum / riverMass : Double.NaN;
        out[Measure.HILL_DIST.ordinal()] = Math.sqrt(hillDist2);
        HillDirection steepest = HillDirection.of(data);
        if (steepest == null) {
            out[Measure.HILL_DISP.ordinal()] = Double.NaN;
        } else {
            model.logits(x, steepest.token(), z);
            out[Measure.HILL_DISP.ordinal()] = steepest.displacement(data, z);
        }
        int base = Measure.COUNT;
        for (int g = 0; g < groups; g++) {
            out[base + g] = groupLoss[g];
            out[base + groups + g] = groupExcess[g];
        }
    }
}
