package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.COMPONENTS;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.label;

import io.github.rivervalley.reports.analysis.Estimate;
import io.github.rivervalley.reports.analysis.SeedGroup;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Loss, river loss and hill excess at each checkpoint against the compute spent to reach it: one line per
 * schedule, its points the mean over seeds ({@link SeedGroup}, the numbers of the "What to conclude" box)
 * with bars of {@link #BAR_SE} standard errors over seeds (one seed: of the loss over replicas).
 */
public final class BudgetFrontierChart implements RunsChart {

    /** Half-length of a bar, in standard errors (about a 95% interval). */
    static final double BAR_SE = 2.0;

    @Override
    public String name() {
        return "budget-frontier";
    }

    @Override
    public String caption(List<RecordedRun> runs) {
        boolean seeds = SeedGroup.of(runs).stream().anyMatch(g -> g.runs().size() > 1);
        return "Budget frontier: loss, river loss and hill excess of each checkpoint against the compute spent to obtain it "
                + "(lower and further left is better); points are means over seeds, bars \u00b12 standard errors "
                + (seeds ? "over seeds (a single seed: of its loss over replicas)." : "of the loss over replicas (one seed per schedule).");
    }

    @Override
    public int height() {
        return 900;
    }

    /** Only when the checkpoints spent at least two different computes: one compute is a column of points, not a frontier. */
    @Override
    public boolean appliesTo(List<RecordedRun> runs) {
        return runs.stream().flatMap(r -> r.summary().checkpoints().stream()).mapToLong(RunSummary.CheckpointResult::compute).distinct().count() > 1;
    }

    @Override
    public JFreeChart draw(List<RecordedRun> runs) {
        List<SeedGroup> groups = SeedGroup.sorted(SeedGroup.of(runs)).stream().filter(g -> !g.budgets().isEmpty()).toList();
        List<Color> colours = RunColours.ofGroups(groups);
        NumberAxis compute = new NumberAxis("compute (optimizer steps spent)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(compute);
        for (String component : COMPONENTS) {
            YIntervalSeriesCollection data = data(groups, component);
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDrawXError(false);
            renderer.setDefaultLinesVisible(true);
            renderer.setCapLength(7);
            renderer.setErrorStroke(new BasicStroke(1.4f));
            for (int g = 0; g < groups.size(); g++) {
                renderer.setSeriesPaint(g, colours.get(g));
                renderer.setSeriesStroke(g, new BasicStroke(2.2f));
                // A different marker per schedule: coinciding points (WSD and WSD-S before their first extra decay) stay visible.
                renderer.setSeriesShape(g, ChartStyle.marker(g));
                renderer.setSeriesVisibleInLegend(g, component.equals(TraceColumns.LOSS));
            }
            NumberAxis axis = new NumberAxis(label(component));
            axis.setAutoRangeIncludesZero(false);
            ChartStyle.noneBelowZero(axis, data);
            axis.setLabelPaint(Palette.component(component));
            combined.add(new XYPlot(data, null, axis, renderer), 1);
        }
        boolean seeds = groups.stream().anyMatch(g -> g.runs().size() > 1);
        return chart("Budget frontier: value at each checkpoint against compute", combined,
                "one point per checkpoint budget: mean over seeds, bars \u00b12 SE" + (seeds ? " over seeds" : " over replicas (loss only)")
                        + "; colour: schedule; lower and further left is better");
    }

    /**
     * Per schedule, (compute, mean over seeds) of {@code component} at each budget with the interval mean
     * +- {@link #BAR_SE} SE (no bar when the SE is unknown), sorted by compute.
     */
    static YIntervalSeriesCollection data(List<SeedGroup> groups, String component) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (SeedGroup g : groups) {
            YIntervalSeries series = new YIntervalSeries(g.label() + (g.runs().size() > 1 ? " (" + g.runs().size() + " seeds)" : ""), true, true);
            for (long budget : g.budgets()) {
                Optional<Estimate> e = g.value(budget, value(component),
                        component.equals(TraceColumns.LOSS) ? RunSummary.CheckpointResult::lossSe : c -> null);
                if (e.isPresent()) {
                    double m = e.get().mean();
                    double half = Double.isFinite(e.get().se()) ? BAR_SE * e.get().se() : 0;
                    series.add(g.compute(budget), m, m - half, m + half);
                }
            }
            data.addSeries(series);
        }
        return data;
    }

    private static Function<RunSummary.CheckpointResult, Double> value(String component) {
        switch (component) {
            case TraceColumns.LOSS:
                return RunSummary.CheckpointResult::loss;
            case TraceColumns.RIVER_LOSS:
                return RunSummary.CheckpointResult::riverLoss;
            default:
                return RunSummary.CheckpointResult::hillExcess;
        }
    }
}
