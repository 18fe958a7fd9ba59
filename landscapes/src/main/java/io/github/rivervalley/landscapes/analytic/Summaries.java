package io.github.rivervalley.landscapes.analytic;

import java.util.Arrays;

/** Short text forms of arrays for {@code toString}: never a dump of thousands of numbers. */
final class Summaries {

    private static final int SHOWN = 4;

    private Summaries() {
    }

    /** {@code [1.0, 2.0]} for short arrays, {@code 1000 values in [0.01, 100.0]} for long ones. */
    static String ofValues(double[] values) {
        if (values.length <= SHOWN) {
            return Arrays.toString(values);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return values.length + " values in [" + min + ", " + max + "]";
    }
}
