package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.landscapes.spectral.Sharpness;
import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.simulator.trace.TraceColumns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The views half of the notebook API: text tables and plots, charts, saving, help. {@link Notebook}
 * extends it, so one {@code import static ...notebook.Notebook.*;} brings these too.
 */
public class NotebookViews {

    /** System property that sets where {@link #save} writes (default {@code notebooks/out}). */
    public static final String OUT_PROPERTY = "rivervalley.notebook.out";

    NotebookViews() {
    }

    // ------------------------------------------------------------------ terminal views

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

    // ------------------------------------------------------------------ charts

    /** Loss of every line of each result, overlaid; colour = schedule family. */
    public static JFreeChart lossChart(Result... results) {
        return NotebookError.readable("lossChart", () -> NotebookCharts.column(TraceColumns.LOSS, results));
    }

    /** Any column of every line of each result, overlaid. */
    public static JFreeChart chart(String column, Result... results) {
        return NotebookError.readable("chart", () -> NotebookCharts.column(column, results));
    }

    /** Loss, river loss and hill excess of one result, with the replica band. */
    public static JFreeChart decompositionChart(Result result) {
        return NotebookError.readable("decompositionChart", () -> NotebookCharts.decomposition(result, false));
    }

    /** The decomposition on a log axis (values {@code <= 0} are left out). */
    public static JFreeChart decompositionChart(Result result, boolean log) {
        return NotebookError.readable("decompositionChart", () -> NotebookCharts.decomposition(result, log));
    }

    /** Sharpness against {@code 2/eta} (record it with {@link #everyWithSharpness}). */
    public static JFreeChart sharpnessChart(Result result) {
        if (!result.has(TraceColumns.SHARPNESS)) {
            throw new IllegalArgumentException("result " + result.name() + " has no sharpness column; record it with "
                    + "setup(...).withRecord(everyWithSharpness(n))");
        }
        return NotebookCharts.sharpness(result);
    }

    /** Loss, river loss and hill excess at every checkpoint against the compute spent to reach it, one curve per result. */
    public static JFreeChart frontierChart(Result... results) {
        return NotebookError.readable("frontierChart", () -> NotebookCharts.frontier(results));
    }

    /** The learning rate of every line of a result, phases shaded, checkpoints marked. */
    public static JFreeChart scheduleChart(Result result) {
        return NotebookError.readable("scheduleChart", () -> NotebookCharts.schedule(result));
    }

    /** The iterate's path across the valley (river coordinate against signed hill displacement), coloured by phase. */
    public static JFreeChart trajectoryChart(Result result) {
        return NotebookError.readable("trajectoryChart", () -> NotebookCharts.trajectory(result));
    }

    /** River coordinate and hill distance against step. */
    public static JFreeChart riverAndHillChart(Result result) {
        return NotebookError.readable("riverAndHillChart", () -> NotebookCharts.riverAndHill(result));
    }

    /** A line chart of your own series: {@code lines("title", "x", "y", series("a", xs, ys), ...)}. */
    public static JFreeChart lines(String title, String xLabel, String yLabel, NotebookCharts.Series... series) {
        return NotebookError.readable("lines", () -> NotebookCharts.lines(title, xLabel, yLabel, false, List.of(series)));
    }

    /** The same on a log y axis. */
    public static JFreeChart logLines(String title, String xLabel, String yLabel, NotebookCharts.Series... series) {
        return NotebookError.readable("logLines", () -> NotebookCharts.lines(title, xLabel, yLabel, true, List.of(series)));
    }

    /** A named series for {@link #lines}. */
    public static NotebookCharts.Series series(String name, double[] x, double[] y) {
        return new NotebookCharts.Series(name, x, y);
    }

    /** Prints every notebook factory, grouped; {@code help("wsd")} explains one. */
    public static void help() {
        System.out.print(NotebookHelp.overview());
    }

    /** Prints what the factory {@code name} gives and its call forms. */
    public static void help(String name) {
        System.out.print(NotebookHelp.of(name));
    }

    /** Where charts are saved: the {@value #OUT_PROPERTY} system property, else {@code notebooks/out}. */
    public static Path outDir() {
        return Path.of(System.getProperty(OUT_PROPERTY, "notebooks/out")).toAbsolutePath().normalize();
    }

    /** Saves the chart as {@code <outDir>/<name>.png} and {@code .svg} (headless), prints both paths and returns the PNG's. */
    public static Path save(JFreeChart chart, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new NotebookError("save: chart name '" + name + "' is not allowed; expected letters, digits, '.', '_' or '-'");
        }
        ChartFiles.Written files = NotebookError.readable("save", () -> NotebookCharts.save(chart, outDir(), name));
        System.out.println("saved " + files.png() + " (also " + files.png2x().getFileName() + ", " + files.svg().getFileName()
                + ", " + files.pdf().getFileName() + ")");
        return files.png();
    }
}
