package io.github.rivervalley.simulator.fit;

import java.util.List;
import java.util.Map;

/**
 * A loss-curve law: the loss predicted at a curve's rows from its per-update learning rates and a few
 * parameters. Implementations are immutable; their constants (a reference rate, say) are fixed when the
 * law is built and saved with a fit ({@link #constants()}).
 */
public interface Law {

    /** The law's name in commands and files ({@code river-valley}, {@code mpl}, {@code mtl}). */
    String name();

    /** The fitted parameters, in the order of the parameter arrays. */
    List<Parameter> parameters();

    /** Fixed constants of this instance (saved in fit files so a prediction uses the same law); none by default. */
    default Map<String, Double> constants() {
        return Map.of();
    }

    /**
     * Writes the predicted loss at every row of {@code curve} into {@code out}, and, when {@code jacobian}
     * is not null, {@code d out[i] / d theta[k]} into {@code jacobian[i][k]}, computed exactly (forward mode).
     *
     * @param theta parameter values (natural units), one per {@link #parameters()}
     */
    void predict(double[] theta, Curve curve, double[] out, double[][] jacobian);

    /**
     * The box seeded starts are drawn from: {@code {lo, hi}} in natural units, one entry per parameter,
     * scaled to the curves to fit (their smallest loss and peak rate).
     */
    default double[][] startBox(List<Curve> curves) {
        List<Parameter> ps = parameters();
        double[][] box = new double[2][ps.size()];
        for (int k = 0; k < ps.size(); k++) {
            box[0][k] = ps.get(k).startLo();
            box[1][k] = ps.get(k).startHi();
        }
        return box;
    }

    /**
     * The order of the parameters in a canonical form, for laws with interchangeable parts (ours sorts
     * free hill modes by relaxation time); the identity by default. {@code theta[order[k]]} is the
     * canonical {@code k}-th value.
     */
    default int[] canonicalOrder(double[] theta) {
        int[] order = new int[theta.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        return order;
    }

    /** Names of the additive parts of the prediction, empty when the law has none (ours: river, hill). */
    default List<String> parts() {
        return List.of();
    }

    /** The parts at each row: {@code parts[j][i]} for part {@code j} of {@link #parts()}, summing to the prediction. */
    default double[][] decompose(double[] theta, Curve curve) {
        throw new UnsupportedOperationException(name() + " has no decomposition");
    }
}
