package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceReader;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learning-rate axes read 0, 5e-4, 1e-3 or 0, 0.002, 0.004: never 3E-4 or 0E0, never two styles on one axis. */
class RateAxesTest {

    @Test
    void ratesAreWrittenPlainFromAThousandthUpAndInENotationBelow() {
        assertEquals("0", RateAxes.text(0));
        assertEquals("3e-4", RateAxes.text(3e-4));
        assertEquals("3e-4", RateAxes.text(3 * 1e-4), "the binary noise of 3.0000000000000003e-4 is not shown");
        assertEquals("2.5e-5", RateAxes.text(2.5e-5));
        assertEquals("0.001", RateAxes.text(1e-3));
        assertEquals("0.0015", RateAxes.text(0.0015));
        assertEquals("0.1", RateAxes.text(0.1));
        assertEquals("8", RateAxes.text(8));
        assertEquals("0.3", RateAxes.text(0.1 + 0.2), "0.30000000000000004 to ten digits");
        assertEquals("1.5e-3", RateAxes.text(0.0015, true));
        assertEquals("0.0005", RateAxes.text(5e-4, false));
    }

    @Test
    void aLogRateAxisTicksAtOneTwoFiveTimesPowersOfTenNotAtFractionalPowers() {
        org.jfree.chart.axis.LogAxis axis = RateAxes.log("peak");
        axis.setRange(0.018, 0.21); // a sweep of peaks 0.02 ... 0.19
        assertEquals(List.of("0.02", "0.05", "0.1", "0.2"), ticks(axis));
        axis.setRange(2e-5, 3e-3);
        assertEquals(List.of("2e-5", "5e-5", "1e-4", "2e-4", "5e-4", "1e-3", "2e-3"), ticks(axis), "one style per axis");
        axis.setRange(0.11, 0.45); // less than half a decade: finer mantissas
        assertEquals(List.of("0.15", "0.2", "0.3"), ticks(axis));
    }

    /** The tick labels of the schedule chart's rate axis for a run whose peak is {@code peak}. */
    private static List<String> scheduleTicks(Path dir, String name, double peak) throws Exception {
        SyntheticRuns.wsd(dir, name, new long[] {200, 400}, peak, 20, 0.2, 0.1);
        JFreeChart chart = ChartCatalog.SCHEDULE.draw(Runs.read(dir.resolve(name), new TraceReader(128)));
        return ticks(((XYPlot) chart.getPlot()).getRangeAxis());
    }

    static List<String> ticks(ValueAxis axis) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Rectangle2D area = new Rectangle2D.Double(0, 0, 800, 400);
        List<String> out = new ArrayList<>();
        for (Object o : axis.refreshTicks(g, new AxisState(), area, RectangleEdge.LEFT)) {
            out.add(((Tick) o).getText());
        }
        g.dispose();
        return out;
    }

    @Test
    void theScheduleChartsRateAxisUsesOneStyleAtEverySize(@TempDir Path dir) throws Exception {
        for (double peak : new double[] {3e-4, 5e-3, 0.15, 8}) {
            List<String> ticks = scheduleTicks(dir, "peak-" + peak, peak);
            assertTrue(ticks.size() >= 3, peak + ": " + ticks);
            assertEquals("0", ticks.get(0), peak + ": the axis starts at zero, written 0: " + ticks);
            boolean scientific = ticks.stream().anyMatch(t -> t.contains("e"));
            for (String t : ticks) {
                assertTrue(t.matches("0|[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?"), peak + ": tick '" + t + "' in " + ticks);
                assertTrue(t.equals("0") || t.contains("e") == scientific, peak + ": one style per axis, " + ticks);
            }
            // The style follows the tick spacing: e notation exactly when the spacing is below a thousandth.
            double spacing = Double.parseDouble(ticks.get(1));
            assertEquals(spacing < RateAxes.SMALLEST_PLAIN, scientific, peak + ": " + ticks);
        }
    }
}
