package io.github.rivervalley.bigram.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.bigram.model.FactoredModel;
import io.github.rivervalley.bigram.model.TabularModel;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BigramSpecTest {

    /** A stand-in for a run spec's top level. */
    record Holder(LandscapeSpec landscape) {
    }

    @TempDir
    Path dir;

    private static Holder read(String yaml) {
        SpecReader reader = SpecReader.instance();
        return reader.read(yaml, "test.yaml", Holder.class);
    }

    /** The error of a bigram landscape with these {@code data} and {@code model} blocks (YAML flow style). */
    private static SpecException rejected(String data, String model) {
        return assertThrows(SpecException.class, () -> read("landscape:\n  type: bigram\n  data: " + data + "\n  model: " + model + "\n"));
    }

    @Test
    void syntheticTabularSpecBuildsTheModel() {
        Holder h = read("""
                landscape:
                  type: bigram
                  data:
                    type: synthetic
                    vocabulary: 32
                    frequencies: zipf
                    seed: 4
                    groups:
                      - {share: 0.5, kind: deterministic}
                      - {name: two, share: 0.25, kind: uniform, successors: 2}
                      - {share: 0.25, kind: dirichlet, successors: 4, alpha: 0.3}
                  model: {type: tabular}
                """);
        BigramModel model = assertInstanceOf(BigramLandscapeSpec.class, h.landscape()).build();
        assertInstanceOf(TabularModel.class, model);
        assertEquals(List.of("det", "two", "dir4"), model.data().groupNames());
        assertEquals(32 * 32, model.dimension());
        // Same spec, same data (seeded).
        assertEquals(model.data().lowerBound(), ((BigramLandscapeSpec) h.landscape()).build().data().lowerBound(), 0.0);
    }

    @Test
    void textFactoredSpecBuildsTheModel() throws Exception {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "the cat sat on the mat and the dog sat on the log");
        Holder h = read("""
                landscape:
                  type: bigram
                  data: {type: text, file: '%s', level: word, maxVocabulary: 6, groups: 2}
                  model: {type: factored, embedding: 3, seed: 2}
                """.formatted(file.toString().replace("'", "''")));
        BigramModel model = ((BigramLandscapeSpec) h.landscape()).build();
        FactoredModel factored = assertInstanceOf(FactoredModel.class, model);
        assertEquals(6, model.data().vocabularySize());
        assertEquals(2 * 6 * 3 + 6, factored.dimension());
    }

    @Test
    void errorsNameTheFieldPath() {
        SpecException e = rejected("{type: synthetic, vocabulary: 8, groups: [{share: 0.5, kind: deterministic}, {share: 0.4, kind: uniform, successors: 2}]}",
                "{type: tabular}");
        assertEquals("landscape.data.groups.share", e.field(), e.getMessage());
        e = rejected("{type: synthetic, vocabulary: 8, groups: [{share: 1.0, kind: uniform, successors: 9}]}",
                "{type: tabular}");
        assertEquals("landscape.data.groups[0].successors", e.field(), e.getMessage());
        e = rejected("{type: synthetic, vocabulary: 1, groups: [{share: 1.0, kind: deterministic}]}",
                "{type: tabular}");
        assertEquals("landscape.data.vocabulary", e.field(), e.getMessage());
        e = rejected("{type: synthetic, vocabulary: 8, groups: [{share: 1.0, kind: deterministic}]}",
                "{type: factored, embedding: 2, precision: float16}");
        assertEquals("landscape.model.precision", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("float16") && e.getMessage().contains("float32"), e.getMessage());
        e = rejected("{type: synthetic, vocabulary: 8, groups: [{share: 1.0, kind: deterministic}]}",
                "{type: tabular, precision: double}");
        assertEquals("landscape.model.precision", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("double") && e.getMessage().contains("float64"), e.getMessage());
        e = rejected("{type: synthetic, vocabulary: 8, groups: [{share: 1.0, kind: deterministic}]}",
                "{type: tabluar}");
        assertEquals("landscape.model.type", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'tabular'"), e.getMessage());
        e = rejected("{type: synthetic, vocabulary: 8, groups: [{share: 1.0, kind: deterministic, sucessors: 1}]}",
                "{type: tabular}");
        assertTrue(e.getMessage().contains("unknown key 'sucessors'"), e.getMessage());
        Holder missing = read("""
                landscape:
                  type: bigram
                  data: {type: text, file: no/such/file.txt}
                  model: {type: tabular}
                """);
        InvalidValueException wrongLandscape = assertThrows(InvalidValueException.class, () -> new MinibatchNoiseSpec(4).build()
                .newOracle(new io.github.rivervalley.landscapes.analytic.StraightValley(
                        new io.github.rivervalley.landscapes.analytic.RiverProfile.Linear(1.0), new double[] {2.0})));
        assertEquals("type", wrongLandscape.field());
        // Relative to the landscape block, as every landscape spec's build errors are: the run adds "landscape."
        // (ErrorMessagesTest checks the whole path through the command line).
        InvalidValueException late = assertThrows(InvalidValueException.class, () -> missing.landscape().build());
        assertEquals("data.file", late.field());
    }
}
