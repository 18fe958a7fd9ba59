package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartCatalog;
import io.github.rivervalley.reports.chart.ComparisonChart;
import io.github.rivervalley.reports.chart.Palette;
import io.github.rivervalley.reports.chart.RiverValleyTheme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of notebook results: the report's chart types ({@link ChartCatalog}, fed through {@link ReportRuns})
 * plus one generic line chart for series a lesson computes itself, styled with the same
 * {@link RiverValleyTheme}. Saving writes PNG and SVG through {@link ChartFiles}.
 */
public final class NotebookCharts {

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
    public static JFreeChart lines(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
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
            LogAxis axis = new LogAxis(yLabel + " (log scale)");
            axis.setSmallestValue(1e-300);
            plot.setRangeAxis(axis);
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

    /** One column of every line of each result, overlaid (the report's comparison chart). */
    public static JFreeChart column(String column, Result... results) {
        return ComparisonChart.of(column).draw(ReportRuns.of(results));
    }

    /** Loss, river loss and hill excess of a result with its replica band. */
    public static JFreeChart decomposition(Result r, boolean log) {
        return (log ? ChartCatalog.DECOMPOSITION_LOG : ChartCatalog.DECOMPOSITION).draw(ReportRuns.of(r));
    }

    /** Sharpness (where recorded) against the stability threshold {@code 2/eta_t}. */
    public static JFreeChart sharpness(Result r) {
        return ChartCatalog.SHARPNESS.draw(ReportRuns.of(r));
    }

    /** Loss, river loss and hill excess at each checkpoint of each result against the compute spent to reach it. */
    public static JFreeChart frontier(Result... results) {
        return ChartCatalog.BUDGET_FRONTIER.draw(ReportRuns.of(results));
    }

    /** Learning rate of every line with phases and checkpoints marked. */
    public static JFreeChart schedule(Result r) {
        return ChartCatalog.SCHEDULE.draw(ReportRuns.of(r));
    }

    /** The path in the plane (river coordinate, signed hill displacement), coloured by phase. */
    public static JFreeChart trajectory(Result r) {
        return ChartCatalog.TRAJECTORY.draw(ReportRuns.of(r));
    }

    /** River coordinate and hill distance against step. */
    public static JFreeChart riverAndHill(Result r) {
        return ChartCatalog.RIVER_HILL.draw(ReportRuns.of(r));
    }

    /** Renders {@code chart} as {@code directory/name.png} and {@code .svg} (each atomically). */
    public static ChartFiles.Written save(JFreeChart chart, Path directory, String name) {
        return ChartFiles.write(chart, directory, name, WIDTH, HEIGHT);
    }
}
