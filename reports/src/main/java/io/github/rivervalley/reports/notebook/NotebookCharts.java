package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.trace.RunSummary;
import io.github.rivervalley.simulator.trace.TraceColumns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts of notebook results. Each is a thin adapter: it picks series out of {@link Result}s and hands
 * them to one generic line chart; saving renders headless PNG atomically.
 */
public final class NotebookCharts {

    /** Size of saved charts in pixels. */
    public static final int WIDTH = 960;
    public static final int HEIGHT = 600;

    private NotebookCharts() {
    }

    /** One named series of a line chart. */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values against " + y.length + " y values");
            }
        }
    }

    /** A line chart of the given series (non-finite points are left out). */
    public static JFreeChart lines(String title, String xLabel, String yLabel, List<Series> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    xy.add(s.x()[i], s.y()[i], false);
                }
            }
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(false);
        return chart;
    }

    /** One column along the final path of each result, overlaid. */
    public static JFreeChart column(String column, Result... results) {
        List<Series> series = new ArrayList<>();
        for (Result r : results) {
            series.add(new Series(r.name(), r.steps(), r.column(column)));
        }
        return lines(column.replace('_', ' ') + " against step", "step", column.replace('_', ' '), series);
    }

    /** Loss, river loss and hill excess along a result's final path. */
    public static JFreeChart decomposition(Result r) {
        List<Series> series = new ArrayList<>();
        for (String c : List.of(TraceColumns.LOSS, TraceColumns.RIVER_LOSS, TraceColumns.HILL_EXCESS)) {
            series.add(new Series(c.replace('_', ' '), r.steps(), r.column(c)));
        }
        return lines("Loss decomposition: " + r.name(), "step", "loss", series);
    }

    /** Sharpness (where recorded) against the stability threshold {@code 2/eta_t}. */
    public static JFreeChart sharpness(Result r) {
        double[] steps = r.steps();
        double[] lr = r.column(TraceColumns.LR);
        double[] threshold = new double[lr.length];
        for (int i = 0; i < lr.length; i++) {
            threshold[i] = 2.0 / lr[i];
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series("sharpness", steps, r.column(TraceColumns.SHARPNESS)));
        if (r.has(TraceColumns.PRECONDITIONED_SHARPNESS)) {
            series.add(new Series("preconditioned sharpness", steps, r.column(TraceColumns.PRECONDITIONED_SHARPNESS)));
        }
        series.add(new Series("2 / lr", steps, threshold));
        return lines("Sharpness and 2/lr: " + r.name(), "step", "curvature", series);
    }

    /** A column at each checkpoint of each result against the compute spent to reach it. */
    public static JFreeChart frontier(String column, Result... results) {
        List<Series> series = new ArrayList<>();
        for (Result r : results) {
            List<RunSummary.CheckpointResult> cs = r.checkpoints();
            double[] x = new double[cs.size()];
            double[] y = new double[cs.size()];
            for (int i = 0; i < cs.size(); i++) {
                x[i] = cs.get(i).compute();
                y[i] = checkpointValue(cs.get(i), column);
            }
            series.add(new Series(r.name(), x, y));
        }
        JFreeChart chart = lines("Budget frontier: " + column.replace('_', ' ') + " at each checkpoint", "compute (optimizer steps)",
                column.replace('_', ' '), series);
        ((XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).setDefaultShapesVisible(true);
        return chart;
    }

    /** The value of a checkpoint column ({@code loss}, {@code river_loss}, {@code hill_excess}, {@code river_coord}). */
    static double checkpointValue(RunSummary.CheckpointResult c, String column) {
        Double v;
        switch (column) {
            case TraceColumns.LOSS:
                v = c.loss();
                break;
            case TraceColumns.RIVER_LOSS:
                v = c.riverLoss();
                break;
            case TraceColumns.HILL_EXCESS:
                v = c.hillExcess();
                break;
            case TraceColumns.RIVER_COORD:
                v = c.riverCoord();
                break;
            default:
                throw new IllegalArgumentException("checkpoints hold loss, river_loss, hill_excess and river_coord, not '" + column + "'");
        }
        return v == null ? Double.NaN : v;
    }

    /** Renders {@code chart} as {@code directory/name.png} (atomically) and returns the path. */
    public static Path savePng(JFreeChart chart, Path directory, String name) {
        Path png = directory.resolve(name + ".png");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 17);
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png, e);
        }
        AtomicFile.writeBytes(png, bytes.toByteArray());
        return png;
    }
}
