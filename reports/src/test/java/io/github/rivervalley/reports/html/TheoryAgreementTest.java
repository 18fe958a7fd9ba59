package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.results.RunSummary;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The agreement cut-off for the largest |z| of a run: Bonferroni at 1%, checked two independent ways. */
class TheoryAgreementTest {

    @Test
    void cutOffIsTheNormalQuantileAtAlphaOverTwiceTheCount() {
        NormalDistribution normal = new NormalDistribution();
        for (long n : new long[] {1, 3, 30, 150, 600, 6000, 600_000}) {
            // independent route: the normal quantile function, P(|Z| > z) = alpha / n
            double expected = normal.inverseCumulativeProbability(1 - TheoryAgreement.ALPHA / (2.0 * n));
            // both are double-precision inversions of the same function; 1e-9 relative is far above their error
            assertEquals(expected, TheoryAgreement.threshold(n), 1e-9 * expected, "n = " + n);
        }
        assertEquals(2.5758293035489, TheoryAgreement.threshold(1), 1e-12, "the textbook two-sided 1% point");
        assertTrue(TheoryAgreement.threshold(600) > 4.0, "600 deviations: a largest |z| of 4.09 agrees");
        assertThrows(IllegalArgumentException.class, () -> TheoryAgreement.threshold(0));
    }

    @Test
    void aMatchingRunIsFlaggedAboutOnePercentOfTheTime() {
        // Independent standard normals are the case Bonferroni is nearly exact for: the flag rate is
        // 1 - (1 - alpha/n)^n, just under alpha. 20,000 simulated runs of 200 rows x 3 columns give the rate
        // with a standard error of sqrt(0.01 * 0.99 / 20000) = 0.0007; 5 SE either side cannot fail by chance.
        SplittableRandom random = new SplittableRandom(20_261_129L);
        int runs = 20_000;
        int values = 600;
        double cut = TheoryAgreement.threshold(values);
        int flagged = 0;
        for (int r = 0; r < runs; r++) {
            double max = 0;
            for (int i = 0; i < values; i++) {
                max = Math.max(max, Math.abs(gaussian(random)));
            }
            flagged += max >= cut ? 1 : 0;
        }
        double exact = 1 - Math.pow(1 - TheoryAgreement.ALPHA / values, values);
        double se = Math.sqrt(exact * (1 - exact) / runs);
        assertEquals(exact, flagged / (double) runs, 5 * se, "flag rate of runs that match theory");
    }

    @Test
    void verdictUsesTheRunsRowCount() {
        RunSummary.TheoryResult few = new RunSummary.TheoryResult(true, null, null, 5L, 3.9, 0.0, "main", 1L, "loss");
        RunSummary.TheoryResult many = new RunSummary.TheoryResult(true, null, null, 200L, 3.9, 0.0, "main", 1L, "loss");
        assertFalse(TheoryAgreement.agrees(few), "15 deviations: cut-off " + TheoryAgreement.threshold(few));
        assertTrue(TheoryAgreement.agrees(many), "600 deviations: cut-off " + TheoryAgreement.threshold(many));
    }

    /** Box-Muller, independent of the library under test. */
    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
