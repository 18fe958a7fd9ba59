package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.capitalized;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.label;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.seriesName;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.style;

import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** One column (loss or river loss) of every line of several runs, overlaid; colour = schedule family, or run when runs share a family. */
public final class ComparisonChart implements RunsChart {

    private final String column;
    private final String name;
    private final Function<List<RecordedRun>, String> caption;
    private final boolean log;

    /** The comparison of trace column {@code column}, saved as {@code name}, captioned by {@code caption} (computed from the runs). */
    public ComparisonChart(String column, String name, Function<List<RecordedRun>, String> caption) {
        this(column, name, caption, false);
    }

    private ComparisonChart(String column, String name, Function<List<RecordedRun>, String> caption, boolean log) {
        this.column = column;
        this.name = name;
        this.caption = caption;
        this.log = log;
    }

    /**
     * The same on a log axis fitted to the values after the first 2% of steps: for a quantity that falls by
     * orders of magnitude (an excess), whose start would otherwise flatten everything after it onto zero.
     */
    public ComparisonChart onLogAxis() {
        return new ComparisonChart(column, name, caption, true);
    }

    /** The comparison of {@code column} under its own name (for charts outside the report). */
    public static ComparisonChart of(String column) {
        return new ComparisonChart(column, "compare-" + column.replace('_', '-'), runs -> capitalized(label(column)) + " of every run.");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String caption(List<RecordedRun> runs) {
        return caption.apply(runs);
    }

    @Override
    public JFreeChart draw(List<RecordedRun> runs) {
        TraceDataset data = new TraceDataset(false);
        DeviationRenderer renderer = lines();
        List<Color> colours = RunColours.of(runs);
        XYSeriesCollection ends = new XYSeriesCollection();
        XYLineAndShapeRenderer endRenderer = new XYLineAndShapeRenderer(false, true);
        int series = 0;
        boolean others = false;
        double lowest = Double.POSITIVE_INFINITY;
        for (int r = 0; r < runs.size(); r++) {
            RecordedRun run = runs.get(r);
            for (int k = 0; k < run.traces().size(); k++) {
                RecordedTrace t = run.traces().get(k);
                if (!t.has(column)) {
                    continue;
                }
                data.add(seriesName(run.name(), k, t), t.step(), t.column(column), null, 0);
                style(renderer, series++, colours.get(r), k == 0 ? ROOT : OTHER, k == 0);
                others |= k > 0;
                lowest = Math.min(lowest, t.column(column).lowest());
                // A marker at the end of every line: a line hidden under another still shows where it ends.
                XYSeries end = new XYSeries(run.name() + " end " + k, false, true);
                end.add(t.lastStep(), t.last(column));
                ends.addSeries(end);
                int e = ends.getSeriesCount() - 1;
                endRenderer.setSeriesPaint(e, colours.get(r));
                endRenderer.setSeriesShape(e, ChartStyle.marker(r));
                endRenderer.setSeriesVisibleInLegend(e, false);
            }
        }
        ValueAxis axis;
        if (log) {
            axis = ChartStyle.fittedLogAxis(label(column) + " (log scale)", runs.stream().flatMap(r -> r.traces().stream()).toList(), List.of(column));
        } else {
            NumberAxis linear = new NumberAxis(label(column));
            if (lowest >= 0) {
                linear.setRangeType(org.jfree.data.RangeType.POSITIVE); // a non-negative quantity: no axis below zero
            }
            axis = linear;
        }
        XYPlot plot = new XYPlot(data, stepAxis(), axis, renderer);
        plot.setDataset(1, ends);
        plot.setRenderer(1, endRenderer);
        boolean byRun = RunColours.byRun(runs);
        return chart(capitalized(label(column)) + " of every run", plot,
                (byRun ? "colour: run (runs share a schedule family)" : "colour: schedule family")
                        + (others ? "; thin dotted: a run's other lines (branches, per-budget runs)" : "")
                        + "; marker: where each line ends; band: min-max per bucket"
                        + (log ? "; values \u2264 0 not shown, the first 2% of steps may fall below the axis" : ""));
    }

    private static final Stroke ROOT = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Every non-root line of a run: thin and dotted, a style no run's own line has. */
    private static final Stroke OTHER = new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1.5f, 3.5f}, 0f);
}
