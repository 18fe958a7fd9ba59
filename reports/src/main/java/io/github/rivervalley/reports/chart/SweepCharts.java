package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.sweep.SweepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a sweep ({@code sweep.csv}): the budget frontier (loss against compute per schedule
 * family), the final loss against each numeric axis (one line per family), and a heat map of the
 * final loss when two numeric axes are swept. Losses are means over seeds; when the sweep varies more
 * axes than a chart shows, each point is the best (lowest mean loss) over the others, so every chart
 * reads as "the best this family achieves". Charts use {@link RiverValleyTheme} and the family colours
 * of {@link Palette}.
 */
public final class SweepCharts {

    /** The series name when a sweep has no family axis. */
    static final String ALL = "all runs";

    private SweepCharts() {
    }

    /**
     * One chart of a sweep.
     *
     * @param name file name without extension
     * @param caption how to read it
     * @param chart the chart, themed
     */
    public record Named(String name, String caption, JFreeChart chart) {
    }

    /** Every chart that fits the sweep, in reading order (no stability edge marked). */
    public static List<Named> all(SweepResult result) {
        return all(result, java.util.OptionalDouble.empty());
    }

    /**
     * Every chart that fits the sweep; with the {@code curvature} all runs share (the top Hessian eigenvalue
     * of their landscape), learning-rate axes mark GD's stability edge {@code 2 / curvature}.
     */
    public static List<Named> all(SweepResult result, java.util.OptionalDouble curvature) {
        List<Named> charts = new ArrayList<>();
        if (hasFrontier(result)) {
            charts.add(new Named("sweep-frontier", "Budget frontier of the sweep: for each schedule family, the loss at each"
                    + " checkpoint (mean over seeds, bars \u00b12 SE over seeds) against the compute spent to obtain it; lower and further left is better.",
                    budgetFrontier(result)));
        }
        List<String> numeric = result.numericAxes();
        for (String axis : numeric) {
            charts.add(new Named("sweep-loss-vs-" + fileSafe(axis), "Final loss (largest budget, mean over seeds, bars \u00b12 SE over seeds) against "
                    + axis + ", one line per schedule family; with more axes swept, each point is the best over the others."
                    + (isRate(axis) && curvature.isPresent() ? " Dotted: GD's stability edge 2 / curvature." : ""),
                    lossAgainst(result, axis, isRate(axis) ? curvature : java.util.OptionalDouble.empty())));
        }
        if (numeric.size() == 2) {
            for (String family : families(result)) {
                String suffix = family.equals(ALL) ? "" : "-" + fileSafe(family);
                charts.add(new Named("sweep-heatmap" + suffix, "Final loss over " + numeric.get(0) + " and " + numeric.get(1)
                        + (family.equals(ALL) ? "" : " for " + family) + " (mean over seeds, printed in each cell; grey: every seed diverged, or none ran).",
                        heatMap(result, numeric.get(0), numeric.get(1), family)));
            }
        }
        return charts;
    }

    /** Whether the sweep has more than one checkpoint budget (a frontier to draw). */
    public static boolean hasFrontier(SweepResult result) {
        return result.settings().stream().map(SweepResult.Setting::budget).distinct().count() > 1;
    }

    /** Loss at each checkpoint against the compute spent to reach it, one line per family. */
    public static JFreeChart budgetFrontier(SweepResult result) {
        YIntervalSeriesCollection data = frontierIntervals(result);
        NumberAxis x = new NumberAxis("compute (optimizer steps)");
        x.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = lossErrorBars();
        return finish("Budget frontier: loss against compute",
                new XYPlot(data, x, lossAxis("loss (mean over seeds)", data), renderer), data, renderer);
    }

    /** A loss axis fitted to the data's intervals, never extending below zero. */
    private static NumberAxis lossAxis(String label, YIntervalSeriesCollection data) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        ChartStyle.noneBelowZero(y, data);
        return y;
    }

    /** Lines through the mean losses with vertical error bars (the seed spread). */
    private static XYErrorRenderer lossErrorBars() {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setCapLength(6);
        return renderer;
    }

    /** Whether a sweep axis is a learning rate (drawn on a log scale, with the stability edge). */
    static boolean isRate(String axis) {
        return axis.endsWith("peak") || axis.endsWith("lr") || axis.endsWith("learningRate");
    }

    /** Final loss against a numeric axis, one line per family. */
    public static JFreeChart lossAgainst(SweepResult result, String axis) {
        return lossAgainst(result, axis, java.util.OptionalDouble.empty());
    }

    /**
     * Final loss against a numeric axis, one line per family, with error bars of two standard errors over
     * seeds; a learning-rate axis is logarithmic and, given the curvature, marks {@code 2 / curvature}.
     */
    public static JFreeChart lossAgainst(SweepResult result, String axis, java.util.OptionalDouble curvature) {
        YIntervalSeriesCollection data = axisIntervals(result, axis);
        boolean positive = true;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                positive &= data.getXValue(s, i) > 0;
            }
        }
        org.jfree.chart.axis.ValueAxis x;
        if (isRate(axis) && positive) {
            x = RateAxes.log(axis + " (log scale)");
        } else {
            NumberAxis linear = isRate(axis) ? RateAxes.linear(axis) : new NumberAxis(axis);
            linear.setAutoRangeIncludesZero(false);
            x = linear;
        }
        NumberAxis y = lossAxis("final loss (budget " + result.finalBudget() + ", mean over seeds)", data);
        XYErrorRenderer renderer = lossErrorBars();
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (curvature.isPresent() && curvature.getAsDouble() > 0) {
            double edge = 2 / curvature.getAsDouble();
            org.jfree.chart.plot.ValueMarker marker = new org.jfree.chart.plot.ValueMarker(edge, Palette.STABILITY,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
            marker.setLabel(String.format(Locale.ROOT, "2/\u03bb = %.4g (GD stability edge)", edge));
            marker.setLabelFont(RiverValleyTheme.INSTANCE.getSmallFont());
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        }
        return finish("Final loss against " + axis, plot, data, renderer);
    }

    /** {@link #axisData} with each point's interval: the mean loss over seeds +- 2 SE (no bar with one seed). */
    static YIntervalSeriesCollection axisIntervals(SweepResult result, String axis) {
        Optional<String> familyAxis = result.familyAxis().filter(a -> !a.equals(axis));
        long budget = result.finalBudget();
        Map<String, Map<String, SweepResult.Setting>> best = new LinkedHashMap<>();
        for (SweepResult.Setting s : result.settings()) {
            if (s.budget() == budget) {
                String family = familyAxis.map(a -> s.axes().get(a)).orElse(ALL);
                best.computeIfAbsent(family, f -> new LinkedHashMap<>()).merge(s.axes().get(axis), s, SweepCharts::better);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, Map<String, SweepResult.Setting>> family : best.entrySet()) {
            // Sorted by the numeric value (0.1 before 0.19), not by text.
            org.jfree.data.xy.YIntervalSeries series = new org.jfree.data.xy.YIntervalSeries(family.getKey(), true, false);
            for (Map.Entry<String, SweepResult.Setting> point : family.getValue().entrySet()) {
                SweepResult.Setting s = point.getValue();
                if (Double.isFinite(s.loss())) {
                    double half = Double.isFinite(s.lossSe()) ? 2 * s.lossSe() : 0;
                    series.add(Double.parseDouble(point.getKey()), s.loss(), s.loss() - half, s.loss() + half);
                }
            }
            data.addSeries(series);
        }
        return data;
    }

    /** Final loss over two numeric axes, for one family ({@link #ALL} when the sweep has none). */
    public static JFreeChart heatMap(SweepResult result, String xAxis, String yAxis, String family) {
        HeatMap map = heatMapData(result, xAxis, yAxis, family);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("final loss", map.xyz());
        SymbolAxis x = new SymbolAxis(xAxis, symbols(xAxis, map.xValues()));
        SymbolAxis y = new SymbolAxis(yAxis, symbols(yAxis, map.yValues()));
        // One unit block per cell, centred on its index so the symbol ticks label it.
        x.setRange(-0.5, map.xValues().size() - 0.5);
        y.setRange(-0.5, map.yValues().size() - 0.5);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        LossScale scale = new LossScale(map.min(), map.max());
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Final loss" + (family.equals(ALL) ? "" : " (" + family + ")"), plot);
        chart.removeLegend();
        RiverValleyTheme.INSTANCE.apply(chart);
        org.jfree.chart.title.TextTitle key = new org.jfree.chart.title.TextTitle(
                "value printed in each cell (mean over seeds); grey cell = every seed diverged, or no run", RiverValleyTheme.INSTANCE.getSmallFont());
        chart.addSubtitle(key);
        // After the theme, which would reset the annotations' font and colour.
        double[][] xyz = map.xyz();
        for (int k = 0; k < xyz[0].length; k++) {
            double loss = xyz[2][k];
            String text = Double.isFinite(loss) ? String.format(Locale.ROOT, "%.3g", loss) : "diverged";
            org.jfree.chart.annotations.XYTextAnnotation value = new org.jfree.chart.annotations.XYTextAnnotation(text, xyz[0][k], xyz[1][k]);
            value.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 14));
            // White on the dark end of the scale, black on the light end and on grey.
            value.setPaint(Double.isFinite(loss) && (loss - map.min()) < 0.6 * (map.max() - map.min()) ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(value);
        }
        NumberAxis scaleAxis = new NumberAxis("final loss");
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    /** The heat map's tick labels: a learning rate as on every rate axis ({@link RateAxes#text}), else the sweep's own text. */
    private static String[] symbols(String axis, List<String> values) {
        return values.stream().map(v -> isRate(axis) ? RateAxes.text(Double.parseDouble(v)) : v).toArray(String[]::new);
    }

    // ---- data (package-private for tests) ----

    /** {@link #frontierData} with each point's interval: the mean loss over seeds +- 2 SE over seeds (no bar with one seed). */
    static YIntervalSeriesCollection frontierIntervals(SweepResult result) {
        Optional<String> familyAxis = result.familyAxis();
        Map<String, Map<Long, SweepResult.Setting>> best = new LinkedHashMap<>();
        for (SweepResult.Setting s : result.settings()) {
            String family = familyAxis.map(a -> s.axes().get(a)).orElse(ALL);
            best.computeIfAbsent(family, f -> new LinkedHashMap<>()).merge(s.budget(), s, SweepCharts::better);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Map.Entry<String, Map<Long, SweepResult.Setting>> family : best.entrySet()) {
            org.jfree.data.xy.YIntervalSeries series = new org.jfree.data.xy.YIntervalSeries(family.getKey(), true, false);
            for (SweepResult.Setting s : family.getValue().values()) {
                if (Double.isFinite(s.loss())) {
                    double half = Double.isFinite(s.lossSe()) ? 2 * s.lossSe() : 0;
                    series.add(s.compute(), s.loss(), s.loss() - half, s.loss() + half);
                }
            }
            data.addSeries(series);
        }
        return data;
    }

    /** Per family: (compute, loss) at each budget, best setting of the other axes, sorted by compute. */
    static XYSeriesCollection frontierData(SweepResult result) {
        return points(frontierIntervals(result));
    }

    /** Per family: (axis value, final loss), best setting of the other axes, sorted numerically. */
    static XYSeriesCollection axisData(SweepResult result, String axis) {
        return points(axisIntervals(result, axis));
    }

    /** The points of interval series, without their intervals. */
    private static XYSeriesCollection points(YIntervalSeriesCollection intervals) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < intervals.getSeriesCount(); s++) {
            XYSeries series = new XYSeries(intervals.getSeriesKey(s), true, false);
            for (int i = 0; i < intervals.getItemCount(s); i++) {
                series.add(intervals.getXValue(s, i), intervals.getYValue(s, i));
            }
            data.addSeries(series);
        }
        return data;
    }

    /**
     * The heat map's cells: x and y value labels (sorted numerically) and, per cell, the final loss
     * (NaN when every run there diverged or none ran).
     */
    record HeatMap(List<String> xValues, List<String> yValues, double[][] xyz, double min, double max) {
    }

    static HeatMap heatMapData(SweepResult result, String xAxis, String yAxis, String family) {
        Optional<String> familyAxis = result.familyAxis().filter(a -> !a.equals(xAxis) && !a.equals(yAxis));
        long budget = result.finalBudget();
        Comparator<String> numeric = Comparator.comparingDouble(Double::parseDouble);
        Set<String> xs = new java.util.TreeSet<>(numeric);
        Set<String> ys = new java.util.TreeSet<>(numeric);
        Map<List<String>, SweepResult.Setting> best = new LinkedHashMap<>();
        for (SweepResult.Setting s : result.settings()) {
            String f = familyAxis.map(a -> s.axes().get(a)).orElse(ALL);
            if (s.budget() != budget || !f.equals(family)) {
                continue;
            }
            xs.add(s.axes().get(xAxis));
            ys.add(s.axes().get(yAxis));
            best.merge(List.of(s.axes().get(xAxis), s.axes().get(yAxis)), s, SweepCharts::better);
        }
        List<String> xList = new ArrayList<>(xs);
        List<String> yList = new ArrayList<>(ys);
        int n = xList.size() * yList.size();
        double[][] xyz = new double[3][n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int i = 0; i < xList.size(); i++) {
            for (int j = 0; j < yList.size(); j++) {
                SweepResult.Setting s = best.get(List.of(xList.get(i), yList.get(j)));
                double loss = s == null ? Double.NaN : s.loss();
                xyz[0][k] = i;
                xyz[1][k] = j;
                xyz[2][k] = loss;
                if (Double.isFinite(loss)) {
                    min = Math.min(min, loss);
                    max = Math.max(max, loss);
                }
                k++;
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 1;
        }
        return new HeatMap(xList, yList, xyz, min, max);
    }

    /** The family names of a sweep, in order ({@link #ALL} when it has no family axis). */
    static List<String> families(SweepResult result) {
        Optional<String> familyAxis = result.familyAxis();
        Set<String> families = new LinkedHashSet<>();
        for (SweepResult.Setting s : result.settings()) {
            families.add(familyAxis.map(a -> s.axes().get(a)).orElse(ALL));
        }
        return new ArrayList<>(families);
    }

    /** The setting with the lower finite loss (a finite loss beats a diverged one). */
    private static SweepResult.Setting better(SweepResult.Setting a, SweepResult.Setting b) {
        if (!Double.isFinite(b.loss())) {
            return a;
        }
        if (!Double.isFinite(a.loss())) {
            return b;
        }
        return b.loss() < a.loss() ? b : a;
    }

    /** The themed chart; one colour per family (black without families), no legend for a single unnamed series. */
    private static JFreeChart finish(String title, XYPlot plot, org.jfree.data.xy.XYDataset data, XYLineAndShapeRenderer renderer) {
        JFreeChart chart = new JFreeChart(title, plot);
        if (data.getSeriesCount() == 1 && Objects.equals(data.getSeriesKey(0), ALL)) {
            chart.removeLegend();
        }
        RiverValleyTheme.INSTANCE.apply(chart);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            String key = String.valueOf(data.getSeriesKey(s));
            renderer.setSeriesPaint(s, key.equals(ALL) ? Palette.LOSS : Palette.family(key));
            renderer.setSeriesStroke(s, new BasicStroke(1.5f));
        }
        return chart;
    }

    private static String fileSafe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
    }
}
