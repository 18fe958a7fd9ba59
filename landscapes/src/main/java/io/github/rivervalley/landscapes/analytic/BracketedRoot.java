package io.github.rivervalley.landscapes.analytic;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/** The root finder of the curved valley's projection and of its arc-length inverse, configured once. */
final class BracketedRoot {

    private static final int MAX_EVALUATIONS = 500;
    // Roots to about one ulp at unit scale; the function-value criterion is unused (0).
    private static final double ROOT_ACCURACY = 1e-15;
    private static final int ORDER = 5;

    private BracketedRoot() {
    }

    /** A root of {@code f} in {@code [lo, hi]}, where {@code f} changes sign. */
    static double of(UnivariateFunction f, double lo, double hi) {
        // A solver counts its evaluations, so each solve gets its own (the valleys are shared across threads).
        return new BracketingNthOrderBrentSolver(ROOT_ACCURACY, ROOT_ACCURACY, 0.0, ORDER)
                .solve(MAX_EVALUATIONS, f, lo, hi, AllowedSolution.ANY_SIDE);
    }
}
