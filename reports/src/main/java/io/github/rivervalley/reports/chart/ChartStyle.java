package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.schedule.Phase;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What every chart shares: strokes, the band renderer, axes, phase markers, column labels and the title
 * block, all styled by {@link RiverValleyTheme}.
 */
public final class ChartStyle {

    /** Height of a report chart in pixels unless a chart needs more (the width is the report's). */
    static final int HEIGHT = 620;
    /** Stroke of a run's first (root) line. */
    static final Stroke MAIN = new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke THIN = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Stroke of the exact expected values (theory columns) drawn over the simulated means. */
    static final Stroke THEORY = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f);
    private static final float[][] DASHES = {{9f, 5f}, {3f, 4f}, {12f, 4f, 3f, 4f}, {6f, 3f, 2f, 3f}};
    /** Band transparency: light enough that overlapping bands stay readable. */
    private static final float BAND_ALPHA = 0.22f;
    /** A long legend sample, so a dashed line's key shows its dashes and cannot read as a minus sign. */
    static final java.awt.Shape LEGEND_LINE = new java.awt.geom.Line2D.Double(-16, 0, 16, 0);
    static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);
    /** The decomposition's columns, in drawing order. */
    static final String[] COMPONENTS = {TraceColumns.LOSS, TraceColumns.RIVER_LOSS, TraceColumns.HILL_EXCESS};

    private ChartStyle() {
    }

    /** Human label of a trace column. */
    static String label(String column) {
        switch (column) {
            case TraceColumns.LOSS:
                return "loss";
            case TraceColumns.RIVER_LOSS:
                return "river loss";
            case TraceColumns.HILL_EXCESS:
                return "hill excess";
            case TraceColumns.RIVER_COORD:
                return "river coordinate";
            case TraceColumns.HILL_DIST:
                return "hill distance";
            case TraceColumns.HILL_DISP:
                return "hill displacement";
            default:
                return column.replace('_', ' ');
        }
    }

    /** Stroke for the {@code k}-th line of a run (0 = solid root line, then dashes). */
    static Stroke stroke(int k) {
        if (k == 0) {
            return MAIN;
        }
        return new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, DASHES[(k - 1) % DASHES.length], 0f);
    }

    /**
     * A series name: {@code name} for a run's first trace (its main line), {@code "name [line]"} for the
     * others (brackets, not a dash that reads as a minus sign).
     */
    static String seriesName(String name, int k, RecordedTrace t) {
        return k == 0 ? name : name + " [" + t.line() + "]";
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, String subtitle) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        RiverValleyTheme.INSTANCE.apply(chart);
        chart.addSubtitle(0, subtitle(subtitle));
        return chart;
    }

    /** A subtitle in the charts' small grey type. */
    static TextTitle subtitle(String text) {
        TextTitle sub = new TextTitle(text, RiverValleyTheme.INSTANCE.getSmallFont());
        sub.setPaint(new Color(0x555555));
        return sub;
    }

    static DeviationRenderer lines() {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        renderer.setLegendLine(LEGEND_LINE);
        renderer.setDefaultSeriesVisibleInLegend(false);
        return renderer;
    }

    static void style(DeviationRenderer renderer, int series, Color color, Stroke stroke, boolean legend) {
        renderer.setSeriesPaint(series, color);
        renderer.setSeriesFillPaint(series, color);
        renderer.setSeriesStroke(series, stroke);
        renderer.setSeriesVisibleInLegend(series, legend);
    }

    static void addPoints(XYPlot plot, int index, XYSeriesCollection data, Color color) {
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, color);
        points.setSeriesShape(0, new Rectangle2D.Double(-5, -5, 10, 10));
        plot.setDataset(index, data);
        plot.setRenderer(index, points);
    }

    static void phaseMarkers(XYPlot plot, Optional<RecordedTrace> trace) {
        if (trace.isEmpty()) {
            return;
        }
        for (Phase p : trace.get().phases()) {
            if (p.kind() == Phase.Kind.DECAY) {
                plot.addDomainMarker(new IntervalMarker(p.start(), p.end(), Palette.translucent(Palette.phase(p.kind()), 22)), Layer.BACKGROUND);
            }
        }
    }

    /** Keeps {@code axis} at or above zero when every y value of {@code data} is (a loss, an excess: no axis below zero). */
    static void noneBelowZero(NumberAxis axis, org.jfree.data.xy.XYDataset data) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                if (data.getYValue(s, i) < 0) {
                    return;
                }
            }
        }
        axis.setRangeType(org.jfree.data.RangeType.POSITIVE);
    }

    static NumberAxis stepAxis() {
        NumberAxis axis = new NumberAxis("step");
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(1e-300);
        // Ticks at whole powers of ten only (JFreeChart's default also picks fractional powers like 6.31E-1).
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        java.text.DecimalFormat format = new java.text.DecimalFormat("0"); // the exponent of the 10^k labels
        for (int k : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
            units.add(new org.jfree.chart.axis.NumberTickUnit(k, format));
        }
        axis.setStandardTickUnits(units);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /**
     * A fitted log axis over the positive values of {@code columns} in {@code traces}, its bottom set by the
     * values after each line's first 2% of steps: a start from near zero (the excess at step 0 and in the
     * first warmup steps) would otherwise spend decades of the axis on a few rows; those early values are
     * clipped at the bottom.
     */
    static LogAxis fittedLogAxis(String label, Iterable<RecordedTrace> traces, Iterable<String> columns) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RecordedTrace t : traces) {
            double skip = t.firstStep() + 0.02 * (t.lastStep() - t.firstStep());
            for (String name : columns) {
                if (!t.has(name)) {
                    continue;
                }
                Column c = t.column(name);
                for (int i = 0; i < c.size(); i++) {
                    double v = c.mean(i);
                    if (v > 0 && Double.isFinite(v)) {
                        hi = Math.max(hi, c.max(i));
                        if (t.step().mean(i) >= skip) {
                            lo = Math.min(lo, v);
                        }
                    }
                }
            }
        }
        return fittedLogAxis(label, lo, hi);
    }

    /**
     * A log axis over {@code [lo, hi]} whose labels fall inside the data: powers of ten over two decades or
     * more, else powers of two written out (256, 512, 1024), so a narrow range still gets several labels.
     */
    static LogAxis fittedLogAxis(String label, double lo, double hi) {
        LogAxis axis = logAxis(label);
        if (lo > 0 && hi > lo) {
            if (hi / lo < 100) {
                axis.setBase(2);
                axis.setBaseSymbol("2");
                axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.######"));
                axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            }
            axis.setRange(lo / 1.3, hi * 1.3);
        }
        return axis;
    }

    /**
     * Shades a warmup, decay or re-warmup phase behind the data (stable phases stay white); the first
     * phase of each kind ({@code labelled} records which) gets its name at the bottom of the plot, where
     * it cannot collide with labels at the top.
     */
    static void shadePhase(XYPlot plot, Phase p, java.util.Set<Phase.Kind> labelled) {
        if (p.kind() == Phase.Kind.STABLE) {
            return;
        }
        IntervalMarker marker = new IntervalMarker(p.start(), p.end(), Palette.translucent(Palette.phase(p.kind()), 38));
        if (labelled.add(p.kind())) {
            marker.setLabel(p.kind().label());
            marker.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            marker.setLabelPaint(Palette.phase(p.kind()).darker());
            marker.setLabelBackgroundColor(LABEL_BACKGROUND);
        }
        plot.addDomainMarker(marker, Layer.BACKGROUND);
    }

    /** A small marker shape, different for consecutive {@code k} (circle, square, diamond, triangle). */
    static java.awt.Shape marker(int k) {
        switch (k % 4) {
            case 0:
                return new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10);
            case 1:
                return new java.awt.geom.Rectangle2D.Double(-4.5, -4.5, 9, 9);
            case 2:
                return new java.awt.Polygon(new int[] {0, 6, 0, -6}, new int[] {-6, 0, 6, 0}, 4);
            default:
                return new java.awt.Polygon(new int[] {0, 6, -6}, new int[] {-6, 5, 5}, 3);
        }
    }

    static Column zeros(RecordedTrace t) {
        return Column.of("zero", new double[t.size()]);
    }

    static List<RecordedTrace> withColumn(RecordedRun run, String column) {
        List<RecordedTrace> out = new ArrayList<>();
        for (RecordedTrace t : run.traces()) {
            if (t.has(column)) {
                out.add(t);
            }
        }
        return out;
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The trace's phases, or one stable phase over the whole line when it has none (a constant rate). */
    static List<Phase> phasesOrStable(RecordedTrace t) {
        return t.phases().isEmpty()
                ? List.of(new Phase(Phase.Kind.STABLE, t.firstStep(), Math.max(t.lastStep(), t.firstStep() + 1)))
                : t.phases();
    }

    /** The grey of line-style legend entries: a key to the dash pattern, not to a colour. */
    static final Color KEY = new Color(0x444444);

    /**
     * Legend entries that key the line styles of a run with several lines: one grey entry per line drawn,
     * in the stroke {@link #stroke(int)} gives its index in {@code traces} ({@code main (solid)}, then
     * {@code branch-1000} dashed, ...), so a dashed line is never left unexplained. Empty for one line.
     */
    static LegendItemCollection lineKey(List<RecordedTrace> traces, java.util.function.Predicate<RecordedTrace> drawn) {
        LegendItemCollection items = new LegendItemCollection();
        List<Integer> shown = new ArrayList<>();
        for (int k = 0; k < traces.size(); k++) {
            if (drawn.test(traces.get(k))) {
                shown.add(k);
            }
        }
        if (shown.size() < 2) {
            return items;
        }
        for (int k : shown) {
            items.add(new LegendItem(traces.get(k).line() + (k == 0 ? " (solid)" : ""), null, null, null, LEGEND_LINE, stroke(k), KEY));
        }
        return items;
    }

    /** Fixes {@code plot}'s legend to its own entries followed by {@code extra}. */
    static void extendLegend(XYPlot plot, LegendItemCollection extra) {
        if (extra.getItemCount() == 0) {
            return;
        }
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(plot.getLegendItems());
        items.addAll(extra);
        plot.setFixedLegendItems(items);
    }

    /** Legend entries for the trajectory charts: one thick line per phase kind, in the phase colours. */
    static LegendItemCollection phaseLegend(Set<Phase.Kind> kinds) {
        LegendItemCollection items = new LegendItemCollection();
        for (Phase.Kind kind : kinds) {
            items.add(new LegendItem(kind.label() + " phase", null, null, null,
                    new Line2D.Double(-8, 0, 8, 0), new BasicStroke(3f), Palette.phase(kind)));
        }
        return items;
    }
}
