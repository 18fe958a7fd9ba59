package io.github.rivervalley.reports.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

/**
 * Axes of learning rates, with one number format on every chart that plots a rate: {@code 0}, then plain
 * decimals from 0.001 up ({@code 0.0015}, {@code 0.1}, {@code 8}) and {@code 3e-4}, {@code 2.5e-5} below,
 * never JFreeChart's {@code 3E-4} or {@code 0E0}. A linear axis picks the style per tick size, so one axis
 * never mixes {@code 5e-4} with {@code 0.001}.
 */
public final class RateAxes {

    /** Below this, rates are written in {@code e} notation. */
    static final double SMALLEST_PLAIN = 1e-3;
    private static final MathContext DIGITS = new MathContext(10);

    private RateAxes() {
    }

    /** A rate as a tick label: plain from {@value #SMALLEST_PLAIN} up (and below 1e6), else {@code m e k}. */
    public static String text(double value) {
        double magnitude = Math.abs(value);
        return text(value, magnitude != 0 && (magnitude < SMALLEST_PLAIN || magnitude >= 1e6));
    }

    /**
     * {@code value} plain ({@code 0.0015}) or in e notation ({@code 1.5e-3}), to 10 significant digits
     * (which hides the binary noise of tick arithmetic: 3 x 1e-4 is 3.0000000000000003e-4); 0 is {@code 0}.
     */
    static String text(double value, boolean scientific) {
        if (value == 0) {
            return "0";
        }
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        if (!scientific) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }

    /** A linear learning-rate axis from zero whose ticks read {@code 0, 5e-4, 1e-3} or {@code 0, 0.002, 0.004}. */
    public static NumberAxis linear(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(tickUnits());
        return axis;
    }

    /**
     * A logarithmic learning-rate axis (sweeps) with ticks at 1, 2 and 5 times the powers of ten inside its
     * range (also 1.5, 3 and 7 when that gives fewer than three), in one style ({@link #text(double, boolean)}):
     * JFreeChart's own log ticks fall on fractional powers (0.02511886432).
     */
    public static LogAxis log(String label) {
        LogAxis axis = new LogAxis(label) {
            private static final long serialVersionUID = 1L;

            @Override
            public java.util.List<org.jfree.chart.axis.ValueTick> refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state,
                    java.awt.geom.Rectangle2D dataArea, org.jfree.chart.ui.RectangleEdge edge) {
                boolean vertical = org.jfree.chart.ui.RectangleEdge.isLeftOrRight(edge);
                java.util.List<org.jfree.chart.axis.ValueTick> ticks = new java.util.ArrayList<>();
                java.util.List<Double> values = ticks(getLowerBound(), getUpperBound());
                // One style per axis, as on linear axes: e notation throughout once any tick needs it.
                boolean scientific = values.stream().anyMatch(v -> v < SMALLEST_PLAIN || v >= 1e6);
                for (double v : values) {
                    ticks.add(new org.jfree.chart.axis.NumberTick(v, text(v, scientific),
                            vertical ? org.jfree.chart.ui.TextAnchor.CENTER_RIGHT : org.jfree.chart.ui.TextAnchor.TOP_CENTER,
                            org.jfree.chart.ui.TextAnchor.CENTER, 0.0));
                }
                return ticks;
            }
        };
        axis.setNumberFormatOverride(new Format(null));
        return axis;
    }

    /** The tick values of {@link #log} over {@code [lo, hi]}, increasing. */
    static java.util.List<Double> ticks(double lo, double hi) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        if (!(lo > 0) || !(hi > lo)) {
            return out;
        }
        for (String[] mantissas : new String[][] {{"1", "2", "5"}, {"1", "1.5", "2", "3", "5", "7"}}) {
            out.clear();
            for (int k = (int) Math.floor(Math.log10(lo)) - 1; k <= (int) Math.ceil(Math.log10(hi)); k++) {
                for (String m : mantissas) {
                    double v = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                    if (v >= lo && v <= hi) {
                        out.add(v);
                    }
                }
            }
            if (out.size() >= 3) {
                break;
            }
        }
        return out;
    }

    /** Tick sizes 1, 2, 2.5 and 5 times the powers of ten from 1e-12 to 1e6, each with its style. */
    static TickUnits tickUnits() {
        TickUnits units = new TickUnits();
        for (int k = -12; k <= 6; k++) {
            for (String m : new String[] {"1", "2", "2.5", "5"}) {
                double size = new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
                units.add(new NumberTickUnit(size, new Format(size < SMALLEST_PLAIN)));
            }
        }
        return units;
    }

    /** {@link RateAxes#text} as a {@link NumberFormat}: one style for every value, or per value when {@code scientific} is null. */
    static final class Format extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final Boolean scientific;

        Format(Boolean scientific) {
            this.scientific = scientific;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(scientific == null ? text(number) : text(number, scientific));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }
}
