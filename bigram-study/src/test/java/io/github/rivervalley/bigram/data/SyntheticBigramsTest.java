package io.github.rivervalley.bigram.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class SyntheticBigramsTest {

    /** Entropy sums of at most k terms: a few ulps of log k per term. */
    private static final double ENTROPY_TOLERANCE = 1e-12;

    private static final List<SyntheticGroup> PAPER_LIKE = List.of(
            SyntheticGroup.deterministic(0.5),
            SyntheticGroup.uniform(0.125, 2),
            SyntheticGroup.uniform(0.125, 4),
            SyntheticGroup.uniform(0.125, 8),
            SyntheticGroup.uniform(0.125, 16));

    @Test
    void entropiesMatchClosedFormsAndGroupSizesFollowShares() {
        BigramData data = SyntheticBigrams.generate(256, Frequencies.UNIFORM, 0, PAPER_LIKE, 7);
        assertEquals(List.of("det", "k2", "k4", "k8", "k16"), data.groupNames());
        int[] expectedSize = {128, 32, 32, 32, 32};
        int[] k = {1, 2, 4, 8, 16};
        for (int g = 0; g < 5; g++) {
            assertEquals(expectedSize[g], data.groupSize(g));
        }
        double expectedLowerBound = 0.0;
        for (int i = 0; i < 256; i++) {
            int g = data.groupOf(i);
            assertEquals(k[g], data.successorCount(i));
            double expected = Math.log(k[g]);
            assertEquals(expected, data.entropy(i), ENTROPY_TOLERANCE);
            assertEquals(1.0 / 256, data.frequency(i), 0.0);
            // successors distinct and sorted, probabilities 1/k
            for (int e = data.rowStart(i); e < data.rowStart(i + 1); e++) {
                assertEquals(1.0 / k[g], data.probabilityAt(e), 1e-15);
                if (e > data.rowStart(i)) {
                    assertTrue(data.successorAt(e) > data.successorAt(e - 1));
                }
            }
            expectedLowerBound += expected / 256;
        }
        // closed form: the mean entropy over groups weighted by share
        double closed = 0.125 * (Math.log(2) + Math.log(4) + Math.log(8) + Math.log(16));
        assertEquals(closed, data.lowerBound(), 1e-12);
        assertEquals(expectedLowerBound, data.lowerBound(), 1e-12);
        assertTrue(data.isRiverGroup(0));
        for (int g = 1; g < 5; g++) {
            assertFalse(data.isRiverGroup(g));
        }
    }

    @Test
    void paperLikeFactoryIsTheExampleDataset() {
        BigramData a = SyntheticBigrams.paperLike(256, 7);
        BigramData b = SyntheticBigrams.generate(256, Frequencies.UNIFORM, 0, PAPER_LIKE, 7);
        assertEquals(b.groupNames(), a.groupNames());
        assertEquals(b.lowerBound(), a.lowerBound(), 0.0);
        for (int i = 0; i < 256; i++) {
            assertEquals(b.groupOf(i), a.groupOf(i));
            assertEquals(b.mostLikelySuccessor(i), a.mostLikelySuccessor(i));
        }
        assertField("vocabulary", () -> SyntheticBigrams.paperLike(12, 1));
    }

    @Test
    void zipfFrequenciesFollowThePowerLaw() {
        BigramData data = SyntheticBigrams.generate(100, Frequencies.ZIPF, 1.2, List.of(SyntheticGroup.deterministic(1.0)), 1);
        double h = 0.0;
        for (int i = 1; i <= 100; i++) {
            h += Math.pow(i, -1.2);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(Math.pow(i + 1, -1.2) / h, data.frequency(i), 1e-15);
        }
        assertEquals(0.0, data.lowerBound(), 0.0);
    }

    @Test
    void dirichletRowsAreDistributionsOnKSuccessors() {
        BigramData data = SyntheticBigrams.generate(64, Frequencies.UNIFORM, 0,
                List.of(SyntheticGroup.dirichlet(0.5, 8, 0.5), SyntheticGroup.dirichlet(0.5, 8, 50.0)), 3);
        double meanSmallAlpha = 0.0;
        double meanLargeAlpha = 0.0;
        for (int i = 0; i < 64; i++) {
            double sum = 0.0;
            double h = 0.0;
            for (int e = data.rowStart(i); e < data.rowStart(i + 1); e++) {
                sum += data.probabilityAt(e);
                h -= data.probabilityAt(e) * Math.log(data.probabilityAt(e));
            }
            assertEquals(1.0, sum, 1e-12);
            assertEquals(h, data.entropy(i), 1e-15);
            assertTrue(data.entropy(i) <= Math.log(8) + ENTROPY_TOLERANCE);
            if (data.groupOf(i) == 0) {
                meanSmallAlpha += data.entropy(i) / 32;
            } else {
                meanLargeAlpha += data.entropy(i) / 32;
            }
        }
        // Expected entropy of Dirichlet(alpha) on k: psi(k alpha + 1) - psi(alpha + 1): about 1.28 for alpha
        // 0.5 and 2.07 for alpha 50 (log 8 = 2.079); 32 rows separate them by many standard deviations.
        assertTrue(meanSmallAlpha < 1.6, "alpha 0.5 mean entropy " + meanSmallAlpha);
        assertTrue(meanLargeAlpha > 2.0, "alpha 50 mean entropy " + meanLargeAlpha);
        assertEquals(List.of("dir8", "dir8_2"), data.groupNames());
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        BigramData a = SyntheticBigrams.generate(128, Frequencies.ZIPF, 1.0, PAPER_LIKE, 11);
        BigramData b = SyntheticBigrams.generate(128, Frequencies.ZIPF, 1.0, PAPER_LIKE, 11);
        BigramData c = SyntheticBigrams.generate(128, Frequencies.ZIPF, 1.0, PAPER_LIKE, 12);
        int[] ga = new int[128];
        int[] gb = new int[128];
        int[] gc = new int[128];
        for (int i = 0; i < 128; i++) {
            ga[i] = a.groupOf(i);
            gb[i] = b.groupOf(i);
            gc[i] = c.groupOf(i);
            assertEquals(a.mostLikelySuccessor(i), b.mostLikelySuccessor(i));
        }
        assertArrayEquals(ga, gb);
        assertFalse(java.util.Arrays.equals(ga, gc));
        assertEquals(a.lowerBound(), b.lowerBound(), 0.0);
        assertNotEquals(a.toString(), "");
    }

    @Test
    void largeVocabularyIsStoredSparsely() {
        BigramData data = SyntheticBigrams.generate(16384, Frequencies.ZIPF, 1.0, PAPER_LIKE, 5);
        assertEquals(16384, data.vocabularySize());
        assertEquals(8192 * 1 + 2048 * (2 + 4 + 8 + 16), data.rowStart(16384) );
    }

    @Test
    void aliasSamplingFollowsTheDistributions() {
        BigramData data = SyntheticBigrams.generate(20, Frequencies.ZIPF, 1.0,
                List.of(SyntheticGroup.dirichlet(1.0, 5, 1.0)), 9);
        SplittableRandom random = new SplittableRandom(1);
        int n = 200_000;
        long[] tokenCounts = new long[20];
        long[] successorCounts = new long[20];
        int probe = 0;
        for (int s = 0; s < n; s++) {
            tokenCounts[data.sampleToken(random)]++;
            successorCounts[data.sampleSuccessor(probe, random)]++;
        }
        // Pearson chi-square; a p-value below 1e-6 would flag a wrong sampler (the seed is fixed, so this
        // threshold only decides whether the implementation is right).
        double tokenChi = 0.0;
        for (int i = 0; i < 20; i++) {
            double expected = n * data.frequency(i);
            tokenChi += (tokenCounts[i] - expected) * (tokenCounts[i] - expected) / expected;
        }
        assertTrue(tokenChi < new ChiSquaredDistribution(19).inverseCumulativeProbability(1 - 1e-6), "chi2 " + tokenChi);
        double rowChi = 0.0;
        for (int j = 0; j < 20; j++) {
            double expected = n * data.probability(probe, j);
            if (expected == 0) {
                assertEquals(0, successorCounts[j]);
            } else {
                rowChi += (successorCounts[j] - expected) * (successorCounts[j] - expected) / expected;
            }
        }
        assertTrue(rowChi < new ChiSquaredDistribution(4).inverseCumulativeProbability(1 - 1e-6), "chi2 " + rowChi);
    }

    @Test
    void badDataIsRejectedNamingTheField() {
        assertField("vocabulary", () -> SyntheticBigrams.generate(1, Frequencies.UNIFORM, 0, PAPER_LIKE, 1));
        assertField("groups.share", () -> SyntheticBigrams.generate(16, Frequencies.UNIFORM, 0,
                List.of(SyntheticGroup.deterministic(0.5), SyntheticGroup.uniform(0.4, 2)), 1));
        assertField("groups[1].successors", () -> SyntheticBigrams.generate(8, Frequencies.UNIFORM, 0,
                List.of(SyntheticGroup.deterministic(0.5), SyntheticGroup.uniform(0.5, 9)), 1));
        assertField("groups[0].share", () -> SyntheticBigrams.generate(8, Frequencies.UNIFORM, 0,
                List.of(SyntheticGroup.deterministic(0.01), SyntheticGroup.uniform(0.99, 2)), 1));
        assertField("groups", () -> SyntheticBigrams.generate(8, Frequencies.UNIFORM, 0, List.of(), 1));
        assertField("zipfExponent", () -> SyntheticBigrams.generate(8, Frequencies.ZIPF, -1, PAPER_LIKE, 1));
        assertField("successors", () -> new SyntheticGroup(null, 0.5, Uncertainty.UNIFORM, 1, null));
        assertField("successors", () -> new SyntheticGroup(null, 0.5, Uncertainty.UNIFORM, null, null));
        assertField("alpha", () -> new SyntheticGroup(null, 0.5, Uncertainty.DIRICHLET, 3, 0.0));
        assertField("alpha", () -> new SyntheticGroup(null, 0.5, Uncertainty.UNIFORM, 3, 1.0));
        assertField("share", () -> new SyntheticGroup(null, 1.5, Uncertainty.DETERMINISTIC, null, null));
        assertField("groups[1].name", () -> SyntheticBigrams.generate(8, Frequencies.UNIFORM, 0,
                List.of(new SyntheticGroup("a", 0.5, Uncertainty.DETERMINISTIC, null, null),
                        new SyntheticGroup("a", 0.5, Uncertainty.DETERMINISTIC, null, null)), 1));
        assertField("groups[0].name", () -> SyntheticBigrams.generate(8, Frequencies.UNIFORM, 0,
                List.of(new SyntheticGroup("bad name", 1.0, Uncertainty.DETERMINISTIC, null, null)), 1));
    }

    static void assertField(String field, org.junit.jupiter.api.function.Executable action) {
        InvalidValueException e = assertThrows(InvalidValueException.class, action);
        assertEquals(field, e.field(), e.getMessage());
    }
}
