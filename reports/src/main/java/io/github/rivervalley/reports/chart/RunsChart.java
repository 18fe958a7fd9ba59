package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * A chart of several runs overlaid (the report's "all runs compared" section). Implementations are
 * stateless and listed in {@link ChartCatalog}.
 */
public interface RunsChart {

    /** The chart's name: its file name ({@code <name>.png}). */
    String name();

    /** The report's caption under the chart. */
    String caption(List<RecordedRun> runs);

    /** Height in the report, in pixels (the width is the report's). */
    default int height() {
        return ChartStyle.HEIGHT;
    }

    /** Height in the report for these runs (charts whose size depends on how many runs they show override it). */
    default int height(List<RecordedRun> runs) {
        return height();
    }

    /** Whether the runs hold what this chart needs (the report leaves the chart out otherwise). */
    default boolean appliesTo(List<RecordedRun> runs) {
        return true;
    }

    /** A fresh chart of the runs. */
    JFreeChart draw(List<RecordedRun> runs);
}
