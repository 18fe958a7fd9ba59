package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.sweep.SweepResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
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
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

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

    /** Every chart that fits the sweep, in reading order. */
    public static List<Named> all(SweepResult result) {
        List<Named> charts = new ArrayList<>();
        if (hasFrontier(result)) {
            charts.add(new Named("sweep-frontier", "Budget frontier of the sweep: for each schedule family, the loss at each"
                    + " checkpoint (mean over seeds) against the compute spent to obtain it; lower and further left is better.",
                    budgetFrontier(result)));
        }
        List<String> numeric = result.numericAxes();
        for (String axis : numeric) {
            charts.add(new Named("sweep-loss-vs-" + fileSafe(axis), "Final loss (largest budget, mean over seeds) against "
                    + axis + ", one line per schedule family; with more axes swept, each point is the best over the others.",
                    lossAgainst(result, axis)));
        }
        if (numeric.size() == 2) {
            for (String family : families(result)) {
                String suffix = family.equals(ALL) ? "" : "-" + fileSafe(family);
                charts.add(new Named("sweep-heatmap" + suffix, "Final loss over " + numeric.get(0) + " and " + numeric.get(1)
                        + (family.equals(ALL) ? "" : " for " + family) + " (mean over seeds; grey: every run diverged or none ran).",
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
        XYSeriesCollection data = frontierData(result);
        NumberAxis x = new NumberAxis("compute (optimizer steps)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("loss (mean over seeds)");
        y.setAutoRangeIncludesZero(false);
        return lines("Budget frontier: loss against compute", data, x, y);
    }

    /** Final loss against a numeric axis, one line per family. */
    public static JFreeChart lossAgainst(SweepResult result, String axis) {
        XYSeriesCollection data = axisData(result, axis);
        NumberAxis x = new NumberAxis(axis);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("final loss (budget " + result.finalBudget() + ", mean over seeds)");
        y.setAutoRangeIncludesZero(false);
        return lines("Final loss against " + axis, data, x, y);
    }

    /** Final loss over two numeric axes, for one family ({@link #ALL} when the sweep has none). */
    public static JFreeChart heatMap(SweepResult result, String xAxis, String yAxis, String family) {
        HeatMap map = heatMapData(result, xAxis, yAxis, family);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("final loss", map.xyz());
        SymbolAxis x = new SymbolAxis(xAxis, map.xValues().toArray(new String[0]));
        SymbolAxis y = new SymbolAxis(yAxis, map.yValues().toArray(new String[0]));
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
        NumberAxis scaleAxis = new NumberAxis("final loss");
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    // ---- data (package-private for tests) ----

    /** Per family: (compute, loss) at each budget, best setting of the other axes, sorted by compute. */
    static XYSeriesCollection frontierData(SweepResult result) {
        Optional<String> familyAxis = result.familyAxis();
        Map<String, Map<Long, SweepResult.Setting>> best = new LinkedHashMap<>();
        for (SweepResult.Setting s : result.settings()) {
            String family = familyAxis.map(a -> s.axes().get(a)).orElse(ALL);
            best.computeIfAbsent(family, f -> new LinkedHashMap<>()).merge(s.budget(), s, SweepCharts::better);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, Map<Long, SweepResult.Setting>> family : best.entrySet()) {
            XYSeries series = new XYSeries(family.getKey(), true, true);
            for (SweepResult.Setting s : family.getValue().values()) {
                if (Double.isFinite(s.loss())) {
                    series.add(s.compute(), s.loss());
                }
            }
            data.addSeries(series);
        }
        return data;
    }

    /** Per family: (axis value, final loss), best setting of the other axes. */
    static XYSeriesCollection axisData(SweepResult result, String axis) {
        Optional<String> familyAxis = result.familyAxis().filter(a -> !a.equals(axis));
        long budget = result.finalBudget();
        Map<String, Map<String, SweepResult.Setting>> best = new LinkedHashMap<>();
        for (SweepResult.Setting s : result.settings()) {
            if (s.budget() != budget) {
                continue;
            }
            String family = familyAxis.map(a -> s.axes().get(a)).orElse(ALL);
            best.computeIfAbsent(family, f -> new LinkedHashMap<>()).merge(s.axes().get(axis), s, SweepCharts::better);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, Map<String, SweepResult.Setting>> family : best.entrySet()) {
            XYSeries series = new XYSeries(family.getKey(), true, false);
            for (Map.Entry<String, SweepResult.Setting> point : family.getValue().entrySet()) {
                if (Double.isFinite(point.getValue().loss())) {
                    series.add(Double.parseDouble(point.getKey()), point.getValue().loss());
                }
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

    private static JFreeChart lines(String title, XYSeriesCollection data, NumberAxis x, NumberAxis y) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesStroke(s, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, plot);
        if (data.getSeriesCount() == 1 && Objects.equals(data.getSeriesKey(0), ALL)) {
            chart.removeLegend();
        }
        RiverValleyTheme.INSTANCE.apply(chart);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            String key = String.valueOf(data.getSeriesKey(s));
            renderer.setSeriesPaint(s, key.equals(ALL) ? Palette.LOSS : Palette.family(key));
        }
        return chart;
    }

    private static String fileSafe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
    }

    /** Loss to colour: dark blue (low) through green to yellow (high), grey for missing or diverged. */
    static final class LossScale implements PaintScale {
        private static final Color[] STOPS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21908C),
            new Color(0x5DC963), new Color(0xFDE725)};
        private static final Color MISSING = new Color(0xBBBBBB);
        private final double lower;
        private final double upper;

        LossScale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper > lower ? upper : lower + 1;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return MISSING;
            }
            double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) t);
            double f = t - i;
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
