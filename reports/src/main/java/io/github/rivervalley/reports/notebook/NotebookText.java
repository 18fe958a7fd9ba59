package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.simulator.results.TraceColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * The notebook API's terminal views (imported statically by {@code startup.jsh}, like {@link Notebook}):
 * tables, sparklines and character plots of results, drawn by {@link TextPlots}.
 */
public final class NotebookText {

    private NotebookText() {
    }

    /** The default columns at the recorded steps nearest to {@code steps}. */
    public static Text table(Result result, long... steps) {
        return result.tableAt(steps);
    }

    /** A one-line picture of a column along the result's final path. */
    public static Text sparkline(Result result, String column) {
        return result.sparkline(column);
    }

    /** A sparkline of any series, {@value Result#WIDTH} characters at most. */
    public static Text sparkline(double... values) {
        return new Text(TextPlots.sparkline(values, Result.WIDTH));
    }

    /** A character plot of columns along the result's final path. */
    public static Text plot(Result result, String... columns) {
        return result.plot(columns);
    }

    /** A character plot of y against x. */
    public static Text plot(double[] x, double[] y) {
        return new Text(TextPlots.plot(x, List.of(y), List.of(), Result.WIDTH, Result.HEIGHT));
    }

    /** One row per result: its final loss, river loss, hill excess, compute and divergence. */
    public static Text compare(Result... results) {
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(r.name(), Long.toString(r.last().step()), Long.toString(r.last().compute()), TextPlots.number(r.loss()),
                    TextPlots.number(r.riverLoss()), TextPlots.number(r.hillExcess()), r.diverged() + "/" + r.replicas()));
        }
        return new Text(TextPlots.table(List.of("run", "step", "compute", TraceColumns.LOSS, TraceColumns.RIVER_LOSS,
                TraceColumns.HILL_EXCESS, "diverged"), rows));
    }
}
