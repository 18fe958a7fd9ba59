package io.github.rivervalley.bigram.spec;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.TextBigrams;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.nio.file.Path;

/**
 * {@code data: {type: text, file: PATH, level: character|word, maxVocabulary: N, groups: n}}: bigrams counted
 * from a UTF-8 file (relative paths resolve against the working directory). Defaults: character level, no
 * vocabulary cap, 4 entropy-quantile groups {@code q1..q4}.
 */
public record TextDataSpec(String file, TextBigrams.Level level, Integer maxVocabulary, Integer groups)
        implements BigramDataSpec {

    public TextDataSpec {
        Check.present("file", file);
        if (file.isBlank()) {
            throw new InvalidValueException("file", "''", "a path to a UTF-8 text file");
        }
        level = level == null ? TextBigrams.Level.CHARACTER : level;
        if (maxVocabulary != null && maxVocabulary < 2) {
            throw new InvalidValueException("maxVocabulary", maxVocabulary, "a whole number >= 2");
        }
        groups = groups == null ? 4 : groups;
        Check.positive("groups", groups);
    }

    @Override
    public BigramData build() {
        return TextBigrams.read(Path.of(file), level, maxVocabulary, groups);
    }
}
