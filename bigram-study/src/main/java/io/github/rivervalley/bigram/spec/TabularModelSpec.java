package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.bigram.model.TabularModel;

/**
 * {@code model: {type: tabular, precision: float64}}: one logit row per token, starting at zeros. Precision
 * {@code float64} (the default and the reference) or {@code float32}: the minibatch gradient's softmax rows in
 * float32 arithmetic (parameters and update stay float64; differences bounded in {@code docs/spec.md}).
 */
public record TabularModelSpec(String precision) implements BigramModelSpec {

    public TabularModelSpec {
        precision = BigramModelSpec.precision(precision);
    }

    @Override
    public BigramModel build(BigramData data) {
        return new TabularModel(data, precision.equals("float32"));
    }
}
