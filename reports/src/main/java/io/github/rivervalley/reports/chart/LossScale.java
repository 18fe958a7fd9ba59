package io.github.rivervalley.reports.chart;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/** Loss to colour: dark blue (low) through green to yellow (high), grey for missing or diverged. */
final class LossScale implements PaintScale {
    private static final Color[] STOPS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21908C),
        new Color(0x5DC963), new Color(0xFDE725)};
    private static final Color MISSING = new Color(0xBBBBBB);
    private final double lower;
    private final double upper;

    LossScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) t);
        double f = t - i;
        return mix(STOPS[i], STOPS[i + 1], f);
    }

    /** The colour a fraction {@code t} of the way from {@code a} to {@code b}, each channel rounded. */
    static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
