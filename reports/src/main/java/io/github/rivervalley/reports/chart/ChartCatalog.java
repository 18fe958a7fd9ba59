package io.github.rivervalley.reports.chart;

import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.simulator.results.TraceColumns;
import java.util.List;

/**
 * Every chart of the report, in report order. The HTML report draws each chart that
 * {@code appliesTo} its runs, and the notebook API looks charts up here, so a new chart is one class
 * (a {@link RunChart} or {@link RunsChart}) plus one line in a list below.
 */
public final class ChartCatalog {

    public static final RunsChart COMPARE_LOSS = new ComparisonChart(TraceColumns.LOSS, "compare-loss", Captions::compareLoss);
    public static final RunsChart COMPARE_RIVER_LOSS = new ComparisonChart(TraceColumns.RIVER_LOSS, "compare-river-loss", Captions::compareRiverLoss);
    public static final RunsChart BUDGET_FRONTIER = new BudgetFrontierChart();
    public static final RunsChart DECOMPOSITION_PANELS = new DecompositionPanelsChart();

    public static final RunChart SCHEDULE = new ScheduleChart();
    public static final RunChart DECOMPOSITION = new DecompositionChart(false);
    public static final RunChart DECOMPOSITION_ZOOM = new DecompositionZoomChart();
    public static final RunChart DECOMPOSITION_LOG = new DecompositionChart(true);
    public static final RunChart TRAJECTORY = new TrajectoryChart();
    public static final RunChart RIVER_HILL = new RiverHillChart();
    public static final RunChart SHARPNESS = new SharpnessChart();
    public static final RunChart PROBE = new ProbeChart();

    /** The charts of all runs together: the report's first section. */
    public static final List<RunsChart> OVERVIEW = List.of(COMPARE_LOSS, COMPARE_RIVER_LOSS, DECOMPOSITION_PANELS, BUDGET_FRONTIER);

    /** The charts of each run, in the order of the run's section. */
    public static final List<RunChart> PER_RUN = List.of(SCHEDULE, DECOMPOSITION, DECOMPOSITION_ZOOM, DECOMPOSITION_LOG, TRAJECTORY, RIVER_HILL, SHARPNESS, PROBE);

    private ChartCatalog() {
    }

    /** The per-run chart called {@code name} ({@link RunChart#name()}). */
    public static RunChart perRun(String name) {
        for (RunChart chart : PER_RUN) {
            if (chart.name().equals(name)) {
                return chart;
            }
        }
        throw new IllegalArgumentException("no chart named '" + name + "'; per-run charts are "
                + PER_RUN.stream().map(RunChart::name).toList());
    }
}
