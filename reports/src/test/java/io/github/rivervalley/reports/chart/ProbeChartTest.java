package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.iterate.IterateFiles;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceReader;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's probe chart: present when the spec stores iterates, and its hill excess is the straight valley's parabola. */
class ProbeChartTest {

    private static final String SPEC = """
            name: %s
            seed: 2
            steps: 400
            replicas: 4
            landscape: {type: straight-valley, hillCurvature: [10, 4], river: {type: linear, slope: 1}}
            start: [0, 0.5, 0.5]
            optimizer: {type: sgd}
            noise: {type: hill, sigma: 1.0}
            schedule: {type: wsd, peak: 0.1, decayFraction: 0.25, budgets: [200, 400]}
            record: {every: 50%s}
            """;

    static RecordedRun run(Path dir, String name, String extra) {
        SpecReader reader = SpecReader.instance();
        Simulation.run(reader.read(SPEC.formatted(name, extra), name + ".yaml", RunSpec.class), dir, 1);
        return Runs.read(dir.resolve(name), new TraceReader());
    }

    @Test
    void drawsTheSegmentBetweenTheFirstAndLastStoredIterates(@TempDir Path dir) {
        ProbeChart chart = new ProbeChart();
        assertFalse(chart.appliesTo(run(dir, "plain", "")));
        RecordedRun run = run(dir, "probed", ", iterates: [100, 400]");
        assertTrue(chart.appliesTo(run));
        assertEquals(new ProbeChart.Ends("main", 100, "branch-400", 400), ProbeChart.ends(run).orElseThrow());
        double[] a = IterateFiles.read(run.directory(), "main", 100, IterateFiles.Kind.REPLICA0);
        double[] b = IterateFiles.read(run.directory(), "branch-400", 400, IterateFiles.Kind.REPLICA0);
        JFreeChart drawn = chart.draw(run);
        XYDataset data = drawn.getXYPlot().getDataset();
        assertEquals(3, data.getSeriesCount());
        assertEquals(ProbeChart.POINTS, data.getItemCount(2));
        double[] lambda = {10, 4};
        for (int n = 0; n < ProbeChart.POINTS; n++) {
            double t = data.getXValue(2, n);
            double hill = 0;
            for (int i = 0; i < 2; i++) {
                double h = (1 - t) * a[i + 1] + t * b[i + 1];
                hill += lambda[i] / 2 * h * h;
            }
            // Same closed form, evaluated in another order: a few ulps of the largest term (< 1).
            assertEquals(hill, data.getYValue(2, n), 1e-13, "hill excess at a = " + t);
        }
    }
}
