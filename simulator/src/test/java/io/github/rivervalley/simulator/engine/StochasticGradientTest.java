package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.LearningRate;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.spec.RecordSpec;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SGD against the exact results on a quadratic hill (docs/science.md section 4). Replicas are independent, so
 * at one step their mean has a standard error the trace reports; the tests use replicas at one step only
 * (no time averages, so no autocorrelation) and accept 3 standard errors. Replica counts are chosen so the
 * relative standard error is about 1%, which makes a 3-SE band a sharp test (a 5% bias would fail).
 */
class StochasticGradientTest {

    private static final double LAMBDA = 2.0;
    private static final double SLOPE = 0.3;
    private static final double SIGMA = 0.5;
    /** Two hills of equal curvature: the per-replica hill excess is (lambda/2)(h1^2 + h2^2), relative SD 1. */
    private static final int HILLS = 2;
    private static final int REPLICAS = 12_000;

    private static StraightValley valley() {
        return new StraightValley(new RiverProfile.Linear(SLOPE), new double[] {LAMBDA, LAMBDA});
    }

    private static void assertWithin3Se(double expected, double mean, double se, String what) {
        assertTrue(Math.abs(mean - expected) <= 3 * se,
                what + ": mean " + mean + " vs exact " + expected + " (SE " + se + ", " + (mean - expected) / se + " SE)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 1.0, 1.5})
    void stationaryHillExcess(double etaLambda) {
        double eta = etaLambda / LAMBDA;
        // Var(h_t) reaches its stationary value up to (1 - eta lambda)^(2t) < 1e-9 after 100 steps at eta lambda = 0.1.
        int steps = 110;
        Run run = Run.of("sgd", valley(), TestSchedules.constant(eta, steps)).withNoise(Noises.isotropic(SIGMA))
                .withReplicas(REPLICAS).withSeed(11).withRecord(RecordSpec.every(steps));
        Trace trace = Simulation.trace(run, 2);
        double mean = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS);
        double se = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS_SE);
        double s = SIGMA * SIGMA;
        double exact = HILLS * eta * s / (2 * (2 - etaLambda));
        assertTrue(se / exact < 0.02, "relative SE " + se / exact);
        assertWithin3Se(exact, mean, se, "eta lambda " + etaLambda);
    }

    @Test
    void varianceRecursionOverAWsdSchedule() {
        Schedule schedule = TestSchedules.wsd(0.4, 10, 0.25, 0.1, 200);
        Line branch = schedule.line("branch-200");
        Run run = Run.of("recursion", valley(), schedule).withNoise(Noises.isotropic(SIGMA)).withStart(0, 0.3, -0.3)
                .withReplicas(REPLICAS).withSeed(5).withRecord(RecordSpec.every(25));
        Trace trace = Simulation.trace(run, 2);
        // v_{t+1} = (1 - eta_t lambda)^2 v_t + eta_t^2 s, per hill, from v_0 = h_0^2 (deterministic start).
        double s = SIGMA * SIGMA;
        double v = 0.3 * 0.3;
        int compared = 0;
        for (long t = 0; t <= 200; t++) {
            if (t % 25 == 0 && t >= 25) {
                String line = t <= branch.forkStep() ? Line.MAIN : branch.name();
                double exact = HILLS * 0.5 * LAMBDA * v;
                assertWithin3Se(exact, trace.value(line, t, TraceColumns.HILL_EXCESS), trace.value(line, t, TraceColumns.HILL_EXCESS_SE), line + " step " + t);
                compared++;
            }
            double eta = branch.lr().at(t);
            v = (1 - eta * LAMBDA) * (1 - eta * LAMBDA) * v + eta * eta * s;
        }
        assertEquals(8, compared);
    }

    @Test
    void riverProgressInExpectationUnderWsdCosineAndWsdS() {
        for (Schedule schedule : new Schedule[] {
            TestSchedules.wsd(0.3, 10, 0.2, 0.1, 100, 200),
            TestSchedules.cosine(0.3, 10, 0.1, 200),
            TestSchedules.wsdS(0.3, 10, 0.2, 0.1, 100, 200),
            Schedules.wsd(0.3, 10, 100, 200),
            Schedules.cosine(0.3, 10, 200),
            Schedules.wsdS(0.3, 10, 100, 200)}) {
            Run run = Run.of("river", valley(), schedule).withNoise(Noises.isotropic(SIGMA)).withReplicas(4000).withSeed(3)
                    .withRecord(RecordSpec.every(50));
            Trace trace = Simulation.trace(run, 2);
            int se = trace.layout().indexOf(TraceColumns.RIVER_LOSS_SE);
            for (Line line : schedule.lines()) {
                for (TraceRow row : trace.rows(line.name())) {
                    if (row.step() == 0) {
                        continue;
                    }
                    // river_loss = -slope * x0, and E[x0_t] = slope * sum eta (zero-mean noise).
                    double exact = -SLOPE * SLOPE * TestSchedules.lrSum(line.lr(), row.step());
                    assertWithin3Se(exact, row.get(TraceLayout.RIVER_LOSS), row.get(se), line.name() + " step " + row.step());
                }
            }
        }
    }

    @Test
    void halvingTheBatchDoublesTheStableHillExcess() {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(SLOPE), new double[] {1.0, 4.0});
        double eta = 0.2;
        int steps = 60; // (1 - 0.2)^(120) is negligible for the flattest wall
        double[] mean = new double[2];
        double[] se = new double[2];
        double[] batch = {16, 8};
        for (int i = 0; i < 2; i++) {
            Run run = Run.of("curvature", valley, TestSchedules.constant(eta, steps)).withNoise(Noises.curvature(batch[i]))
                    .withReplicas(REPLICAS).withSeed(21 + i).withRecord(RecordSpec.every(steps));
            Trace trace = Simulation.trace(run, 2);
            mean[i] = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS);
            se[i] = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS_SE);
            // Each wall: s_i = lambda_i / B, so excess_i = eta lambda_i / (2 B (2 - eta lambda_i)).
            double exact = 0;
            for (double lambda : new double[] {1.0, 4.0}) {
                exact += eta * lambda / (2 * batch[i] * (2 - eta * lambda));
            }
            assertWithin3Se(exact, mean[i], se[i], "batch " + batch[i]);
        }
        assertWithin3Se(0.0, mean[1] - 2 * mean[0], Math.sqrt(se[1] * se[1] + 4 * se[0] * se[0]), "excess(B/2) - 2 excess(B)");
    }

    /**
     * The general curvature-noise path (EJML eigen-decomposition of the Hessian at every step) on a
     * landscape that hides its straight-valley type gives the same stationary excess.
     */
    @Test
    void curvatureNoiseThroughTheEigenDecompositionPath() {
        StraightValley inner = new StraightValley(new RiverProfile.Linear(SLOPE), new double[] {1.0, 4.0});
        Landscape opaque = new Landscape() {
            @Override
            public int dimension() {
                return inner.dimension();
            }

            @Override
            public double value(double[] x) {
                return inner.value(x);
            }

            @Override
            public double gradient(double[] x, double[] gradient) {
                return inner.gradient(x, gradient);
            }

            @Override
            public void hessianVectorProduct(double[] x, double[] v, double[] out) {
                inner.hessianVectorProduct(x, v, out);
            }

            @Override
            public void hessian(double[] x, DMatrixRMaj out) {
                inner.hessian(x, out);
            }
        };
        double eta = 0.2;
        double batch = 4;
        int steps = 60;
        Run run = Run.of("curvature-eig", opaque, TestSchedules.constant(eta, steps)).withNoise(Noises.curvature(batch))
                .withReplicas(6000).withSeed(8).withRecord(RecordSpec.every(steps));
        Trace trace = Simulation.trace(run, 2);
        // Without a decomposer only the loss is known: loss - river loss (= -slope * x0) is the hill excess,
        // but x0 is noisy too; use the loss, whose expectation is -slope E[x0] + excess with E[x0] = slope * eta * t.
        double exact = -SLOPE * SLOPE * eta * steps;
        for (double lambda : new double[] {1.0, 4.0}) {
            exact += eta * lambda / (2 * batch * (2 - eta * lambda));
        }
        assertWithin3Se(exact, trace.value(Line.MAIN, steps, TraceColumns.LOSS), trace.value(Line.MAIN, steps, TraceColumns.LOSS_SE), "loss");
        assertTrue(Double.isNaN(trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS)), "no decomposer, no hill excess");
    }

    @Test
    void hillNoiseLeavesTheRiverExactAndRiverNoiseLeavesTheHills() {
        double eta = 0.3;
        LearningRate lr = t -> eta;
        Run hill = Run.of("hill", valley(), TestSchedules.single(eta, 80, lr)).withNoise(Noises.hill(SIGMA)).withReplicas(REPLICAS)
                .withRecord(RecordSpec.every(80));
        Trace trace = Simulation.trace(hill, 2);
        assertEquals(SLOPE * eta * 80, trace.value(Line.MAIN, 80, TraceColumns.RIVER_COORD), 1e-12);
        assertEquals(0.0, trace.value(Line.MAIN, 80, TraceColumns.RIVER_LOSS_SE), 1e-15);
        double exact = HILLS * eta * SIGMA * SIGMA / (2 * (2 - eta * LAMBDA));
        assertWithin3Se(exact, trace.value(Line.MAIN, 80, TraceColumns.HILL_EXCESS), trace.value(Line.MAIN, 80, TraceColumns.HILL_EXCESS_SE), "hill noise");

        Run river = Run.of("river", valley(), TestSchedules.single(eta, 80, lr)).withNoise(Noises.river(SIGMA)).withReplicas(200)
                .withStart(0, 1, 1).withRecord(RecordSpec.every(80));
        Trace riverTrace = Simulation.trace(river, 2);
        double h = Math.pow(1 - eta * LAMBDA, 80);
        assertEquals(HILLS * 0.5 * LAMBDA * h * h, riverTrace.value(Line.MAIN, 80, TraceColumns.HILL_EXCESS), 1e-12 * h * h);
        assertTrue(riverTrace.value(Line.MAIN, 80, TraceColumns.RIVER_LOSS_SE) > 0, "the river coordinate is noisy");
    }
}
