package io.github.rivervalley.reports.analysis;

import java.util.List;
import java.util.Locale;

/**
 * A mean with its standard error.
 *
 * @param mean the mean
 * @param se its standard error: over seeds when {@code seeds > 1} (sample standard deviation over
 *     {@code sqrt(n)}), else the replica standard error the run recorded (NaN when it has none)
 * @param seeds how many runs (seeds) the mean is over
 */
public record Estimate(double mean, double se, int seeds) {

    /** The estimate from per-seed values and, for a single seed, its recorded replica SE. */
    public static Estimate of(List<Double> values, double singleSeedSe) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, singleSeedSe, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Estimate(mean, Math.sqrt(squares / (n - 1) / n), n);
    }

    /** Standard error of {@code this - other} for independent estimates (NaN when either SE is unknown). */
    public double seOfDifference(Estimate other) {
        return Math.sqrt(se * se + other.se * other.se);
    }

    /**
     * {@code 0.24430 ± 0.00051}: the SE to two significant digits and the mean to the same decimal place;
     * without a known, positive SE the mean to four significant digits.
     */
    public String text() {
        if (!(se > 0) || !Double.isFinite(se) || !Double.isFinite(mean)) {
            return Numbers.text(mean);
        }
        int decimals = (int) Math.max(0, 1 - Math.floor(Math.log10(se)));
        if (decimals > 12 || Math.abs(mean) >= 1e6) {
            return Numbers.text(mean) + " \u00b1 " + Numbers.text(se);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f \u00b1 %." + decimals + "f", mean, se);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Estimate[%s, %d seed%s]", text(), seeds, seeds == 1 ? "" : "s");
    }
}
