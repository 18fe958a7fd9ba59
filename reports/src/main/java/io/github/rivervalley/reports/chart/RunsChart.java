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

    /** Whether the runs hold what this chart needs (the report leaves the chart out otherwise). */
    default boolean appliesTo(List<RecordedRun> runs) {
        return true;
    }

    /** A fresh chart of the runs. */
    JFreeChart draw(List<RecordedRun> runs);
}
