package io.github.rivervalley.simulator.noise;

import java.util.random.RandomGenerator;

/**
 * A sparse-row oracle that can apply a plain SGD step itself, one row at a time while the row is in cache,
 * without writing the gradient out: for parameter matrices far larger than the cache (the bigram tabular
 * model's V x V logits) this saves several passes over memory per step. Only for oracles whose
 * {@link #gradient} returns NaN (no loss to check before the update).
 */
public interface FusedSgd extends SparseRows, GradientOracle {

    /**
     * Exactly {@code gradient(x, g, random)} followed by {@code x[j] = x[j] - lr * g[j]} on the touched rows
     * (the same draws, the same bits; every other coordinate has gradient 0 and stays as it is), for a rate
     * {@code lr} that is finite and >= 0. Returns whether a touched coordinate is not finite afterwards.
     */
    boolean sgdStep(double[] x, double lr, RandomGenerator random);
}
