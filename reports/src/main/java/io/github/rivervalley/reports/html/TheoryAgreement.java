package io.github.rivervalley.reports.html;

import io.github.rivervalley.simulator.results.RunSummary;
import org.hipparchus.special.Erf;

/**
 * When a run's largest |z| against the exact theory counts as agreement. The largest of many |z| grows with
 * their number (over 600 values one above 4 is common), so a fixed cut-off flags long, well-sampled runs by
 * chance. The cut-off is Bonferroni's: with {@code n} standardised deviations (three columns per compared
 * row), agreement is {@code max |z| < z*(n)} where {@code P(|Z| > z*) = ALPHA / n} for a standard normal
 * {@code Z}, so a run that matches theory is flagged with probability at most {@code ALPHA}. Rows are
 * correlated (they share replicas), which only makes the bound more conservative.
 */
final class TheoryAgreement {

    /** The chance that a run whose simulation matches theory is flagged anyway (family-wise, at most). */
    static final double ALPHA = 0.01;

    /** Deviations compared per row: loss, river loss and hill excess. */
    static final int COLUMNS = 3;

    private TheoryAgreement() {
    }

    /** The cut-off {@code z*} for {@code values} standardised deviations: {@code sqrt(2) erfcInv(ALPHA / values)}. */
    static double threshold(long values) {
        if (values < 1) {
            throw new IllegalArgumentException("values: " + values + " is not allowed; expected at least 1");
        }
        return Math.sqrt(2) * Erf.erfcInv(ALPHA / values);
    }

    /** The cut-off for a run's theory block (its compared rows times {@link #COLUMNS}). */
    static double threshold(RunSummary.TheoryResult theory) {
        return threshold(Math.max(1L, theory.rows()) * COLUMNS);
    }

    /** Whether the run agrees with theory: its largest |z| below its cut-off. */
    static boolean agrees(RunSummary.TheoryResult theory) {
        return theory.maxAbsZ() < threshold(theory);
    }
}
