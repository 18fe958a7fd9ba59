package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.bigram.model.FactoredModel;
import io.github.rivervalley.landscapes.check.Check;

/**
 * {@code model: {type: factored, embedding: k, initScale: s, seed: n}}: logits {@code E[x] U^T + b}. Defaults:
 * {@code initScale = k^-1/2}, seed 0.
 */
public record FactoredModelSpec(int embedding, Double initScale, Long seed) implements BigramModelSpec {

    public FactoredModelSpec {
        Check.positive("embedding", embedding);
        if (initScale != null) {
            Check.positive("initScale", initScale);
        }
        seed = seed == null ? 0L : seed;
    }

    @Override
    public BigramModel build(BigramData data) {
        return new FactoredModel(data, embedding, initScale, seed);
    }
}
