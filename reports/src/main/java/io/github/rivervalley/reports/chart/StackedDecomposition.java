package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.phaseMarkers;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;

import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.Optional;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The decomposition drawn so that it adds up: the river loss as a line (shaded down to zero when it is
 * non-negative) and the hill excess as the orange area between the river loss and the loss above it, so
 * the loss is visibly river loss plus hill excess. One line is stacked; the run's other lines (branches,
 * per-budget runs) are drawn dashed, their hill excess the gap between their two dashed lines.
 */
final class StackedDecomposition {

    private static final Color HILL_AREA = Palette.translucent(Palette.HILL, 120);
    private static final Color RIVER_AREA = Palette.translucent(Palette.RIVER, 40);

    private static final java.awt.Stroke THEORY = new java.awt.BasicStroke(1.0f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f);

    private StackedDecomposition() {
    }

    /**
     * The y range of a whole-run plot when its start dwarfs the rest ({@link SecondHalfAxis#secondHalfRange}: a
     * bigram loss falling onto its entropy, under which a stack from zero would be all floor), else empty.
     */
    static Optional<double[]> fittedRange(RecordedRun run) {
        return SecondHalfAxis.secondHalfRange(run.traces(), java.util.List.of(TraceColumns.LOSS, TraceColumns.RIVER_LOSS));
    }

    /** The line to stack for a run as a whole ({@link Captions#wholeRunLine}). */
    static Optional<RecordedTrace> stackedLine(RecordedRun run) {
        return Captions.wholeRunLine(run);
    }

    /**
     * The stacked plot of line {@code root} of {@code run} over steps {@code [from, to]}. The y axis starts
     * at zero when {@code fromZero} and the river loss is non-negative (the whole run: areas read as
     * shares), else it fits the data in the window (a zoom: the hill excess may be a thin layer on a large loss).
     */
    static XYPlot plot(RecordedRun run, RecordedTrace root, double from, double to, boolean fromZero) {
        return plot(run, root, from, to, fromZero, true);
    }

    /**
     * As {@link #plot(RecordedRun, RecordedTrace, double, double, boolean)}; with {@code nameLines} false the
     * other lines share one dash pattern and one legend entry (small multiples, whose runs have different lines).
     */
    static XYPlot plot(RecordedRun run, RecordedTrace root, double from, double to, boolean fromZero, boolean nameLines) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(stepAxis());
        NumberAxis range = new NumberAxis("loss");
        plot.setRangeAxis(range);
        double[] bounds = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

        // Dataset 0 (drawn last, on top): the other lines, dashed.
        XYSeriesCollection others = new XYSeriesCollection();
        XYLineAndShapeRenderer otherRenderer = new XYLineAndShapeRenderer(true, false);
        // One path per series: drawn segment by segment, a dash pattern restarts at every point and a dense line looks solid.
        otherRenderer.setDrawSeriesLineAsPath(true);
        // Each other line in its own dash pattern (1, 2, ... in run order), keyed in the legend by its name.
        LegendItemCollection lineKey = new LegendItemCollection();
        int j = 0;
        for (RecordedTrace t : run.traces()) {
            if (t == root || !(t.has(TraceColumns.LOSS) || t.has(TraceColumns.RIVER_LOSS))) {
                continue;
            }
            j = nameLines ? j + 1 : 1;
            boolean inWindow = false;
            for (String column : new String[] {TraceColumns.LOSS, TraceColumns.RIVER_LOSS}) {
                if (t.has(column)) {
                    XYSeries drawn = series(t.line() + " " + column, t, column, from, to, bounds);
                    inWindow |= drawn.getItemCount() > 0;
                    others.addSeries(drawn);
                    int s = others.getSeriesCount() - 1;
                    otherRenderer.setSeriesPaint(s, Palette.component(column));
                    otherRenderer.setSeriesStroke(s, stroke(j));
                }
            }
            if (inWindow && (nameLines || lineKey.getItemCount() == 0)) {
                lineKey.add(line(nameLines ? t.line() : "other lines (dashed)", ChartStyle.KEY, stroke(j)));
            }
        }
        // The exact expected values, where the run has them: thin dashed over every line.
        boolean theory = false;
        for (RecordedTrace t : run.traces()) {
            for (String column : new String[] {TraceColumns.LOSS, TraceColumns.RIVER_LOSS}) {
                String exact = "theory_" + column;
                if (t.has(exact)) {
                    others.addSeries(series(t.line() + " " + column.replace('_', ' ') + " (theory)", t, exact, from, to, bounds));
                    int s = others.getSeriesCount() - 1;
                    otherRenderer.setSeriesPaint(s, Palette.component(column));
                    otherRenderer.setSeriesStroke(s, THEORY);
                    theory = true;
                }
            }
        }
        plot.setDataset(0, others);
        plot.setRenderer(0, otherRenderer);

        // Dataset 1: loss over river loss, the gap filled: the hill excess.
        XYSeriesCollection stack = new XYSeriesCollection();
        stack.addSeries(series("loss", root, TraceColumns.LOSS, from, to, bounds));
        stack.addSeries(series("river loss", root, TraceColumns.RIVER_LOSS, from, to, bounds));
        XYDifferenceRenderer hill = new XYDifferenceRenderer(HILL_AREA, HILL_AREA, false);
        hill.setSeriesPaint(0, Palette.LOSS);
        hill.setSeriesStroke(0, stroke(0));
        hill.setSeriesPaint(1, Palette.RIVER);
        hill.setSeriesStroke(1, stroke(0));
        plot.setDataset(1, stack);
        plot.setRenderer(1, hill);

        // Dataset 2 (drawn first): river loss over zero, shaded, when the river loss is non-negative.
        boolean nonNegative = bounds[0] >= 0;
        if (nonNegative) {
            XYSeriesCollection river = new XYSeriesCollection();
            river.addSeries(series("river area", root, TraceColumns.RIVER_LOSS, from, to, new double[2]));
            XYSeries zero = new XYSeries("zero", true, true);
            zero.add(from, 0.0);
            zero.add(to, 0.0);
            river.addSeries(zero);
            XYDifferenceRenderer area = new XYDifferenceRenderer(RIVER_AREA, RIVER_AREA, false);
            area.setSeriesPaint(0, Palette.RIVER);
            area.setSeriesStroke(0, stroke(0)); // under the river-loss line, in its style
            area.setSeriesPaint(1, new Color(0, 0, 0, 0));
            plot.setDataset(2, river);
            plot.setRenderer(2, area);
        }
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        double pad = 0.04 * (bounds[1] - bounds[0]);
        Optional<double[]> fitted = fromZero ? fittedRange(run) : Optional.empty();
        if (fitted.isPresent()) {
            range.setRange(fitted.get()[0], fitted.get()[1]);
        } else {
            range.setRange(nonNegative && fromZero ? 0 : bounds[0] - pad, bounds[1] + pad);
        }
        plot.getDomainAxis().setRange(from, to);
        phaseMarkers(plot, Optional.of(root));
        plot.setFixedLegendItems(legend(root, lineKey, nameLines, nonNegative, theory));
        return plot;
    }

    private static LegendItemCollection legend(RecordedTrace root, LegendItemCollection lineKey, boolean nameLines, boolean riverArea,
            boolean theory) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(line("loss", Palette.LOSS, stroke(0)));
        items.add(line("river loss" + (riverArea ? " (blue area)" : ""), Palette.RIVER, stroke(0)));
        LegendItem hill = new LegendItem("hill excess = loss \u2212 river loss (orange area)", null, null, null,
                new Rectangle(-7, -7, 14, 14), HILL_AREA);
        items.add(hill);
        if (lineKey.getItemCount() > 0) {
            items.add(line(nameLines ? root.line() + " (solid, stacked)" : "stacked line (solid)", ChartStyle.KEY, stroke(0)));
            items.addAll(lineKey);
        }
        if (theory) {
            items.add(line("exact expected values (theory)", ChartStyle.KEY, THEORY));
        }
        return items;
    }

    private static LegendItem line(String label, Color color, java.awt.Stroke stroke) {
        return new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-10, 0, 10, 0), stroke, color);
    }

    /** Bucket means of {@code column} over {@code [from, to]}; widens {@code bounds} to their range. */
    private static XYSeries series(String key, RecordedTrace t, String column, double from, double to, double[] bounds) {
        XYSeries s = new XYSeries(key, true, true);
        Column x = t.step();
        Column y = t.column(column);
        for (int i = 0; i < x.size(); i++) {
            double xi = x.mean(i);
            double yi = y.mean(i);
            if (xi >= from && xi <= to && Double.isFinite(yi)) {
                s.add(xi, yi);
                bounds[0] = Math.min(bounds[0], yi);
                bounds[1] = Math.max(bounds[1], yi);
            }
        }
        return s;
    }

}
