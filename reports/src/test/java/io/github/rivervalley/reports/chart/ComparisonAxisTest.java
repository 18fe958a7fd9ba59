package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.results.read.TraceReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The loss comparison's axis: a loss that falls fast onto a floor (a bigram model's, to its entropy) gets a
 * y axis fitted to the second half of the steps, where the schedules differ; a loss that does not keeps the
 * whole range; a non-negative quantity never gets an axis below zero.
 */
class ComparisonAxisTest {

    /** A one-line run of {@code steps + 1} rows with loss {@code f(step)} (every other column 0). */
    static RecordedRun run(String name, long steps, LongToDoubleFunction f) throws Exception {
        return run(name, steps, f, t -> 0);
    }

    /** The same with river loss {@code river(step)} and hill excess the rest. */
    static RecordedRun run(String name, long steps, LongToDoubleFunction f, LongToDoubleFunction river) throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", TraceColumns.REQUIRED)).append('\n');
        for (long t = 0; t <= steps; t++) {
            double loss = f.applyAsDouble(t);
            double r = river.applyAsDouble(t);
            csv.append("main,").append(t).append(",0.1,").append(loss).append(',').append(r).append(',').append(loss - r).append(",0,0,0\n");
        }
        List<RecordedTrace> traces = new TraceReader(512).read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), name);
        RunSummary summary = new RunSummary(name, steps, 1, 1L, "test", "constant", steps, List.of(), List.of());
        return new RecordedRun(Path.of(name), summary, "", Optional.empty(), Optional.empty(), traces);
    }

    private static ValueAxis axis(List<RecordedRun> runs) {
        JFreeChart chart = ChartCatalog.COMPARE_LOSS.draw(runs);
        return ((XYPlot) chart.getPlot()).getRangeAxis();
    }

    private static String subtitle(List<RecordedRun> runs) {
        return ((org.jfree.chart.title.TextTitle) ChartCatalog.COMPARE_LOSS.draw(runs).getSubtitle(0)).getText();
    }

    @Test
    void aLossFallingOntoAFloorIsDrawnOnTheSecondHalfsRange() throws Exception {
        // 5.5 down to about 1.25 within the first tenth; then two runs 0.01 apart.
        List<RecordedRun> runs = List.of(run("a", 2000, t -> 1.25 + 4.25 * Math.exp(-t / 40.0)),
                run("b", 2000, t -> 1.26 + 4.24 * Math.exp(-t / 40.0)));
        ValueAxis y = axis(runs);
        // independently: second half (steps >= 1000) spans [1.25, 1.26] up to exp(-25) ~ 1e-11; the lowest anywhere is 1.25
        double lo = 1.25;
        double hi = 1.26 + 4.24 * Math.exp(-1000 / 40.0);
        double span = hi - lo;
        // Padding of 10% on each side; the tolerance is far below the 0.001 padding.
        assertEquals(lo - 0.1 * span, y.getLowerBound(), 1e-9);
        assertEquals(hi + 0.1 * span, y.getUpperBound(), 1e-9);
        assertTrue(subtitle(runs).contains("fitted to the second half"), subtitle(runs));
    }

    @Test
    void theStackedDecompositionOfSuchALossIsFittedTooNotAStackOfFloor() throws Exception {
        // river loss 1.25 + 0.005 (1 - t/2000), hill excess 0.01 after the fall: from zero the orange layer would be 0.2% of the axis.
        RecordedRun run = run("d", 2000, t -> 1.26 + 4.24 * Math.exp(-t / 40.0) - 0.005 * t / 2000.0, t -> 1.255 - 0.005 * t / 2000.0);
        ValueAxis y = ((XYPlot) ChartCatalog.DECOMPOSITION.draw(run).getPlot()).getRangeAxis();
        // independently: lowest value anywhere the river loss at the end, 1.25; highest of the second half the loss at step 1000
        double lo = 1.25;
        double hi = 1.26 + 4.24 * Math.exp(-1000 / 40.0) - 0.0025;
        assertEquals(lo - 0.1 * (hi - lo), y.getLowerBound(), 1e-9);
        assertEquals(hi + 0.1 * (hi - lo), y.getUpperBound(), 1e-9);
    }

    @Test
    void aLossThatDoesNotDwarfItsEndKeepsTheWholeRangeFromZero() throws Exception {
        // 1.0 down to 0.5 linearly: the first half spans 0.25 + 0.25, the second 0.25; not dwarfed.
        List<RecordedRun> runs = List.of(run("c", 1000, t -> 1.0 - 0.5 * t / 1000.0));
        ValueAxis y = axis(runs);
        assertTrue(!subtitle(runs).contains("fitted"), subtitle(runs));
        assertTrue(y.getLowerBound() >= 0, "non-negative loss: no axis below zero, " + y.getRange());
        assertTrue(y.getUpperBound() >= 1.0 && y.getLowerBound() <= 0.5, y.getRange().toString());
    }
}
