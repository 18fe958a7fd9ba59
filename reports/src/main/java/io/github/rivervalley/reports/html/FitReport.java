package io.github.rivervalley.reports.html;

import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.chart.Palette;
import io.github.rivervalley.reports.chart.RiverValleyTheme;
import io.github.rivervalley.simulator.fit.Curve;
import io.github.rivervalley.simulator.fit.CurveErrors;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.fit.HillReading;
import io.github.rivervalley.simulator.fit.ProtocolResult;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import io.github.rivervalley.simulator.io.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The HTML report of a fit ({@code rivervalley fit}): the error table, each law's parameters (and the
 * physical reading of our law's hill), then per curve the real loss with every law's fit or prediction
 * over a residual panel, and our law's decomposition of the curve into river and hill, stacked.
 */
public final class FitReport {

    private static final int WIDTH = 1000;

    private FitReport() {
    }

    /** Writes {@code dir/index.html} and its charts in every format; returns the page's path. */
    public static Path write(ProtocolResult r, Path dir) {
        return write(r, dir, ChartFormats.ALL);
    }

    /** Writes {@code dir/index.html} and its charts in {@code formats}; returns the page's path. */
    public static Path write(ProtocolResult r, Path dir, ChartFormats formats) {
        Path charts = dir.resolve("charts");
        try {
            Files.createDirectories(charts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + charts, e);
        }
        StringBuilder h = new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>rivervalley fit</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n" + HtmlReport.CSS + "</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Loss-curve fit: ").append(Html.escape(r.name())).append("</h1>\n<p>Fitted on ")
                .append(Html.escape(String.join(", ", r.fitted()))).append(r.predicted().isEmpty() ? "" : "; predicted: "
                + Html.escape(String.join(", ", r.predicted()))).append(". PredE is the mean of |pred - loss| / loss over a curve's rows.</p>\n");
        errorTable(r, h);
        for (ProtocolResult.LawResult lr : r.laws()) {
            parameters(lr.fit(), h);
        }
        h.append("<h2>Curves</h2>\n");
        for (int i = 0; i < r.curves().size(); i++) {
            Curve c = r.curves().get(i);
            String role = r.fitted().contains(c.name()) ? "fitted" : "predicted (held out)";
            String name = "curve-" + i;
            ChartFiles.write(curveChart(r, i), charts, name, WIDTH, 560, formats);
            h.append("<h3>").append(Html.escape(c.name())).append(" <small>(").append(role).append(")</small></h3>\n");
            h.append(new Figure(name, "Loss (black points) and each law's " + (role.equals("fitted") ? "fit" : "prediction")
                    + "; below, the relative residual pred / loss - 1.", WIDTH, 560, formats).html());
            for (ProtocolResult.LawResult lr : r.laws()) {
                if (lr.fit().law() instanceof RiverValleyLaw) {
                    ChartFiles.write(decomposition(lr.fit(), c), charts, name + "-parts", WIDTH, 420, formats);
                    double[][] parts = lr.fit().law().decompose(lr.fit().theta(), c);
                    int last = c.size() - 1;
                    h.append(String.format(Locale.ROOT, "<p>At step %d the loss is %.4f: river part %.4f, hill part %.4f (what a long"
                            + " enough decay to rate 0 would remove, by the fit).</p>\n", c.steps()[last], c.loss()[last], parts[0][last], parts[1][last]));
                    h.append(new Figure(name + "-parts", "River-valley decomposition: river part (blue, the progress a full decay would reveal)"
                            + " and hill part (orange, the excess a decay removes) stacked, with the loss (black points).", WIDTH, 420, formats).html());
                    break;
                }
            }
        }
        h.append("</main>\n</body>\n</html>\n");
        Path page = dir.resolve("index.html");
        AtomicFile.writeString(page, h.toString());
        return page;
    }

    private static void errorTable(ProtocolResult r, StringBuilder h) {
        // the law's name spans its three columns, so the table fits the page with three laws side by side
        h.append("<h2>Errors</h2>\n<table>\n<tr><th rowspan=\"2\">curve</th><th rowspan=\"2\">role</th>");
        for (ProtocolResult.LawResult lr : r.laws()) {
            h.append("<th colspan=\"3\">").append(Html.escape(lr.fit().law().name())).append("</th>");
        }
        h.append("</tr>\n<tr>").append("<th>PredE</th><th>worst</th><th>R²</th>".repeat(r.laws().size())).append("</tr>\n");
        for (int i = 0; i < r.curves().size(); i++) {
            String name = r.curves().get(i).name();
            h.append("<tr><td>").append(Html.escape(name)).append("</td><td>").append(r.fitted().contains(name) ? "fit" : "held-out").append("</td>");
            for (ProtocolResult.LawResult lr : r.laws()) {
                CurveErrors e = lr.errors().get(i);
                h.append(cell(e.predE())).append(cell(e.worstE())).append(cell(e.r2()));
            }
            h.append("</tr>\n");
        }
        if (!r.predicted().isEmpty()) {
            h.append("<tr><th colspan=\"2\">held-out mean (worst)</th>");
            for (ProtocolResult.LawResult lr : r.laws()) {
                h.append(cell(lr.heldOutPredE(r.predicted()))).append(cell(lr.heldOutWorstE(r.predicted()))).append(cell(lr.heldOutR2(r.predicted())));
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** The law's fixed constants as a sentence ("Constants (not fitted): modes = 2, ... "), or nothing when it has none. */
    static String constants(Map<String, Double> constants) {
        if (constants.isEmpty()) {
            return "";
        }
        // six significant digits without trailing zeros: 2.0 reads "2", 3.0E-4 "0.0003"
        return constants.entrySet().stream()
                .map(e -> e.getKey() + " = " + new BigDecimal(String.format(Locale.ROOT, "%.6g", e.getValue())).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", ", "Constants (not fitted): ", ". "));
    }

    private static String cell(double v) {
        return "<td class=\"n\">" + String.format(Locale.ROOT, "%.5f", v) + "</td>";
    }

    private static void parameters(Fit fit, StringBuilder h) {
        h.append("<h2>").append(Html.escape(fit.law().name())).append(" parameters</h2>\n<table>\n<tr><th>name</th><th>value</th><th>standard error</th><th>meaning</th></tr>\n");
        for (int k = 0; k < fit.theta().length; k++) {
            var p = fit.law().parameters().get(k);
            h.append("<tr><td>").append(Html.escape(p.name())).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.6g", fit.theta()[k]))
                    .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.2g", fit.se()[k])).append("</td><td>")
                    .append(Html.escape(p.meaning())).append("</td></tr>\n");
        }
        h.append("</table>\n<p>").append(Html.escape(constants(fit.law().constants()))).append("Standard errors assume independent"
                + " residuals; neighbouring rows of a loss curve are correlated, so read them as lower bounds.</p>\n");
        if (fit.law() instanceof RiverValleyLaw rv) {
            HillReading hill = HillReading.of(rv, fit.theta());
            h.append("<p>Physical reading at the peak rate ").append(String.format(Locale.ROOT, "%.3g", rv.referenceRate())).append(":</p>\n<ul>\n");
            for (HillReading.Mode m : hill.modes()) {
                h.append(String.format(Locale.ROOT, "<li>a hill mode that relaxes in %.1f steps at the peak rate (curvature %.4g per unit rate,"
                        + " so 1/(2 eta lambda) = %.1f steps) and keeps a stationary excess of %.4f in the loss at the peak rate (noise variance %.4g);"
                        + " a decay to 0.1x the peak removes about 90%% of it if it lasts well over %.0f steps (its relaxation time at 0.1x).</li>\n",
                        m.relaxationSteps(), m.curvature(), m.relaxationSteps(), m.stationaryExcess(), m.noise(), 10 * m.relaxationSteps()));
            }
            h.append("</ul>\n");
        }
    }

    private static Color color(String law) {
        switch (law) {
            case "river-valley":
                return Palette.BLUE;
            case "mpl":
                return Palette.VERMILLION;
            default:
                return Palette.BLUISH_GREEN;
        }
    }

    /** The curve's loss as the first series of a new collection. */
    private static XYSeriesCollection lossPoints(Curve c) {
        XYSeries data = new XYSeries("loss", false, false);
        for (int k = 0; k < c.size(); k++) {
            data.add(c.steps()[k], c.loss()[k]);
        }
        return new XYSeriesCollection(data);
    }

    /** Black points for series 0 (the loss), nothing else drawn until set. */
    private static XYLineAndShapeRenderer dots() {
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, Palette.BLACK);
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        return dots;
    }

    private static JFreeChart curveChart(ProtocolResult r, int i) {
        Curve c = r.curves().get(i);
        XYSeriesCollection top = lossPoints(c);
        XYSeriesCollection bottom = new XYSeriesCollection();
        XYLineAndShapeRenderer topRenderer = dots();
        XYLineAndShapeRenderer bottomRenderer = new XYLineAndShapeRenderer(true, false);
        bottomRenderer.setDefaultSeriesVisibleInLegend(false); // same colours as the lines above
        int s = 1;
        for (ProtocolResult.LawResult lr : r.laws()) {
            double[] pred = lr.fit().predict(c);
            String name = lr.fit().law().name();
            XYSeries line = new XYSeries(name, false, false);
            XYSeries res = new XYSeries(name, false, false);
            for (int k = 0; k < c.size(); k++) {
                line.add(c.steps()[k], pred[k]);
                res.add(c.steps()[k], pred[k] / c.loss()[k] - 1);
            }
            top.addSeries(line);
            bottom.addSeries(res);
            topRenderer.setSeriesLinesVisible(s, true);
            topRenderer.setSeriesShapesVisible(s, false);
            topRenderer.setSeriesPaint(s, color(name));
            topRenderer.setSeriesStroke(s, new BasicStroke(2f));
            bottomRenderer.setSeriesPaint(s - 1, color(name));
            s++;
        }
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(false);
        XYPlot upper = new XYPlot(top, null, lossAxis, topRenderer);
        XYPlot lower = new XYPlot(bottom, null, new NumberAxis("pred / loss - 1"), bottomRenderer);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("step"));
        plot.add(upper, 3);
        plot.add(lower, 1);
        JFreeChart chart = new JFreeChart(c.name(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        RiverValleyTheme.INSTANCE.apply(chart);
        return chart;
    }

    private static JFreeChart decomposition(Fit fit, Curve c) {
        double[][] parts = fit.law().decompose(fit.theta(), c);
        DefaultTableXYDataset stacked = new DefaultTableXYDataset();
        XYSeries river = new XYSeries("river part", false, false);
        XYSeries hill = new XYSeries("hill part", false, false);
        for (int k = 0; k < c.size(); k++) {
            river.add(c.steps()[k], parts[0][k]);
            hill.add(c.steps()[k], parts[1][k]);
        }
        stacked.addSeries(river);
        stacked.addSeries(hill);
        StackedXYAreaRenderer2 area = new StackedXYAreaRenderer2();
        area.setSeriesPaint(0, new Color(0x0072B2));
        area.setSeriesPaint(1, Palette.ORANGE);
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int k = 0; k < c.size(); k++) {
            lo = Math.min(lo, Math.min(parts[0][k], c.loss()[k]));
            hi = Math.max(hi, Math.max(parts[0][k] + parts[1][k], c.loss()[k]));
        }
        lossAxis.setRange(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo));
        XYPlot plot = new XYPlot(stacked, new NumberAxis("step"), lossAxis, area);
        plot.setDataset(1, lossPoints(c));
        plot.setRenderer(1, dots());
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart(c.name() + ": river + hill", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        RiverValleyTheme.INSTANCE.apply(chart);
        return chart;
    }
}
