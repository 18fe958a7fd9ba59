package io.github.rivervalley.reports.chart;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Small charts for the tests of how charts are written (formats, ids, dates), independent of any run. */
final class SampleCharts {

    private SampleCharts() {
    }

    /** A 50-point exponentially decaying loss curve; a fresh chart each call. */
    static JFreeChart decayingLoss() {
        XYSeries s = new XYSeries("loss");
        for (int i = 0; i < 50; i++) {
            s.add(i, Math.exp(-0.05 * i));
        }
        return ChartFactory.createXYLineChart("loss", "step", "loss", new XYSeriesCollection(s));
    }
}
