package io.github.rivervalley.bigram.model;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.spec.MemoryBudget;

/**
 * True minibatch sampling: each step's gradient is the average over {@code batchSize} (token, successor) pairs
 * drawn from the bigram data (an unbiased estimate of the population gradient whose covariance is the Fisher,
 * which equals the Hessian at the optimum). Only bigram landscapes have data to sample.
 *
 * @param batchSize B >= 1
 */
public record MinibatchNoise(int batchSize) implements NoiseModel {

    public MinibatchNoise {
        Check.positive("batchSize", batchSize);
    }

    @Override
    public GradientOracle newOracle(Landscape landscape) {
        if (!(landscape instanceof BigramModel model)) {
            throw new InvalidValueException("type", "minibatch on " + landscape.getClass().getSimpleName(),
                    "a bigram landscape (minibatch noise samples pairs from the bigram data)");
        }
        // Each worker's sampler holds the batch: its pairs, and for the factored model its B x V logits.
        long perPair = model instanceof FactoredModel f ? Double.BYTES * ((long) model.data().vocabularySize() + 2L * f.embedding()) : 2L * Integer.BYTES;
        MemoryBudget.require("batchSize", batchSize, MemoryBudget.times(batchSize, perPair), "one minibatch (" + perPair + " bytes per pair)");
        return model.newMinibatchOracle(batchSize);
    }
}
