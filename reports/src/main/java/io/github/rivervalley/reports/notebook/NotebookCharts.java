package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.reports.chart.ChartCatalog;
import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ComparisonChart;
import io.github.rivervalley.reports.chart.Palette;
import io.github.rivervalley.reports.chart.RateAxes;
import io.github.rivervalley.reports.chart.RiverValleyTheme;
import io.github.rivervalley.reports.chart.RunChart;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The notebook API's charts (imported statically by {@code startup.jsh}, like {@link Notebook}): the
 * report's chart types ({@link ChartCatalog}, fed through {@link ReportRuns}) plus one generic line chart
 * for series a lesson computes itself, styled with the same {@link RiverValleyTheme}. {@link #save} writes
 * PNG, 2x PNG, SVG and PDF through {@link ChartFiles}.
 */
public final class NotebookCharts {

    /** System property that sets where {@link #save} writes (default {@code notebooks/out}). */
    public static final String OUT_PROPERTY = "rivervalley.notebook.out";
    /** Size of saved charts in pixels. */
    public static final int WIDTH = 960;
    public static final int HEIGHT = 600;

    /** The report palette (Okabe-Ito, colour-blind safe) in the order series get it; yellow is left out (too light on white). */
    private static final Color[] SERIES_COLOURS = {Palette.VERMILLION, Palette.BLUE, Palette.BLUISH_GREEN, Palette.REDDISH_PURPLE,
        Palette.ORANGE, Palette.SKY_BLUE, Palette.BLACK, Palette.GREY};
    private static final BasicStroke LINE = new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private NotebookCharts() {
    }

    /** One named series of a line chart. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values against " + y.length + " y values");
            }
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + x.length + " points]";
        }
    }

    /**
     * A line chart of the given series (non-finite points are left out; on a log axis, so are values
     * {@code <= 0}).
     */
    static JFreeChart lines(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        return lines(title, xLabel, yLabel, logY, false, series);
    }

    /** As above; with {@code rates} the y axis is a learning-rate axis ({@link RateAxes}: 0, 1e-4, 3e-4). */
    static JFreeChart lines(String title, String xLabel, String yLabel, boolean logY, boolean rates, List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && (!logY || s.y()[i] > 0)) {
                    xy.add(s.x()[i], s.y()[i], false);
                }
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        if (logY) {
            LogAxis axis = rates ? RateAxes.log(yLabel + " (log scale)") : new LogAxis(yLabel + " (log scale)");
            axis.setSmallestValue(1e-300);
            plot.setRangeAxis(axis);
        } else if (rates) {
            plot.setRangeAxis(RateAxes.linear(yLabel));
        }
        RiverValleyTheme.INSTANCE.apply(chart);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, SERIES_COLOURS[i % SERIES_COLOURS.length]);
            renderer.setSeriesStroke(i, LINE);
        }
        return chart;
    }

    /** Loss of every line of each result, overlaid; colour = schedule family. */
    public static JFreeChart lossChart(Result... results) {
        return ComparisonChart.of(TraceColumns.LOSS).draw(ReportRuns.of(results));
    }

    /** Any column of every line of each result, overlaid. */
    public static JFreeChart chart(String column, Result... results) {
        return ComparisonChart.of(column).draw(ReportRuns.of(results));
    }

    /** Loss, river loss and hill excess of one result, with the replica band. */
    public static JFreeChart decompositionChart(Result result) {
        return ChartCatalog.DECOMPOSITION.draw(ReportRuns.of(result));
    }

    /** The decomposition on a log axis (values {@code <= 0} are left out). */
    public static JFreeChart decompositionChart(Result result, boolean log) {
        return (log ? ChartCatalog.DECOMPOSITION_LOG : ChartCatalog.DECOMPOSITION).draw(ReportRuns.of(result));
    }

    /** Sharpness against {@code 2/eta} (record it with {@code everyWithSharpness}). */
    public static JFreeChart sharpnessChart(Result result) {
        if (!result.has(TraceColumns.SHARPNESS)) {
            throw new IllegalArgumentException("result " + result.name() + " has no sharpness column; record it with "
                    + "setup(...).withRecord(everyWithSharpness(n))");
        }
        return ChartCatalog.SHARPNESS.draw(ReportRuns.of(result));
    }

    /** Loss, river loss and hill excess at every checkpoint against the compute spent to reach it, one curve per result. */
    public static JFreeChart frontierChart(Result... results) {
        return ChartCatalog.BUDGET_FRONTIER.draw(ReportRuns.of(results));
    }

    /** The learning rate of every line of a result, phases shaded, checkpoints marked. */
    public static JFreeChart scheduleChart(Result result) {
        return ChartCatalog.SCHEDULE.draw(ReportRuns.of(result));
    }

    /** The iterate's path across the valley (river coordinate against signed hill displacement), coloured by phase. */
    public static JFreeChart trajectoryChart(Result result) {
        return ChartCatalog.TRAJECTORY.draw(ReportRuns.of(result));
    }

    /** River coordinate and hill distance against step. */
    public static JFreeChart riverAndHillChart(Result result) {
        return ChartCatalog.RIVER_HILL.draw(ReportRuns.of(result));
    }

    /** A line chart of your own series: {@code lines("title", "x", "y", series("a", xs, ys), ...)}. */
    public static JFreeChart lines(String title, String xLabel, String yLabel, Series... series) {
        return lines(title, xLabel, yLabel, false, List.of(series));
    }

    /** A line chart of learning rates (schedules you built yourself), ticks written as on every rate axis: 0, 1e-4, 3e-4. */
    public static JFreeChart rateLines(String title, String xLabel, Series... series) {
        return lines(title, xLabel, "learning rate", false, true, List.of(series));
    }

    /** The same on a log y axis. */
    public static JFreeChart logLines(String title, String xLabel, String yLabel, Series... series) {
        return lines(title, xLabel, yLabel, true, List.of(series));
    }

    /**
     * Every per-run chart of the report that applies to the result ({@link ChartCatalog#PER_RUN}), by
     * name: {@code charts(r).forEach((name, c) -> save(c, name))} saves them all.
     */
    public static Map<String, JFreeChart> charts(Result result) {
        RecordedRun run = ReportRuns.of(result);
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        for (RunChart chart : ChartCatalog.PER_RUN) {
            if (chart.appliesTo(run)) {
                out.put(chart.name(), chart.draw(run));
            }
        }
        return out;
    }

    /** A named series for {@link #lines}. */
    public static Series series(String name, double[] x, double[] y) {
        return new Series(name, x, y);
    }

    /** Where charts are saved: the {@value #OUT_PROPERTY} system property, else {@code notebooks/out}. */
    public static Path outDir() {
        return Path.of(System.getProperty(OUT_PROPERTY, "notebooks/out")).toAbsolutePath().normalize();
    }

    /** Saves the chart as {@code <outDir>/<name>.png}, {@code @2x.png}, {@code .svg} and {@code .pdf} (headless), prints where and returns the PNG's path. */
    public static Path save(JFreeChart chart, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("chart name '" + name + "' is not allowed; expected letters, digits, '.', '_' or '-'");
        }
        ChartFiles.Written files = ChartFiles.write(chart, outDir(), name, WIDTH, HEIGHT);
        System.out.println("saved " + files.png());
        System.out.println("saved " + files.svg());
        System.out.println("  (also " + files.png2x().getFileName() + " and " + files.pdf().getFileName() + ")");
        return files.png();
    }
}
