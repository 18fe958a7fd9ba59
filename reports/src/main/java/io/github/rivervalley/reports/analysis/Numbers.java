package io.github.rivervalley.reports.analysis;

import java.util.Locale;

/** Number formatting for sentences: four significant digits, scientific outside [1e-3, 1e6). */
public final class Numbers {

    private Numbers() {
    }

    public static String text(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(value);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    public static String percent(double share) {
        long whole = Math.round(100 * share);
        return whole + "%"; // rounded first, so a tiny negative share never prints as "-0%"
    }
}
