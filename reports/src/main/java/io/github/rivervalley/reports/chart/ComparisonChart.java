package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.capitalized;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.label;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.seriesName;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.style;

import io.github.rivervalley.reports.analysis.SeedGroup;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;
import java.util.Optional;
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
        // Seeds of one schedule share its colour, marker and legend entry (labelled with what sets the schedule apart).
        List<SeedGroup> groups = SeedGroup.sorted(SeedGroup.of(runs));
        List<Color> colours = RunColours.ofGroups(groups);
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        XYSeriesCollection ends = new XYSeriesCollection();
        XYLineAndShapeRenderer endRenderer = new XYLineAndShapeRenderer(false, true);
        int series = 0;
        boolean others = false;
        double lowest = Double.POSITIVE_INFINITY;
        for (int g = 0; g < groups.size(); g++) {
            SeedGroup group = groups.get(g);
            boolean listed = false;
            for (RecordedRun run : group.runs()) {
                for (int k = 0; k < run.traces().size(); k++) {
                    RecordedTrace t = run.traces().get(k);
                    if (!t.has(column)) {
                        continue;
                    }
                    data.add(seriesName(run.name(), k, t), t.step(), t.column(column), null, 0);
                    style(renderer, series++, colours.get(g), k == 0 ? ROOT : OTHER, false);
                    others |= k > 0;
                    lowest = Math.min(lowest, t.column(column).lowest());
                    // A marker at the end of every line: a line hidden under another still shows where it ends.
                    XYSeries end = new XYSeries(run.name() + " end " + k, false, true);
                    end.add(t.lastStep(), t.last(column));
                    ends.addSeries(end);
                    int e = ends.getSeriesCount() - 1;
                    endRenderer.setSeriesPaint(e, colours.get(g));
                    endRenderer.setSeriesShape(e, ChartStyle.marker(g));
                    endRenderer.setSeriesVisibleInLegend(e, false);
                    if (!listed) {
                        legend.add(new org.jfree.chart.LegendItem(group.label() + (group.runs().size() > 1 ? " (" + group.runs().size() + " seeds)" : ""),
                                null, null, null, ChartStyle.LEGEND_LINE, ROOT, colours.get(g)));
                        listed = true;
                    }
                }
            }
        }
        ValueAxis axis;
        Optional<double[]> fitted = Optional.empty();
        if (log) {
            axis = ChartStyle.fittedLogAxis(label(column) + " (log scale)", runs.stream().flatMap(r -> r.traces().stream()).toList(), List.of(column));
        } else {
            NumberAxis linear = new NumberAxis(label(column));
            if (lowest >= 0) {
                linear.setRangeType(org.jfree.data.RangeType.POSITIVE); // a non-negative quantity: no axis below zero
            }
            fitted = SecondHalfAxis.secondHalfRange(runs.stream().flatMap(r -> r.traces().stream()).toList(), List.of(column));
            boolean nonNegative = lowest >= 0;
            fitted.ifPresent(r -> linear.setRange(nonNegative ? Math.max(0, r[0]) : r[0], r[1]));
            axis = linear;
        }
        XYPlot plot = new XYPlot(data, stepAxis(), axis, renderer);
        plot.setDataset(1, ends);
        plot.setRenderer(1, endRenderer);
        if (others) {
            legend.add(new org.jfree.chart.LegendItem("a run's other lines (thin dotted)", null, null, null, ChartStyle.LEGEND_LINE, OTHER, ChartStyle.KEY));
        }
        plot.setFixedLegendItems(legend);
        boolean byRun = groups.stream().map(SeedGroup::family).distinct().count() < groups.size();
        boolean seeds = groups.stream().anyMatch(g -> g.runs().size() > 1);
        return chart(capitalized(label(column)) + " of every run", plot,
                (byRun ? "colour: schedule (several share a family)" : "colour: schedule family") + (seeds ? ", its seeds alike" : "")
                        + (others ? "; thin dotted: a run's other lines (branches, per-budget runs)" : "")
                        + "; marker: where each line ends; band: min-max per bucket"
                        + (log ? "; values \u2264 0 not shown, the first 2% of steps may fall below the axis" : "")
                        + fitted.map(r -> String.format(java.util.Locale.ROOT, "; y axis fitted to the second half of the steps, the start (up to %.3g) is cut off",
                                r[2])).orElse(""));
    }

    private static final Stroke ROOT = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Every non-root line of a run: thin and dotted, a style no run's own line has. */
    private static final Stroke OTHER = new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1.5f, 3.5f}, 0f);
}
