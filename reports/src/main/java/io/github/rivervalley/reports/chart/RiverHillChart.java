package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.label;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.phaseMarkers;
import static io.github.rivervalley.reports.chart.ChartStyle.seriesName;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;
import static io.github.rivervalley.reports.chart.ChartStyle.style;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

/** River coordinate (top) and hill distance (bottom) against step, on one step axis. */
public final class RiverHillChart implements RunChart {

    private static final java.awt.Stroke ENVELOPE = new java.awt.BasicStroke(0.9f);

    @Override
    public String name() {
        return "river-hill";
    }

    @Override
    public String caption(RecordedRun run) {
        return "River coordinate (top) and distance from the valley floor (bottom) against step: the replica mean and, thin, the "
                + "envelope of the largest swing across the floor between recorded rows (the amplitude column), which survives downsampling.";
    }

    @Override
    public int height() {
        return 760;
    }

    @Override
    public JFreeChart draw(RecordedRun run) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(stepAxis());
        combined.add(panel(run, TraceColumns.RIVER_COORD), 1);
        combined.add(panel(run, TraceColumns.HILL_DIST), 1);
        phaseMarkers(combined.getSubplots().get(1), run.mainTrace());
        ChartStyle.extendLegend(combined, ChartStyle.lineKey(run.traces(), t -> t.has(TraceColumns.RIVER_COORD) || t.has(TraceColumns.HILL_DIST)));
        return chart("River progress and hill distance: " + run.name(), combined,
                "top: position along the river; bottom: mean distance from the valley floor (band: min-max per bucket) and the "
                        + "amplitude envelope (thin); dashed: branches");
    }

    private static XYPlot panel(RecordedRun run, String column) {
        TraceDataset data = new TraceDataset(false);
        DeviationRenderer renderer = lines();
        int series = 0;
        for (int k = 0; k < run.traces().size(); k++) {
            RecordedTrace t = run.traces().get(k);
            if (!t.has(column)) {
                continue;
            }
            data.add(seriesName(label(column), k, t), t.step(), t.column(column), null, 0);
            style(renderer, series++, Palette.component(column), stroke(k), k == 0);
            if (column.equals(TraceColumns.HILL_DIST) && t.has(TraceColumns.AMPLITUDE)) {
                // The bucket maximum of the amplitude: how far the iterate swung between rows, whatever the bucket width.
                Column amplitude = t.column(TraceColumns.AMPLITUDE);
                double[] top = new double[amplitude.size()];
                for (int i = 0; i < top.length; i++) {
                    top[i] = amplitude.max(i);
                }
                data.add(seriesName("largest swing (amplitude envelope)", k, t), t.step(), Column.of("envelope", top), null, 0);
                style(renderer, series++, Palette.component(column).darker(), ENVELOPE, k == 0);
            }
        }
        NumberAxis axis = new NumberAxis(label(column));
        if (column.equals(TraceColumns.HILL_DIST)) {
            axis.setRangeType(org.jfree.data.RangeType.POSITIVE); // a distance: no axis below zero
        }
        return new XYPlot(data, null, axis, renderer);
    }
}
