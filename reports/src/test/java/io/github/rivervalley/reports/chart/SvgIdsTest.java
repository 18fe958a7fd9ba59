package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's SVG is a pure function of the chart: its element ids come from the chart's name, not the clock. */
class SvgIdsTest {

    private static JFreeChart chart() {
        XYSeries s = new XYSeries("loss");
        for (int i = 0; i < 50; i++) {
            s.add(i, Math.exp(-0.05 * i));
        }
        return ChartFactory.createXYLineChart("loss", "step", "loss", new XYSeriesCollection(s));
    }

    @Test
    void theSameChartWrittenTwiceGivesTheSameSvg(@TempDir Path dir) throws Exception {
        Path a = ChartFiles.write(chart(), dir.resolve("a"), "loss", 400, 300).svg();
        Path b = ChartFiles.write(chart(), dir.resolve("b"), "loss", 400, 300).svg();
        assertEquals(Files.readString(a), Files.readString(b));
        assertTrue(Files.readString(a).contains("_lossclip-"), "ids carry the chart's name");
    }
}
