package io.github.rivervalley.bigram.data;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Empirical bigram data counted from a UTF-8 text.
 *
 * <p>Tokens are code points ({@link Level#CHARACTER}, whitespace and newlines included) or maximal runs of
 * non-whitespace ({@link Level#WORD}). The vocabulary is ordered by decreasing count (ties by the token's
 * text); with a cap N on its size, the N - 1 most frequent tokens are kept and every other token becomes
 * {@value #UNKNOWN}. Pairs are consecutive tokens of the whole text, so {@code pi_i = n(i, .) / N} and
 * {@code q_i(j) = n(i, j) / n(i, .)}; a token that only ends the text has {@code pi_i = 0} and no successors.
 * The empirical conditional entropy {@code sum_i pi_i H(q_i)} is the lower bound of any model's loss on
 * these pairs.
 *
 * <p>Groups {@code q1 .. qn} are entropy quantiles: tokens with {@code pi_i > 0}, sorted by {@code H(q_i)}
 * (ties by index), are cut into n consecutive runs of as equal size as possible; tokens with
 * {@code pi_i = 0} join {@code q1} (they carry no loss).
 */
public final class TextBigrams {

    /** The token that stands for words outside a capped vocabulary. */
    public static final String UNKNOWN = "<unk>";

    /** How a text is cut into tokens. */
    public enum Level {
        /** Unicode code points. */
        @com.fasterxml.jackson.annotation.JsonProperty("character")
        CHARACTER,
        /** Whitespace-separated words. */
        @com.fasterxml.jackson.annotation.JsonProperty("word")
        WORD;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private TextBigrams() {
    }

    /**
     * Reads and counts a UTF-8 file.
     *
     * @param maxVocabulary cap N on the vocabulary size (>= 2), or {@code null} for no cap
     * @param groups number of entropy-quantile groups (>= 1)
     */
    public static BigramData read(Path file, Level level, Integer maxVocabulary, int groups) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidValueException("file", file, "a UTF-8 text file (this one has bytes that are not UTF-8)");
        } catch (IOException e) {
            throw new InvalidValueException("file", file, "a readable text file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return count(text, level, maxVocabulary, groups, file.toString());
    }

    /** Counts a text held in memory; {@code source} names it in messages. */
    public static BigramData count(String text, Level level, Integer maxVocabulary, int groups, String source) {
        if (level == null) {
            throw new InvalidValueException("level", "nothing", "character or word");
        }
        if (maxVocabulary != null && maxVocabulary < 2) {
            throw new InvalidValueException("maxVocabulary", maxVocabulary, "a whole number >= 2");
        }
        if (groups < 1) {
            throw new InvalidValueException("groups", groups, "a whole number >= 1");
        }
        List<String> tokens = tokenize(text, level);
        if (tokens.size() < 2) {
            throw new InvalidValueException("file", source, "a text with at least two " + level + " tokens (it has "
                    + tokens.size() + ")");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : tokens) {
            counts.merge(t, 1, Integer::sum);
        }
        List<String> vocabulary = new ArrayList<>(counts.keySet());
        vocabulary.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        if (maxVocabulary != null && vocabulary.size() > maxVocabulary) {
            vocabulary = new ArrayList<>(vocabulary.subList(0, maxVocabulary - 1));
            vocabulary.add(UNKNOWN);
        }
        int v = vocabulary.size();
        if (v < 2) {
            throw new InvalidValueException("file", source, "a text with at least two distinct " + level + " tokens (it has "
                    + v + ": '" + vocabulary.get(0) + "')");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < v; i++) {
            index.put(vocabulary.get(i), i);
        }
        int unknown = index.getOrDefault(UNKNOWN, -1);
        int n = tokens.size();
        long[] pairs = new long[n - 1];
        int previous = index.getOrDefault(tokens.get(0), unknown);
        for (int t = 1; t < n; t++) {
            int next = index.getOrDefault(tokens.get(t), unknown);
            pairs[t - 1] = (long) previous * v + next;
            previous = next;
        }
        Arrays.sort(pairs);

        double total = pairs.length;
        long[] rowCount = new long[v];
        for (long p : pairs) {
            rowCount[(int) (p / v)]++;
        }
        double[] pi = new double[v];
        for (int i = 0; i < v; i++) {
            pi[i] = rowCount[i] / total;
        }
        int distinct = 0;
        for (int m = 0; m < pairs.length; m++) {
            if (m == 0 || pairs[m] != pairs[m - 1]) {
                distinct++;
            }
        }
        int[] rowStart = new int[v + 1];
        int[] successors = new int[distinct];
        double[] probabilities = new double[distinct];
        int fill = -1;
        for (int m = 0; m < pairs.length; m++) {
            int i = (int) (pairs[m] / v);
            if (m == 0 || pairs[m] != pairs[m - 1]) {
                fill++;
                successors[fill] = (int) (pairs[m] % v);
                rowStart[i + 1] = fill + 1;
            }
            probabilities[fill] += 1.0;
        }
        for (int i = 0; i < v; i++) {
            rowStart[i + 1] = Math.max(rowStart[i + 1], rowStart[i]);
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                probabilities[e] /= rowCount[i];
            }
        }
        // Entropies for grouping (BigramData recomputes the same sums).
        double[] entropy = new double[v];
        for (int i = 0; i < v; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                entropy[i] -= probabilities[e] * Math.log(probabilities[e]);
            }
        }
        int[] groupOf = quantileGroups(pi, entropy, groups);
        List<String> names = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            names.add("q" + g);
        }
        return new BigramData(vocabulary, pi, rowStart, successors, probabilities, groupOf, names);
    }

    /** The tokens of a text at the given level. */
    static List<String> tokenize(String text, Level level) {
        List<String> out = new ArrayList<>();
        if (level == Level.CHARACTER) {
            text.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        } else {
            for (String w : text.split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static int[] quantileGroups(double[] pi, double[] entropy, int groups) {
        int v = pi.length;
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            if (pi[i] > 0) {
                active.add(i);
            }
        }
        if (groups > active.size()) {
            throw new InvalidValueException("groups", groups, "at most the number of tokens that have a successor ("
                    + active.size() + ")");
        }
        active.sort(Comparator.<Integer>comparingDouble(i -> entropy[i]).thenComparingInt(i -> i));
        int[] groupOf = new int[v];
        int m = active.size();
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) m * g / groups);
            int to = (int) ((long) m * (g + 1) / groups);
            for (int r = from; r < to; r++) {
                groupOf[active.get(r)] = g;
            }
        }
        return groupOf;
    }
}
