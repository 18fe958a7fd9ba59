package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.model.MinibatchNoise;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.spec.NoiseSpec;

/** {@code noise: {type: minibatch, batchSize: B}}: gradients averaged over B pairs sampled from the bigram data. */
public record MinibatchNoiseSpec(int batchSize) implements NoiseSpec {

    /** The type name under which this spec is registered. */
    public static final String TYPE = "minibatch";

    public MinibatchNoiseSpec {
        Check.positive("batchSize", batchSize);
    }

    @Override
    public NoiseModel build() {
        return new MinibatchNoise(batchSize);
    }
}
