package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import io.github.rivervalley.simulator.spec.RecordSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GD on a straight valley against the closed forms of docs/science.md section 4. */
class GradientDescentTest {

    /**
     * Each GD step multiplies the hill coordinate by (1 - eta lambda) with one rounding, so after t steps
     * the relative error against Math.pow is at most about t ulps (t <= 300 here: < 1e-13).
     */
    private static final double EXACT = 1e-12;

    private static final double LAMBDA = 4.0;
    private static final double SLOPE = 0.5;

    private static StraightValley valley() {
        return new StraightValley(new RiverProfile.Linear(SLOPE), new double[] {LAMBDA});
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 1.2, 1.5, 1.9})
    void hillCoordinateFollowsTheGeometricSequence(double etaLambda) {
        double eta = etaLambda / LAMBDA;
        double h0 = 0.7;
        int steps = 300;
        Run run = Run.of("gd", valley(), TestSchedules.constant(eta, steps)).withStart(0.0, h0).withRecord(RecordSpec.every(1));
        Trace trace = Simulation.trace(run, 1);
        double[] disp = trace.column(Line.MAIN, TraceColumns.HILL_DISP);
        double[] crossings = trace.column(Line.MAIN, TraceColumns.CROSSINGS);
        assertEquals(steps + 1, disp.length);
        for (int t = 0; t <= steps; t++) {
            double expected = Math.pow(1 - etaLambda, t) * h0;
            assertEquals(expected, disp[t], EXACT * Math.abs(expected), "step " + t);
            if (t > 0) {
                // A sign flip every step exactly when 1/lambda < eta < 2/lambda; never below 1/lambda.
                assertEquals(etaLambda > 1 ? 1.0 : 0.0, crossings[t], "crossings at step " + t);
            }
        }
    }

    @Test
    void crossingsAreCountedPerStepBetweenSparseRows() {
        double eta = 1.5 / LAMBDA;
        Run run = Run.of("gd", valley(), TestSchedules.constant(eta, 100)).withStart(0.0, 1.0).withRecord(RecordSpec.every(10).withBoundaries(false));
        Trace trace = Simulation.trace(run, 1);
        double[] crossings = trace.column(Line.MAIN, TraceColumns.CROSSINGS);
        double[] amplitude = trace.column(Line.MAIN, TraceColumns.AMPLITUDE);
        for (int row = 1; row < crossings.length; row++) {
            assertEquals(10.0, crossings[row]);
            // |h| shrinks by 0.5 per step, so the largest |h| of a window is its first step's.
            double expected = Math.pow(0.5, 10 * (row - 1) + 1);
            assertEquals(expected, amplitude[row], EXACT * expected);
        }
    }

    @Test
    void divergenceAboveTwoOverLambdaIsReportedNotThrown() {
        double eta = 2.5 / LAMBDA;
        double h0 = 1.0;
        double threshold = 1e6;
        Run run = Run.of("diverge", valley(), TestSchedules.constant(eta, 200)).withStart(0.0, h0)
                .withRecord(RecordSpec.every(1).withDivergenceThreshold(threshold));
        Trace trace = Simulation.trace(run, 1);
        RunSummary.LineResult main = trace.summary().lines().get(0);
        assertEquals(1, main.diverged());
        assertNull(main.loss(), "a fully diverged line has no final values");
        // The loss at step t is -s * x0_t + (lambda/2) (1.5^t h0)^2; the first step above the threshold is
        // where the replica must have stopped.
        long expected = -1;
        double x0 = 0;
        for (int t = 0; t < 200 && expected < 0; t++) {
            double h = Math.pow(1 - eta * LAMBDA, t) * h0;
            if (-SLOPE * x0 + 0.5 * LAMBDA * h * h > threshold) {
                expected = t;
            }
            x0 += eta * SLOPE;
        }
        assertEquals(expected, main.firstDivergenceStep());
        for (TraceRow row : trace.rows(Line.MAIN)) {
            boolean gone = row.step() >= expected;
            assertEquals(gone ? 1.0 : 0.0, row.get(TraceLayout.DIVERGED), "diverged at step " + row.step());
            assertEquals(gone, Double.isNaN(row.get(TraceLayout.LOSS)));
        }
        // The theory columns follow (GD's expected values keep growing: the theory does not stop at divergence).
        assertTrue(trace.toCsv().contains("\nmain," + expected + ",0.625,NaN,NaN,NaN,NaN,NaN,NaN,,,,1,"), trace.toCsv().substring(0, 400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wsd", "wsd-s", "cosine", "library wsd", "library wsd-s", "library cosine", "library cyclic-cosine"})
    void riverProgressIsSlopeTimesLrSum(String family) {
        Schedule schedule = switch (family) {
            case "wsd" -> TestSchedules.wsd(0.2, 20, 0.2, 0.1, 200, 400, 600);
            case "wsd-s" -> TestSchedules.wsdS(0.2, 20, 0.2, 0.1, 200, 400, 600);
            case "cosine" -> TestSchedules.cosine(0.2, 20, 0.1, 600);
            case "library wsd" -> Schedules.wsd(0.2, 20, 200, 400, 600);
            case "library wsd-s" -> Schedules.wsdS(0.2, 20, 200, 400, 600);
            case "library cosine" -> Schedules.cosine(0.2, 20, 200, 600);
            default -> Schedules.cyclicCosine(0.2, 20, WarmupShape.LINEAR, 0.1, 0.1, 50, 200, 400, 600);
        };
        Run run = Run.of("river", valley(), schedule).withStart(0.0, 1.0).withRecord(RecordSpec.every(7));
        Trace trace = Simulation.trace(run, 1);
        int rows = 0;
        for (Line line : schedule.lines()) {
            for (TraceRow row : trace.rows(line.name())) {
                double expected = SLOPE * TestSchedules.lrSum(line.lr(), row.step());
                assertEquals(expected, row.get(TraceLayout.RIVER_COORD), EXACT * Math.max(expected, 1e-300), line.name() + " step " + row.step());
                rows++;
            }
        }
        assertTrue(rows > 80, "enough rows compared: " + rows);
    }
}
