package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.bigram.data.SyntheticBigrams;
import io.github.rivervalley.bigram.data.SyntheticGroup;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.spec.MemoryBudget;
import java.util.List;

/**
 * {@code data: {type: synthetic, vocabulary: V, frequencies: uniform|zipf, zipfExponent: s, seed: n, groups: [...]}}.
 * Defaults: uniform frequencies, exponent 1, seed 0. Everything that can be checked without generating the
 * data (shares, k <= V, names) is checked when the spec is read.
 */
public record SyntheticDataSpec(int vocabulary, Frequencies frequencies, Double zipfExponent, Long seed,
                                List<SyntheticGroup> groups) implements BigramDataSpec {

    public SyntheticDataSpec {
        frequencies = frequencies == null ? Frequencies.UNIFORM : frequencies;
        zipfExponent = zipfExponent == null ? 1.0 : Check.positive("zipfExponent", zipfExponent);
        seed = seed == null ? 0L : seed;
        Check.present("groups", groups);
        groups = List.copyOf(groups);
        SyntheticBigrams.validate(vocabulary, frequencies, zipfExponent, groups);
        // Frequencies, entropies, successor lists and alias tables: well over 32 bytes per token.
        MemoryBudget.require("vocabulary", vocabulary, MemoryBudget.times(vocabulary, 32), "the data (at least 32 bytes per token)");
    }

    @Override
    public BigramData build() {
        return SyntheticBigrams.generate(vocabulary, frequencies, zipfExponent, groups, seed);
    }
}
