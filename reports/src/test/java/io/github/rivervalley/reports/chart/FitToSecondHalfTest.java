package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.notebook.NotebookCharts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** The second-half rule on any line chart: a start that dwarfs the rest is cut off, and the chart says so. */
class FitToSecondHalfTest {

    private static NotebookCharts.Series falling(String name, double floor, double drop) {
        double[] x = new double[101];
        double[] y = new double[101];
        for (int i = 0; i <= 100; i++) {
            x[i] = 10 * i;
            y[i] = floor + drop / (1 + i) + 0.001 * (100 - i);
        }
        return NotebookCharts.series(name, x, y);
    }

    private static boolean saysCutOff(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t && t.getText().contains("cut off")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLossFallingOntoAFloorIsFittedToItsSecondHalf() {
        // two curves falling from about 43 onto 3.0 and 3.1: the second half (x >= 500) spans [3.0, 3.158]
        JFreeChart chart = SecondHalfAxis.fitToSecondHalf(NotebookCharts.lines("t", "step", "loss",
                falling("a", 3.0, 40), falling("b", 3.1, 40)));
        double lo = 3.0 + 40.0 / 101;             // the lowest value anywhere: a's last point
        double hi = 3.1 + 40.0 / 51 + 0.001 * 50; // the highest of the second half: b at x = 500
        double span = hi - lo;
        Range range = chart.getXYPlot().getRangeAxis().getRange();
        // the same arithmetic as the rule (10% padding): a few ulps of 3-4
        assertEquals(lo - 0.1 * span, range.getLowerBound(), 1e-12);
        assertEquals(hi + 0.1 * span, range.getUpperBound(), 1e-12);
        assertTrue(saysCutOff(chart), "the subtitle says the start is cut off");
    }

    @Test
    void aChartWhoseStartDoesNotDwarfTheRestIsLeftAlone() {
        JFreeChart chart = NotebookCharts.lines("t", "step", "loss", falling("a", 3.0, 0.0)); // a straight decline: the whole span is twice the second half's
        Range before = chart.getXYPlot().getRangeAxis().getRange();
        SecondHalfAxis.fitToSecondHalf(chart);
        assertEquals(before, chart.getXYPlot().getRangeAxis().getRange());
        assertTrue(!saysCutOff(chart));
    }
}
