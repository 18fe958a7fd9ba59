package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;

/** The per-run budget frontier plots the mean over seeds with bars of 2 standard errors over seeds. */
class BudgetFrontierChartTest {

    @Test
    void pointsAreMeansOverSeedsWithBarsOfTwoStandardErrorsOverSeeds() {
        double[][] wsdLoss = {{0.30, 0.20}, {0.34, 0.21}, {0.29, 0.26}}; // per seed: loss at budgets 1000 and 2000
        List<RecordedRun> runs = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            double[] l = wsdLoss[s];
            runs.add(SyntheticRuns.checkpointsOnly("wsd_seed-" + s, "wsd", s, new double[] {1000, 1100, l[0], 0.004},
                    new double[] {2000, 2200, l[1], 0.004}));
        }
        runs.add(SyntheticRuns.checkpointsOnly("cosine", "cosine", 1, new double[] {1000, 1000, 0.33, 0.005}));
        XYPlot[] panels = ((CombinedDomainXYPlot) ChartCatalog.BUDGET_FRONTIER.draw(runs).getPlot()).getSubplots().toArray(XYPlot[]::new);
        assertEquals(3, panels.length, "loss, river loss, hill excess");
        for (int panel = 0; panel < 3; panel++) {
            IntervalXYDataset data = (IntervalXYDataset) panels[panel].getDataset();
            assertEquals(2, data.getSeriesCount());
            // sorted by family: cosine, then wsd
            assertEquals("cosine", data.getSeriesKey(0));
            assertEquals("wsd (3 seeds)", data.getSeriesKey(1));
            for (int b = 0; b < 2; b++) {
                // independently: the two-pass mean and sample standard deviation over the three seeds
                double[] v = new double[3];
                for (int s = 0; s < 3; s++) {
                    double factor = panel == 0 ? 1 : panel == 1 ? 0.9 : 0.1; // river loss 0.9, hill excess 0.1 of the loss
                    v[s] = factor * wsdLoss[s][b];
                }
                double mean = (v[0] + v[1] + v[2]) / 3;
                double sd = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean)) / 2);
                double half = 2 * sd / Math.sqrt(3);
                // Sums of three doubles in another order: equal to a few ULPs of values near 0.3.
                assertEquals(b == 0 ? 1100 : 2200, data.getXValue(1, b));
                assertEquals(mean, data.getYValue(1, b), 1e-15);
                assertEquals(mean - half, data.getStartYValue(1, b), 1e-15);
                assertEquals(mean + half, data.getEndYValue(1, b), 1e-15);
            }
            // One seed: the loss bar is 2 replica SEs; river loss and hill excess have no SE, so no bar.
            double cosine = panel == 0 ? 0.33 : panel == 1 ? 0.33 * 0.9 : 0.33 * 0.1;
            double half = panel == 0 ? 2 * 0.005 : 0;
            assertEquals(cosine, data.getYValue(0, 0));
            assertEquals(cosine - half, data.getStartYValue(0, 0), 1e-17);
            assertEquals(cosine + half, data.getEndYValue(0, 0), 1e-17);
            assertTrue(panels[panel].getRangeAxis().getLowerBound() >= 0, "non-negative values: no axis below zero");
        }
    }
}
