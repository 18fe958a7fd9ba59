package io.github.rivervalley.simulator.noise;

import java.util.random.RandomGenerator;

/**
 * The gradient an optimizer sees: the exact gradient, the exact gradient plus modelled noise, or an
 * estimate sampled from data (minibatches of bigram pairs). An oracle may keep scratch space, so each
 * replica worker gets its own instance from {@link NoiseModel#newOracle}; all randomness comes from the
 * replica's own generator, which is what makes runs independent of thread count.
 */
public interface GradientOracle {

    /**
     * Writes the (possibly stochastic) gradient at {@code x} into {@code out}, drawing any randomness
     * from {@code random}, and returns the exact loss at {@code x} if it came for free, else {@code NaN}.
     */
    double gradient(double[] x, double[] out, RandomGenerator random);
}
