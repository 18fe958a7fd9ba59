package io.github.rivervalley.reports.chart;

/**
 * The least and greatest finite values of a series, NaN and infinities (missing or diverged values) left
 * out; {@code min > max} (infinities) when no value is finite.
 *
 * @param min the least finite value, or +infinity
 * @param max the greatest finite value, or -infinity
 */
public record FiniteRange(double min, double max) {

    /** The range of the finite values in {@code values}. */
    public static FiniteRange of(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new FiniteRange(min, max);
    }
}
