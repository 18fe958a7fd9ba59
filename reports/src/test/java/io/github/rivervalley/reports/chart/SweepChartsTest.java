package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.sweep.SweepResult;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The sweep charts' data against an independent computation from a synthetic sweep table. */
class SweepChartsTest {

    /** Means of two or three doubles: a few ulps of rounding at most. */
    private static final double TOLERANCE = 1e-14;

    private static final List<String> FAMILIES = List.of("wsd", "cosine");
    private static final List<Double> PEAKS = List.of(0.05, 0.1, 0.2);
    private static final List<Double> CURVATURES = List.of(5.0, 10.0);
    private static final List<Long> BUDGETS = List.of(100L, 200L, 400L);

    /** A made-up loss with a clear minimum over the peak, different per family, seed and budget. */
    private static double loss(String family, double peak, double curvature, long seed, long budget) {
        if (peak * curvature >= 2.0) {
            return Double.NaN; // diverged
        }
        double offset = family.equals("wsd") ? 0.0 : 0.05;
        return 1.0 / Math.sqrt(budget) + (peak - 0.1) * (peak - 0.1) * curvature + offset + 0.01 * seed;
    }

    private static long compute(String family, long budget) {
        return family.equals("wsd") ? budget + budget / 10 : 2 * budget;
    }

    /** sweep.csv text for the grid family x peak x curvature x seeds {0, 1}. */
    static String table() {
        StringBuilder csv = new StringBuilder("run,schedule.type,schedule.peak,landscape.hillCurvature,seed,status,budget,line,step,compute,loss,river_loss,hill_excess,river_coord,diverged,wall_seconds\n");
        for (String family : FAMILIES) {
            for (double peak : PEAKS) {
                for (double curvature : CURVATURES) {
                    for (long seed = 0; seed < 2; seed++) {
                        for (long budget : BUDGETS) {
                            double loss = loss(family, peak, curvature, seed, budget);
                            csv.append(String.format(Locale.ROOT, "r,%s,%s,%s,%d,done,%d,main,%d,%d,%s,0,0,0,%d,1.0%n", family, peak, curvature,
                                    seed, budget, budget, compute(family, budget), Double.isNaN(loss) ? "" : Double.toString(loss), Double.isNaN(loss) ? 1 : 0));
                        }
                    }
                }
            }
        }
        return csv.toString();
    }

    private static double meanOverSeeds(String family, double peak, double curvature, long budget) {
        return (loss(family, peak, curvature, 0, budget) + loss(family, peak, curvature, 1, budget)) / 2;
    }

    @Test
    void frontierTakesTheBestSettingPerFamilyAndBudget() {
        XYSeriesCollection data = SweepCharts.frontierData(SweepResult.parse(table()));
        assertEquals(FAMILIES, List.of(data.getSeriesKey(0), data.getSeriesKey(1)));
        for (int f = 0; f < FAMILIES.size(); f++) {
            XYSeries series = data.getSeries(f);
            assertEquals(BUDGETS.size(), series.getItemCount());
            for (int b = 0; b < BUDGETS.size(); b++) {
                long budget = BUDGETS.get(b);
                double best = Double.POSITIVE_INFINITY;
                for (double peak : PEAKS) {
                    for (double curvature : CURVATURES) {
                        double mean = meanOverSeeds(FAMILIES.get(f), peak, curvature, budget);
                        if (Double.isFinite(mean)) {
                            best = Math.min(best, mean);
                        }
                    }
                }
                assertEquals(compute(FAMILIES.get(f), budget), series.getX(b).doubleValue(), TOLERANCE);
                assertEquals(best, series.getY(b).doubleValue(), TOLERANCE);
            }
        }
    }

    @Test
    void theFrontiersBarsAreTwoStandardErrorsOverSeeds() {
        // Two seeds 0.01 apart: sample SD 0.01 / sqrt 2, SE over seeds 0.01 / 2, bar 2 SE = 0.01 each side.
        org.jfree.data.xy.YIntervalSeriesCollection data = SweepCharts.frontierIntervals(SweepResult.parse(table()));
        for (int f = 0; f < data.getSeriesCount(); f++) {
            for (int i = 0; i < data.getItemCount(f); i++) {
                assertEquals(data.getYValue(f, i) - 0.01, data.getStartYValue(f, i), TOLERANCE);
                assertEquals(data.getYValue(f, i) + 0.01, data.getEndYValue(f, i), TOLERANCE);
            }
        }
    }

    @Test
    void lossAgainstAnAxisUsesTheFinalBudgetAndTheBestOtherSetting() {
        SweepResult result = SweepResult.parse(table());
        assertEquals(List.of("schedule.peak", "landscape.hillCurvature"), result.numericAxes());
        XYSeriesCollection data = SweepCharts.axisData(result, "schedule.peak");
        for (int f = 0; f < FAMILIES.size(); f++) {
            XYSeries series = data.getSeries(f);
            List<Double> xs = new ArrayList<>();
            for (int i = 0; i < series.getItemCount(); i++) {
                xs.add(series.getX(i).doubleValue());
                double peak = series.getX(i).doubleValue();
                double best = Double.POSITIVE_INFINITY;
                for (double curvature : CURVATURES) {
                    double mean = meanOverSeeds(FAMILIES.get(f), peak, curvature, 400);
                    if (Double.isFinite(mean)) {
                        best = Math.min(best, mean);
                    }
                }
                assertEquals(best, series.getY(i).doubleValue(), TOLERANCE);
            }
            assertEquals(PEAKS, xs, "every peak has a finite best (curvature 5 never diverges here)");
        }
    }

    @Test
    void heatMapHasOneCellPerPairWithDivergedCellsEmpty() {
        SweepResult result = SweepResult.parse(table());
        SweepCharts.HeatMap map = SweepCharts.heatMapData(result, "schedule.peak", "landscape.hillCurvature", "cosine");
        assertEquals(List.of("0.05", "0.1", "0.2"), map.xValues());
        assertEquals(List.of("5.0", "10.0"), map.yValues(), "sorted numerically, not as text");
        int k = 0;
        for (double peak : PEAKS) {
            for (double curvature : CURVATURES) {
                double expected = meanOverSeeds("cosine", peak, curvature, 400);
                if (Double.isNaN(expected)) {
                    assertTrue(Double.isNaN(map.xyz()[2][k]));
                } else {
                    assertEquals(expected, map.xyz()[2][k], TOLERANCE);
                }
                k++;
            }
        }
    }

    @Test
    void everyFittingChartIsMadeAndDraws() {
        List<SweepCharts.Named> charts = SweepCharts.all(SweepResult.parse(table()));
        assertEquals(List.of("sweep-frontier", "sweep-loss-vs-schedule.peak", "sweep-loss-vs-landscape.hillcurvature",
                "sweep-heatmap-wsd", "sweep-heatmap-cosine"), charts.stream().map(SweepCharts.Named::name).toList());
        System.setProperty("java.awt.headless", "true");
        for (SweepCharts.Named named : charts) {
            assertTrue(!named.caption().isEmpty());
            BufferedImage image = named.chart().createBufferedImage(400, 300);
            assertEquals(400, image.getWidth());
        }
        // Lines take the family colours of the palette.
        org.jfree.chart.plot.XYPlot frontier = (org.jfree.chart.plot.XYPlot) charts.get(0).chart().getPlot();
        assertEquals(Palette.family("cosine"), frontier.getRenderer().getSeriesPaint(1));
    }

    @Test
    void lossScaleMapsTheRangeEndsToTheEndColoursAndMissingToGrey() {
        LossScale scale = new LossScale(1.0, 3.0);
        assertEquals(new java.awt.Color(0x440154), scale.getPaint(1.0));
        assertEquals(new java.awt.Color(0xFDE725), scale.getPaint(3.0));
        assertEquals(new java.awt.Color(0xFDE725), scale.getPaint(10.0));
        assertEquals(new java.awt.Color(0xBBBBBB), scale.getPaint(Double.NaN));
    }

    @Test
    void rateAxesSortNumericallyAndCarryTwoStandardErrorsOverSeeds() {
        // Peaks written so that text order (0.1, 0.19, 0.02) differs from numeric order; two seeds each.
        String csv = "run,schedule.peak,seed,status,budget,line,step,compute,loss,river_loss,hill_excess,river_coord,diverged,wall_seconds\n"
                + "a,0.1,0,done,100,main,100,100,0.30,0,0,0,0,1\n" + "b,0.1,1,done,100,main,100,100,0.34,0,0,0,0,1\n"
                + "c,0.19,0,done,100,main,100,100,0.50,0,0,0,0,1\n" + "d,0.19,1,done,100,main,100,100,0.40,0,0,0,0,1\n"
                + "e,0.02,0,done,100,main,100,100,0.80,0,0,0,0,1\n" + "f,0.02,1,done,100,main,100,100,0.80,0,0,0,0,1\n";
        org.jfree.data.xy.YIntervalSeriesCollection data = SweepCharts.axisIntervals(SweepResult.parse(csv), "schedule.peak");
        assertEquals(1, data.getSeriesCount());
        double[] xs = {0.02, 0.1, 0.19};
        double[] means = {0.80, 0.32, 0.45};
        // SE over two seeds = |a - b| / 2 (sample sd |a - b| / sqrt 2, over sqrt 2).
        double[] se = {0.0, 0.02, 0.05};
        for (int i = 0; i < 3; i++) {
            assertEquals(xs[i], data.getXValue(0, i));
            assertEquals(means[i], data.getYValue(0, i), TOLERANCE);
            assertEquals(means[i] - 2 * se[i], data.getStartYValue(0, i), TOLERANCE);
            assertEquals(means[i] + 2 * se[i], data.getEndYValue(0, i), TOLERANCE);
        }
        assertTrue(SweepCharts.isRate("schedule.peak"));
        // With the curvature 10 known, the chart marks the stability edge 2/10 on a log x axis.
        org.jfree.chart.plot.XYPlot plot = SweepCharts.lossAgainst(SweepResult.parse(csv), "schedule.peak", java.util.OptionalDouble.of(10)).getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof org.jfree.chart.axis.LogAxis);
        assertEquals(0.2, ((org.jfree.chart.plot.ValueMarker) plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue(), 1e-15);
    }
}
