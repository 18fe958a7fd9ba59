package io.github.rivervalley.bigram.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.TextBigrams.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group roles follow the data: a river group is one whose every token has entropy <= RIVER_MAX_ENTROPY. */
class RiverGroupsTest {

    private static double entropy(double... q) {
        double h = 0;
        for (double p : q) {
            h -= p * Math.log(p);
        }
        return h;
    }

    /**
     * Four tokens, each followed by token 0 and/or 1: t0 deterministic and t1 at (0.995, 0.005) (H = 0.0315) in
     * group "near"; t2 at (0.99, 0.01) (H = 0.056, just over the threshold) in "over"; t3 uniform in "unif".
     */
    @Test
    void aGroupIsARiverOnlyWhenEveryTokenIsNearlyDeterministic() {
        BigramData data = new BigramData(null, new double[] {0.25, 0.25, 0.25, 0.25},
                new int[] {0, 1, 3, 5, 7}, new int[] {0, 0, 1, 0, 1, 0, 1},
                new double[] {1.0, 0.995, 0.005, 0.99, 0.01, 0.5, 0.5},
                new int[] {0, 0, 1, 2}, List.of("near", "over", "unif"));
        assertTrue(data.isRiverGroup(0));
        assertFalse(data.isRiverGroup(1), "0.056 nats is above the threshold");
        assertFalse(data.isRiverGroup(2));
        assertEquals(List.of(0), data.riverGroups());
        // Entropy ranges against -sum q log q (the same sums, so to a few ulps).
        assertEquals(0.0, data.groupMinEntropy(0));
        assertEquals(entropy(0.995, 0.005), data.groupMaxEntropy(0), 1e-15);
        assertEquals(entropy(0.99, 0.01), data.groupMinEntropy(1), 1e-15);
        assertEquals(Math.log(2), data.groupMaxEntropy(2), 1e-15);
        assertEquals("near (river, H 0-0.0315)", data.groupLabel(0));
        assertEquals("over (hill, H 0.0560)", data.groupLabel(1));
        assertEquals("unif (hill, H 0.693)", data.groupLabel(2));
    }

    /**
     * Text whose most predictable quantile still mixes in uncertain tokens: "a" is followed by "b" or "c", so
     * with one group nothing is a river (the lowest-entropy group used to be labelled the river regardless).
     */
    @Test
    void textWithoutDeterministicGroupsHasNoRiver() {
        BigramData one = TextBigrams.count("abacabacab", Level.CHARACTER, null, 1, "test");
        assertEquals(List.of(), one.riverGroups());
        assertTrue(one.groupMaxEntropy(0) > BigramData.RIVER_MAX_ENTROPY);
        // Two quantiles of the three tokens sorted by entropy (b 0, c 0, a 0.673): q1 = {b}, a river;
        // q2 = {c, a}, a hill although c is deterministic, with entropy range 0 to H(0.6, 0.4).
        BigramData two = TextBigrams.count("abacabacab", Level.CHARACTER, null, 2, "test");
        assertEquals(List.of(0), two.riverGroups());
        assertEquals(0.0, two.groupMaxEntropy(0));
        assertEquals(0.0, two.groupMinEntropy(1));
        assertEquals(entropy(0.6, 0.4), two.groupMaxEntropy(1), 1e-15); // a: b three times, c twice
        assertEquals("q2 (hill, H 0-0.673)", two.groupLabel(1));
    }
}
