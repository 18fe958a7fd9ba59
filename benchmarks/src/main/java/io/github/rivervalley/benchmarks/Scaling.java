package io.github.rivervalley.benchmarks;

import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.RiverValleyTheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cost against problem size, drawn on log-log axes with the expected complexity in the subtitle and the
 * fitted exponent (least-squares slope of log cost against log size over the larger half of the sizes, where
 * fixed per-step overheads no longer dominate) in each series' legend.
 */
final class Scaling {

    /** One measured size: {@code size} and the cost there (seconds per unit, or units per second). */
    record Point(double size, double value) {
    }

    private Scaling() {
    }

    /** Slope of log(value) against log(size) over the larger half of the points (at least two). */
    static double fittedExponent(List<Point> points) {
        int from = Math.max(0, Math.min(points.size() - 2, points.size() / 2));
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Point p : points.subList(from, points.size())) {
            double x = Math.log(p.size());
            double y = Math.log(p.value());
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** Writes a log-log chart of the series to {@code png} (and an SVG next to it), in the project's theme. */
    static void chart(Path png, String title, String expected, String xLabel, String yLabel, Map<String, List<Point>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<Point>> entry : series.entrySet()) {
            XYSeries s = new XYSeries(String.format("%s (fitted exponent %.2f)", entry.getKey(), fittedExponent(entry.getValue())));
            for (Point p : entry.getValue()) {
                s.add(p.size(), p.value());
            }
            data.addSeries(s);
        }
        LogAxis x = decades(new LogAxis(xLabel));
        LogAxis y = decades(new LogAxis(yLabel));
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, true));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(expected));
        RiverValleyTheme.INSTANCE.apply(chart);
        String name = png.getFileName().toString().replaceFirst("\\.png$", "");
        ChartFiles.write(chart, png.toAbsolutePath().getParent(), name, 900, 600);
    }

    /** Ticks at whole powers of ten, labelled like 1E-4. */
    private static LogAxis decades(LogAxis axis) {
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0E0"));
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** Geometric size grid from {@code from} to {@code to} with about {@code perDecade} points per decade. */
    static List<Integer> grid(int from, int to, int perDecade) {
        List<Integer> sizes = new ArrayList<>();
        double factor = Math.pow(10, 1.0 / perDecade);
        for (double s = from; Math.round(s) <= to; s *= factor) {
            int size = (int) Math.round(s);
            if (sizes.isEmpty() || sizes.get(sizes.size() - 1) != size) {
                sizes.add(size);
            }
        }
        if (sizes.get(sizes.size() - 1) != to) {
            sizes.add(to);
        }
        return sizes;
    }

    static Map<String, List<Point>> series() {
        return new LinkedHashMap<>();
    }
}
