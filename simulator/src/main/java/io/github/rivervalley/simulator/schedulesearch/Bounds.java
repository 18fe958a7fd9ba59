package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * The constraints of a schedule search, as ratios of {@code peak}: every rate in
 * {@code [floor * peak, peak]}, a fixed linear warmup over the first {@code warmup} steps, and (when
 * {@code nonIncreasing}) no rate above the one before it after the warmup.
 *
 * @param steps the budget (updates on the one line)
 * @param peak the highest allowed rate, > 0
 * @param warmup steps of the fixed linear warmup to the peak, in [0, steps)
 * @param floor lowest allowed rate as a ratio of the peak, in [0, 1]; a piecewise schedule cannot hold a
 *     rate of exactly 0 over a phase, so the search uses at least {@link #MIN_RATIO}
 * @param nonIncreasing whether rates may only fall after the warmup
 */
public record Bounds(long steps, double peak, long warmup, double floor, boolean nonIncreasing) {

    /** The smallest ratio the free-form search uses (a piecewise phase cannot stay at 0). */
    public static final double MIN_RATIO = 1e-6;

    public Bounds {
        Check.positive("steps", steps);
        Check.positive("peak", peak);
        Check.nonNegative("warmup", warmup);
        if (warmup >= steps) {
            throw new InvalidValueException("warmup", warmup, "fewer steps than the budget (" + steps + ")");
        }
        Check.inClosedRange("floor", floor, 0, 1);
    }

    /** The lowest ratio a knot may take. */
    public double lowestRatio() {
        return Math.max(floor, MIN_RATIO);
    }

    /** Whether {@code rates} (one per step) satisfy these bounds, to {@code slack} relative to the peak. */
    public boolean admits(double[] rates, double slack) {
        double lo = floor * peak * (1 - slack);
        double hi = peak * (1 + slack);
        for (int t = (int) warmup; t < rates.length; t++) {
            if (!(rates[t] >= lo && rates[t] <= hi)) {
                return false;
            }
            if (nonIncreasing && t > warmup && rates[t] > rates[t - 1] * (1 + slack)) {
                return false;
            }
        }
        return rates.length == steps;
    }
}
