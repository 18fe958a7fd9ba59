package io.github.rivervalley.simulator.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid name closest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typo} by edit distance (ignoring case), if it is close enough to be
     * a plausible misspelling: at most a third of the longer name's length, and at least one edit allowed.
     */
    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String needle = typo.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int distance = editDistance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.max(typo.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        return d[a.length()][b.length()];
    }
}
