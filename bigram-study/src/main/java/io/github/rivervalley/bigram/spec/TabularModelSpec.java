package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.bigram.model.TabularModel;

/** {@code model: {type: tabular}}: one logit row per token, starting at zeros. */
public record TabularModelSpec() implements BigramModelSpec {

    @Override
    public BigramModel build(BigramData data) {
        return new TabularModel(data);
    }
}
