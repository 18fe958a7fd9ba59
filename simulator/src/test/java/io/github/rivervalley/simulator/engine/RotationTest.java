package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GD and SGD do not notice a rotation of the valley; Adam does (docs/science.md section 2). */
class RotationTest {

    private static final StraightValley VALLEY = new StraightValley(new RiverProfile.Linear(0.5), new double[] {1.0, 3.0, 10.0, 0.5, 6.0});
    private static final RotatedValley ROTATED = new RotatedValley(VALLEY, 17);
    private static final double[] START = {0.0, 0.4, -0.3, 0.2, 0.5, -0.1};
    private static final List<String> MEASURES = List.of(TraceColumns.LOSS, TraceColumns.RIVER_LOSS, TraceColumns.HILL_EXCESS,
            TraceColumns.RIVER_COORD, TraceColumns.HILL_DIST, TraceColumns.HILL_DISP, TraceColumns.GRAD_NORM);

    private static Trace[] both(Optimizer optimizer) {
        double[] rotatedStart = new double[START.length];
        ROTATED.fromValleyFrame(START, rotatedStart);
        RecordSpec record = RecordSpec.every(5);
        Trace straight = Simulation.trace(Run.of("s", VALLEY, TestSchedules.constant(0.15, 200)).withOptimizer(optimizer)
                .withStart(START).withRecord(record), 1);
        Trace rotated = Simulation.trace(Run.of("r", ROTATED, TestSchedules.constant(0.15, 200)).withOptimizer(optimizer)
                .withStart(rotatedStart).withRecord(record), 1);
        return new Trace[] {straight, rotated};
    }

    /**
     * The rotated run computes z_t = Q y_t with O(d) extra roundings per step on values of order 1, so its
     * measurements agree with the straight run's to about 1e-14 per step; 1e-12 absolute over 200 steps.
     */
    @Test
    void gradientDescentIsRotationInvariant() {
        Trace[] traces = both(Optimizers.gd());
        for (String column : MEASURES) {
            double[] s = traces[0].column(Line.MAIN, column);
            double[] r = traces[1].column(Line.MAIN, column);
            for (int i = 0; i < s.length; i++) {
                assertEquals(s[i], r[i], 1e-12 * Math.max(1.0, Math.abs(s[i])), column + " row " + i);
            }
        }
        // eta * 10 = 1.5: the steepest wall flips sign at every step, in both frames, as long as the
        // displacement (halved each step) is far above the rounding of the rotation (about 1e-16).
        double[] disp = traces[0].column(Line.MAIN, TraceColumns.HILL_DISP);
        double[] crossings = traces[1].column(Line.MAIN, TraceColumns.CROSSINGS);
        int compared = 0;
        for (int i = 1; i < disp.length && Math.abs(disp[i]) > 1e-9; i++) {
            assertEquals(5.0, crossings[i], "row " + i);
            compared++;
        }
        assertTrue(compared >= 5, "rows compared: " + compared);
    }

    @Test
    void adamIsNot() {
        Trace[] traces = both(Optimizers.adam());
        double s = traces[0].value(Line.MAIN, 50, TraceColumns.HILL_EXCESS);
        double r = traces[1].value(Line.MAIN, 50, TraceColumns.HILL_EXCESS);
        assertTrue(Math.abs(s - r) > 1e-3 * Math.abs(s), "Adam's per-coordinate scaling sees the rotation: " + s + " vs " + r);
    }

    @Test
    void curvatureNoiseOnTheRotatedValleyHasTheStraightValleysStationaryExcess() {
        double eta = 0.1;
        double batch = 8;
        int steps = 150; // slowest wall 0.5: (1 - 0.05)^300 is about 2e-7
        Trace trace = Simulation.trace(Run.of("curv", ROTATED, TestSchedules.constant(eta, steps)).withNoise(Noises.curvature(batch))
                .withReplicas(6000).withSeed(2).withRecord(RecordSpec.every(steps)), 2);
        double exact = 0;
        for (double lambda : VALLEY.hillCurvatures()) {
            exact += eta * lambda / (2 * batch * (2 - eta * lambda));
        }
        double mean = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS);
        double se = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS_SE);
        assertTrue(se / exact < 0.02, "relative SE " + se / exact);
        assertTrue(Math.abs(mean - exact) <= 3 * se, mean + " vs " + exact + " (SE " + se + ")");
    }

    /** Hill noise through the general path (noise orthogonal to the river tangent) on the rotated valley. */
    @Test
    void hillNoiseOnTheRotatedValleyStaysOffTheRiver() {
        double eta = 0.1;
        double sigma = 0.5;
        int steps = 150;
        Trace trace = Simulation.trace(Run.of("hill", ROTATED, TestSchedules.constant(eta, steps)).withNoise(Noises.hill(sigma))
                .withReplicas(6000).withSeed(6).withRecord(RecordSpec.every(steps)), 2);
        double exact = 0;
        for (double lambda : VALLEY.hillCurvatures()) {
            exact += eta * sigma * sigma / (2 * (2 - eta * lambda));
        }
        double mean = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS);
        double se = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS_SE);
        assertTrue(se / exact < 0.02, "relative SE " + se / exact);
        assertTrue(Math.abs(mean - exact) <= 3 * se, mean + " vs " + exact + " (SE " + se + ")");
        // No noise along the river: every replica's river coordinate is 0.5 * eta * steps up to the
        // rounding of the rotation (the noise is removed by subtracting its tangent component).
        assertEquals(0.5 * eta * steps, trace.value(Line.MAIN, steps, TraceColumns.RIVER_COORD), 1e-9);
        assertTrue(trace.value(Line.MAIN, steps, TraceColumns.RIVER_LOSS_SE) < 1e-10);
    }
}
