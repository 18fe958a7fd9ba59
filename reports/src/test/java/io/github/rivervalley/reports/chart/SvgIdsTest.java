package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's SVG is a pure function of the chart: its element ids come from the chart's name, not the clock. */
class SvgIdsTest {

    @Test
    void theSameChartWrittenTwiceGivesTheSameSvg(@TempDir Path dir) throws Exception {
        Path a = ChartFiles.write(SampleCharts.decayingLoss(), dir.resolve("a"), "loss", 400, 300).svg();
        Path b = ChartFiles.write(SampleCharts.decayingLoss(), dir.resolve("b"), "loss", 400, 300).svg();
        assertEquals(Files.readString(a), Files.readString(b));
        assertTrue(Files.readString(a).contains("_lossclip-"), "ids carry the chart's name");
    }
}
