package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.results.read.TraceReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TraceDatasetTest {

    @Test
    void bandIsBucketMinMaxWidenedByTheSpreadAndLogModeDropsNonPositivePoints() throws Exception {
        // Two rows per bucket (4 buckets for 8 rows): y alternates around a trend, se is known per row.
        StringBuilder csv = new StringBuilder("line,step,lr,loss,loss_se\n");
        double[] y = {1, -1, 2, 0, 3, 1, 4, 2};
        double[] se = {0.1, 0.2, 0.1, 0.3, 0.1, 0.1, 0.2, 0.1};
        for (int t = 0; t < y.length; t++) {
            csv.append("main,").append(t).append(",1,").append(y[t]).append(',').append(se[t]).append('\n');
        }
        RecordedTrace trace = new TraceReader(4).read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "t").get(0);
        Column loss = trace.column("loss");
        TraceDataset linear = new TraceDataset(false);
        linear.add("loss", trace.step(), loss, trace.column("loss_se"), 2.0);
        assertEquals(4, linear.getItemCount(0));
        for (int b = 0; b < 4; b++) {
            double lo = Math.min(y[2 * b], y[2 * b + 1]);
            double hi = Math.max(y[2 * b], y[2 * b + 1]);
            double spread = 2 * Math.max(se[2 * b], se[2 * b + 1]);
            assertEquals(2 * b + 0.5, linear.getXValue(0, b));
            assertEquals((y[2 * b] + y[2 * b + 1]) / 2, linear.getYValue(0, b));
            assertEquals(lo - spread, linear.getStartYValue(0, b), 1e-15);
            assertEquals(hi + spread, linear.getEndYValue(0, b), 1e-15);
        }
        // Log mode: bucket 0 has mean 0 and is left out; bands reaching below zero are clamped to a tenth of
        // the smallest positive value shown (bucket 1: mean 1, min 0 -> smallest positive is 1).
        TraceDataset log = new TraceDataset(true);
        log.add("loss", trace.step(), loss, trace.column("loss_se"), 2.0);
        assertEquals(3, log.getItemCount(0));
        assertEquals(2.5, log.getXValue(0, 0));
        assertEquals(0.1, log.getStartYValue(0, 0), 1e-15);
    }
}
