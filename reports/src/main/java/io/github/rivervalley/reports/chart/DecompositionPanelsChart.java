package io.github.rivervalley.reports.chart;

import io.github.rivervalley.reports.analysis.SeedGroup;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;

/**
 * Small multiples of the stacked decomposition: one panel per schedule (runs that differ only by seed are
 * one schedule, drawn from its first seed), stacked on one step axis and all on the same loss scale, so
 * runs that share a schedule family (SGD vs Adam under WSD, a learning-rate sweep) compare panel by panel
 * where overlaid lines in a dozen colours would not. Each panel is labelled with what distinguishes its
 * schedule ({@link SeedGroup#label()}).
 */
public final class DecompositionPanelsChart implements RunsChart {

    /** More panels than this would each be too small to read; the chart is left out. */
    static final int MAX_PANELS = 12;
    private static final int PANEL_HEIGHT = 190;

    @Override
    public String name() {
        return "decomposition-panels";
    }

    @Override
    public String caption(List<RecordedRun> runs) {
        return "Small multiples: the stacked decomposition of each schedule (first seed), river loss (blue) plus hill excess "
                + "(orange) making up the loss (black), every panel on the same axes; dashed: a run's other lines.";
    }

    @Override
    public int height(List<RecordedRun> runs) {
        return 150 + PANEL_HEIGHT * panels(runs).size();
    }

    /** For two to {@link #MAX_PANELS} schedules with a trace. */
    @Override
    public boolean appliesTo(List<RecordedRun> runs) {
        int n = panels(runs).size();
        return n >= 2 && n <= MAX_PANELS;
    }

    /** One run per seed group (its first) that has a line to stack, with the group's label. */
    static List<SeedGroup> panels(List<RecordedRun> runs) {
        List<SeedGroup> out = new ArrayList<>();
        for (SeedGroup g : SeedGroup.sorted(SeedGroup.of(runs))) {
            if (StackedDecomposition.stackedLine(g.runs().get(0)).isPresent()) {
                out.add(g);
            }
        }
        return out;
    }

    @Override
    public JFreeChart draw(List<RecordedRun> runs) {
        List<SeedGroup> groups = panels(runs);
        List<Color> colours = RunColours.ofGroups(groups);
        NumberAxis steps = ChartStyle.stepAxis();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(steps);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        List<XYPlot> plots = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            RecordedRun run = groups.get(g).runs().get(0);
            RecordedTrace root = StackedDecomposition.stackedLine(run).orElseThrow();
            double end = run.traces().stream().mapToLong(RecordedTrace::lastStep).max().orElseThrow();
            XYPlot panel = StackedDecomposition.plot(run, root, root.firstStep(), end, true, false);
            lo = Math.min(lo, panel.getRangeAxis().getLowerBound());
            hi = Math.max(hi, panel.getRangeAxis().getUpperBound());
            first = Math.min(first, root.firstStep());
            last = Math.max(last, end);
            TextTitle label = new TextTitle(groups.get(g).label(), RiverValleyTheme.INSTANCE.getRegularFont().deriveFont(java.awt.Font.BOLD));
            label.setPaint(colours.get(g).darker());
            label.setBackgroundPaint(ChartStyle.LABEL_BACKGROUND);
            panel.addAnnotation(new XYTitleAnnotation(0.99, 0.96, label, RectangleAnchor.TOP_RIGHT));
            plots.add(panel);
        }
        for (XYPlot panel : plots) {
            panel.getRangeAxis().setRange(lo, hi); // the same scale in every panel: heights compare across panels
            combined.add(panel, 1);
        }
        steps.setRange(first, last);
        // Every panel has the same entries except for the other lines, which only some runs have: keep the richest.
        org.jfree.chart.LegendItemCollection legend = plots.get(0).getFixedLegendItems();
        for (XYPlot panel : plots) {
            if (panel.getFixedLegendItems().getItemCount() > legend.getItemCount()) {
                legend = panel.getFixedLegendItems();
            }
        }
        combined.setFixedLegendItems(legend);
        boolean cut = groups.stream().anyMatch(g -> StackedDecomposition.fittedRange(g.runs().get(0)).isPresent());
        JFreeChart chart = ChartStyle.chart("Decomposition of each schedule, on shared axes", combined,
                "one panel per schedule (first seed); loss = river loss + hill excess (orange); same step and loss scale in every panel"
                        + (cut ? "; y axis fitted to the second half of the steps, the start cut off" : ""));
        return chart;
    }
}
