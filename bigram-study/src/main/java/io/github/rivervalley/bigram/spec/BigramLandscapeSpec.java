package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.spec.LandscapeSpec;

/**
 * {@code landscape: {type: bigram, data: {...}, model: {...}}}: the population loss of a bigram model, with
 * the per-group decomposition ({@code loss_<g>}, {@code excess_<g>} trace columns).
 */
public record BigramLandscapeSpec(BigramDataSpec data, BigramModelSpec model) implements LandscapeSpec {

    /** The type name under which this spec is registered. */
    public static final String TYPE = "bigram";

    public BigramLandscapeSpec {
        Check.present("data", data);
        Check.present("model", model);
    }

    /** Builds the data, then the model; errors found only now (an unreadable file) name the full path. */
    @Override
    public BigramModel build() {
        BigramData built;
        try {
            built = data.build();
        } catch (InvalidValueException e) {
            throw e.under("data"); // the run spec adds "landscape."
        }
        try {
            return model.build(built);
        } catch (InvalidValueException e) {
            throw e.under("model");
        }
    }
}
