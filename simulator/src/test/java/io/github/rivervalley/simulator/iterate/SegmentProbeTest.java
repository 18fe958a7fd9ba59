package io.github.rivervalley.simulator.iterate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored iterates and the interpolation probe on a straight valley {@code L = -s x_0 + sum (lambda_i/2) x_i^2},
 * where the segment between two points is known in closed form: the river loss is linear in a and the hill
 * excess is the parabola {@code sum (lambda_i/2) ((1 - a) h_i + a h'_i)^2}.
 */
class SegmentProbeTest {

    private static final double[] LAMBDA = {10, 4};
    private static final double SLOPE = 1.0;

    private static final String SPEC = """
            name: probe
            seed: 3
            steps: 3000
            replicas: 70
            landscape: {type: straight-valley, hillCurvature: [10, 4], river: {type: linear, slope: 1}}
            start: [0, 0.5, -0.5]
            optimizer: {type: sgd}
            noise: {type: hill, sigma: 1.0}
            schedule: {type: constant, peak: 0.1}
            record: {every: 100, path: true, iterates: [0, 1000, 2950]}
            """;

    private static RunSpec spec(String yaml) {
        SpecReader reader = SpecReader.instance();
        return reader.read(yaml, "probe.yaml", RunSpec.class);
    }

    @Test
    void storedIteratesAreTheRunsPoints(@TempDir Path dir) {
        RunSpec spec = spec(SPEC);
        Simulation.run(spec, dir, 2);
        Path run = dir.resolve("probe");
        Trace trace = Simulation.trace(spec, 1);
        assertEquals(List.of(0.0, 0.5, -0.5), box(IterateFiles.read(run, "main", 0, IterateFiles.Kind.REPLICA0)));
        for (long step : new long[] {1000, 2950}) {
            double[] first = IterateFiles.read(run, "main", step, IterateFiles.Kind.REPLICA0);
            // Replica 0's own coordinates are the trace's path columns, bit for bit (2950 is off the grid of 100:
            // the iterate steps are recorded rows too).
            for (int j = 0; j < 3; j++) {
                assertEquals(trace.value("main", step, "path_x" + j), first[j], "x" + j + " at " + step);
            }
            // The mean point's river coordinate is the trace's replica-mean river_coord (sums in another order:
            // 70 terms of size 100, so 1e-12 relative).
            double[] mean = IterateFiles.read(run, "main", step, IterateFiles.Kind.MEAN);
            assertEquals(trace.value("main", step, "river_coord"), mean[0], 1e-12 * Math.abs(mean[0]));
        }
        assertThrows(IllegalArgumentException.class, () -> IterateFiles.read(run, "main", 2000, IterateFiles.Kind.MEAN));
    }

    /** 70 replicas are two blocks of 64: one or two threads must store the same bits. */
    @Test
    void storedIteratesDoNotDependOnTheThreadCount(@TempDir Path dir) {
        RunSpec spec = spec(SPEC);
        Simulation.run(spec, dir.resolve("one"), 1);
        Simulation.run(spec, dir.resolve("two"), 2);
        for (IterateFiles.Kind kind : IterateFiles.Kind.values()) {
            assertEquals(box(IterateFiles.read(dir.resolve("one/probe"), "main", 2950, kind)),
                    box(IterateFiles.read(dir.resolve("two/probe"), "main", 2950, kind)), kind.text());
        }
    }

    @Test
    void hillExcessAlongTheSegmentIsTheParabola(@TempDir Path dir) {
        RunSpec spec = spec(SPEC);
        Simulation.run(spec, dir, 1);
        Path run = dir.resolve("probe");
        double[] a = IterateFiles.read(run, "main", 1000, IterateFiles.Kind.REPLICA0);
        double[] b = IterateFiles.read(run, "main", 2950, IterateFiles.Kind.REPLICA0);
        Landscape valley = Simulation.prepare(spec).landscape();
        List<SegmentProbe.Point> probe = SegmentProbe.along(valley, a, b, 41);
        assertEquals(41, probe.size());
        // Parabola E(t) = E0 + B t + A t^2 with d_i = h'_i - h_i: A = sum lambda_i d_i^2 / 2, B = sum lambda_i h_i d_i.
        double e0 = 0;
        double linear = 0;
        double quadratic = 0;
        for (int i = 0; i < LAMBDA.length; i++) {
            double h = a[i + 1];
            double d = b[i + 1] - h;
            e0 += LAMBDA[i] / 2 * h * h;
            linear += LAMBDA[i] * h * d;
            quadratic += LAMBDA[i] / 2 * d * d;
        }
        for (SegmentProbe.Point p : probe) {
            double t = p.alpha();
            double hill = e0 + linear * t + quadratic * t * t;
            double river = -SLOPE * ((1 - t) * a[0] + t * b[0]);
            // One rounding in x(t) and a few in the sums: 1e-12 relative to the terms' size.
            assertEquals(hill, p.hillExcess(), 1e-12 * (e0 + Math.abs(linear) + quadratic), "hill excess at " + t);
            assertEquals(river, p.riverLoss(), 1e-12 * Math.abs(b[0]), "river loss at " + t);
            assertEquals(p.riverLoss() + p.hillExcess(), p.loss(), 1e-12 * Math.abs(b[0]));
        }
        assertEquals(0.0, probe.get(0).alpha());
        assertEquals(1.0, probe.get(40).alpha());
    }

    @Test
    void iteratesBeyondTheRunAreRejected() {
        SpecException e = assertThrows(SpecException.class, () -> Simulation.prepare(spec(SPEC.replace("2950]", "4000]"))));
        assertEquals("record.iterates", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("4000"), e.getMessage());
    }

    private static List<Double> box(double[] x) {
        return java.util.Arrays.stream(x).boxed().toList();
    }
}
