package io.github.rivervalley.bigram.data;

import static io.github.rivervalley.bigram.data.SyntheticBigramsTest.assertField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.TextBigrams.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextBigramsTest {

    @TempDir
    Path dir;

    /** Independent count: pairs of consecutive strings, by string. */
    private static Map<String, Map<String, Integer>> pairCounts(List<String> tokens) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (int t = 0; t + 1 < tokens.size(); t++) {
            counts.computeIfAbsent(tokens.get(t), key -> new HashMap<>()).merge(tokens.get(t + 1), 1, Integer::sum);
        }
        return counts;
    }

    private static void assertMatchesCounts(BigramData data, List<String> tokens) {
        Map<String, Map<String, Integer>> counts = pairCounts(tokens);
        int pairs = tokens.size() - 1;
        double lowerBound = 0.0;
        for (int i = 0; i < data.vocabularySize(); i++) {
            Map<String, Integer> row = counts.getOrDefault(data.label(i), Map.of());
            int rowTotal = row.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(rowTotal / (double) pairs, data.frequency(i), 1e-15, data.label(i));
            assertEquals(row.size(), data.successorCount(i));
            double h = 0.0;
            for (int j = 0; j < data.vocabularySize(); j++) {
                double expected = row.getOrDefault(data.label(j), 0) / (double) Math.max(rowTotal, 1);
                assertEquals(expected, data.probability(i, j), 1e-15);
                if (expected > 0) {
                    h -= expected * Math.log(expected);
                }
            }
            assertEquals(h, data.entropy(i), 1e-14);
            lowerBound += rowTotal / (double) pairs * h;
        }
        assertEquals(lowerBound, data.lowerBound(), 1e-14);
    }

    @Test
    void characterCountsMatchAnIndependentCount() throws IOException {
        String text = "abracadabra\nbar é€🙂 a";
        Path file = dir.resolve("t.txt");
        Files.writeString(file, text);
        BigramData data = TextBigrams.read(file, Level.CHARACTER, null, 2);
        List<String> tokens = text.codePoints().mapToObj(c -> new String(Character.toChars(c))).toList();
        assertEquals(tokens.stream().distinct().count(), data.vocabularySize());
        assertEquals("a", data.label(0)); // the most frequent character first
        assertMatchesCounts(data, tokens);
    }

    @Test
    void wordCountsWithACappedVocabularyUseUnk() {
        String text = "the cat sat on the mat . the dog sat on the log . a cat ran";
        BigramData data = TextBigrams.count(text, Level.WORD, 5, 2, "inline");
        assertEquals(5, data.vocabularySize());
        // counts: the 4, sat 2, on 2, cat 2, . 2 -> kept: the, . , cat, on (ties by text), then <unk>
        assertEquals(List.of("the", ".", "cat", "on", TextBigrams.UNKNOWN),
                List.of(data.label(0), data.label(1), data.label(2), data.label(3), data.label(4)));
        List<String> mapped = java.util.Arrays.stream(text.split(" "))
                .map(w -> List.of("the", ".", "cat", "on").contains(w) ? w : TextBigrams.UNKNOWN).toList();
        assertMatchesCounts(data, mapped);
    }

    @Test
    void quantileGroupsAreOrderedByEntropy() {
        String text = "a b a c a d b a b a c e c e d f d a f a";
        BigramData data = TextBigrams.count(text, Level.WORD, null, 3, "inline");
        assertEquals(List.of("q1", "q2", "q3"), data.groupNames());
        for (int g = 0; g + 1 < 3; g++) {
            double maxHere = 0;
            double minNext = Double.POSITIVE_INFINITY;
            for (int i = 0; i < data.vocabularySize(); i++) {
                if (data.frequency(i) == 0) {
                    continue;
                }
                if (data.groupOf(i) == g) {
                    maxHere = Math.max(maxHere, data.entropy(i));
                } else if (data.groupOf(i) == g + 1) {
                    minNext = Math.min(minNext, data.entropy(i));
                }
            }
            assertTrue(maxHere <= minNext);
        }
    }

    @Test
    void badTextsAreRejected() throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        assertField("file", () -> TextBigrams.read(empty, Level.CHARACTER, null, 1));
        assertField("file", () -> TextBigrams.count("aaaa", Level.CHARACTER, null, 1, "x"));
        assertField("file", () -> TextBigrams.count("one", Level.WORD, null, 1, "x"));
        Path binary = dir.resolve("bin.txt");
        Files.write(binary, new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b'});
        assertField("file", () -> TextBigrams.read(binary, Level.CHARACTER, null, 1));
        assertField("file", () -> TextBigrams.read(dir.resolve("missing.txt"), Level.CHARACTER, null, 1));
        assertField("groups", () -> TextBigrams.count("abab", Level.CHARACTER, null, 3, "x"));
        assertField("maxVocabulary", () -> TextBigrams.count("abab", Level.CHARACTER, 1, 1, "x"));
    }
}
