package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.bigram.model.FactoredModel;
import io.github.rivervalley.landscapes.check.Check;

/**
 * {@code model: {type: factored, embedding: k, initScale: s, seed: n, precision: float64}}: logits
 * {@code E[x] U^T + b}. Defaults: {@code initScale = k^-1/2}, seed 0, precision {@code float64} (the reference);
 * {@code float32} computes the minibatch gradient in float32 arithmetic (faster; differences bounded in
 * {@code docs/spec.md}).
 */
public record FactoredModelSpec(int embedding, Double initScale, Long seed, String precision) implements BigramModelSpec {

    /** The float64 model. */
    public FactoredModelSpec(int embedding, Double initScale, Long seed) {
        this(embedding, initScale, seed, null);
    }

    public FactoredModelSpec {
        precision = BigramModelSpec.precision(precision);
        Check.positive("embedding", embedding);
        if (initScale != null) {
            Check.positive("initScale", initScale);
        }
        seed = seed == null ? 0L : seed;
    }

    @Override
    public BigramModel build(BigramData data) {
        return new FactoredModel(data, embedding, initScale, seed, precision.equals("float32"));
    }
}
