package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.results.read.RecordedRun;
import org.jfree.chart.JFreeChart;

/**
 * A chart of one run. Implementations are stateless and listed in {@link ChartCatalog}, which the HTML
 * report and the notebook API both iterate: a new chart is one class plus one line there.
 */
public interface RunChart {

    /** The chart's name: the file name after the run's slug ({@code <run>-<name>.png}). */
    String name();

    /** The report's caption under the chart. */
    String caption(RecordedRun run);

    /** Height in the report, in pixels (the width is the report's). */
    default int height() {
        return ChartStyle.HEIGHT;
    }

    /** Whether the run recorded what this chart needs (the report leaves the chart out otherwise). */
    default boolean appliesTo(RecordedRun run) {
        return true;
    }

    /** A fresh chart of the run. */
    JFreeChart draw(RecordedRun run);
}
