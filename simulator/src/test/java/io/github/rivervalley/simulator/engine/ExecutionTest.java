package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceRecorder;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.LearningRate;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Properties of the execution design: thread-count independence, exact forks, windowed streaming. */
class ExecutionTest {

    private static final StraightValley VALLEY = new StraightValley(new RiverProfile.Linear(0.4), new double[] {1.0, 6.0, 12.0});

    /** A noisy momentum run over WSD branches: 300 replicas = 5 blocks, the last one partial. */
    private static Run busyRun() {
        return Run.of("busy", VALLEY, TestSchedules.wsd(0.1, 10, 0.2, 0.1, 120, 240, 360))
                .withOptimizer(Optimizers.momentum()).withNoise(Noises.isotropic(0.3)).withReplicas(300).withSeed(99)
                .withStart(0.0, 0.5, -0.5, 0.25).withRecord(new RecordSpec(13L, 9, true, null, null, null));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        String one = Simulation.trace(busyRun(), 1).toCsv();
        assertEquals(one, Simulation.trace(busyRun(), 2).toCsv());
        assertEquals(one, Simulation.trace(busyRun(), 3).toCsv());
    }

    @Test
    void windowsNeverChangeTheOutput() {
        String whole = Simulation.trace(busyRun(), 2).toCsv();
        for (int[] limits : new int[][] {{1, 1}, {3, 7}, {5, 1000}, {1000, 2}}) {
            TraceRecorder recorder = new TraceRecorder();
            new Engine(busyRun(), 2, limits[0], limits[1]).execute(List.of(recorder));
            assertEquals(whole, recorder.trace().toCsv(), "rows per window " + limits[0] + ", steps per window " + limits[1]);
        }
    }

    /** A branch forked at step f with the parent's own learning rate must reproduce the parent bit for bit. */
    @Test
    void forkThenContinueEqualsAnUninterruptedRun() {
        LearningRate lr = t -> 0.05 + 0.01 * Math.sin(t / 17.0);
        long steps = 300;
        long fork = 123;
        Line main = new Line(Line.MAIN, Optional.empty(), 0, steps, lr, List.of(new Phase(Phase.Kind.STABLE, 0, steps)));
        Line copy = new Line("copy", Optional.of(Line.MAIN), fork, steps, lr, List.of(new Phase(Phase.Kind.STABLE, fork, steps)));
        Schedule schedule = new TestSchedules.Simple(0.06, List.of(main, copy), List.of());
        Run run = Run.of("fork", VALLEY, schedule).withOptimizer(Optimizers.adam()).withNoise(Noises.isotropic(0.2))
                .withReplicas(150).withSeed(4).withRecord(RecordSpec.every(10));
        Trace trace = Simulation.trace(run, 2);
        List<TraceRow> branchRows = trace.rows("copy");
        assertEquals(fork, branchRows.get(0).step());
        int compared = 0;
        for (TraceRow row : branchRows) {
            TraceRow parent = trace.rows(Line.MAIN).stream().filter(r -> r.step() == row.step()).findFirst().orElseThrow();
            assertArrayEquals(parent.values(), row.values(), 0.0, "step " + row.step());
            compared++;
        }
        assertEquals(19, compared, "rows 123, 130, ..., 300");
    }

    @Test
    void flowLineFollowsTheExactGradientFlow() {
        double h0 = 0.8;
        double slope = 0.4;
        StraightValley valley = new StraightValley(new RiverProfile.Linear(slope), new double[] {3.0});
        Schedule schedule = TestSchedules.cosine(0.05, 5, 0.1, 200);
        Run run = Run.of("flow", valley, schedule).withStart(0.0, h0).withFlow(true).withRecord(RecordSpec.every(20));
        Trace trace = Simulation.trace(run, 1);
        List<TraceRow> flow = trace.rows("flow");
        assertEquals(trace.rows(Line.MAIN).size(), flow.size());
        Line main = schedule.lines().get(0);
        for (int i = 0; i < flow.size(); i++) {
            TraceRow row = flow.get(i);
            assertEquals(trace.rows(Line.MAIN).get(i).step(), row.step());
            double t = TestSchedules.lrSum(main.lr(), row.step());
            // dx0/dt = slope, dh/dt = -lambda h. Dormand-Prince at tolerance 1e-12 keeps the global error
            // well below 1e-9 over this short horizon.
            assertEquals(slope * t, row.get(io.github.rivervalley.simulator.results.TraceLayout.RIVER_COORD), 1e-9);
            assertEquals(h0 * Math.exp(-3.0 * t), row.get(io.github.rivervalley.simulator.results.TraceLayout.HILL_DISP), 1e-9);
        }
        // GD at this small LR stays close to the flow: h_GD = prod (1 - eta lambda) h0 vs h0 exp(-lambda sum eta).
        double gd = trace.value(Line.MAIN, 200, "hill_disp");
        double exact = trace.value("flow", 200, "hill_disp");
        assertTrue(Math.abs(gd - exact) < 0.05 * h0, gd + " vs " + exact);
        assertEquals(List.of(Line.MAIN, "flow"), trace.summary().lines().stream().map(l -> l.name()).toList());
    }

    @Test
    void sharpnessOnRequestedRowsOnly() {
        StraightValley valley = new StraightValley(new RiverProfile.Quadratic(0.1, 5.0), new double[] {2.0, 8.0});
        Run run = Run.of("sharp", valley, TestSchedules.constant(0.1, 100)).withRecord(RecordSpec.every(10).withSharpnessEvery(50));
        Trace trace = Simulation.trace(run, 1);
        for (TraceRow row : trace.rows(Line.MAIN)) {
            double sharpness = row.get(trace.layout().sharpness());
            if (row.step() % 50 == 0) {
                assertEquals(8.0, sharpness, 1e-12); // a diagonal Hessian: the eigen-solver is exact to rounding
            } else {
                assertTrue(Double.isNaN(sharpness));
            }
        }
        assertTrue(trace.toCsv().contains("\nmain,10,0.1,"));
        String[] fields = trace.toCsv().lines().filter(l -> l.startsWith("main,10,")).findFirst().orElseThrow().split(",", -1);
        assertEquals("", fields[trace.layout().sharpness() + 1], "an empty sharpness field on rows without it");
    }

    @Test
    void preconditionedSharpnessOfAdamIsTheCurvatureOverItsDenominator() {
        double[] lambdas = {2.0, 8.0};
        StraightValley valley = new StraightValley(new RiverProfile.Quadratic(0.5, 1.0), lambdas);
        double lr = 0.01;
        int steps = 40;
        Run run = Run.of("adam", valley, TestSchedules.constant(lr, steps)).withOptimizer(Optimizers.adam()).withStart(0.0, 1.0, 1.0)
                .withRecord(new RecordSpec((long) steps, 0, false, (long) steps, true, null));
        Trace trace = Simulation.trace(run, 1);
        // Replay Adam's second moment independently: P_i = sqrt(v_i / (1 - b2^t)) + eps; the preconditioned
        // Hessian is diagonal with entries H_ii / P_i.
        double[] x = {0.0, 1.0, 1.0};
        double[] curvature = {0.5, lambdas[0], lambdas[1]};
        double[] m = new double[3];
        double[] v = new double[3];
        double b1 = 0.9;
        double b2 = 0.999;
        for (int t = 1; t <= steps; t++) {
            double[] g = {0.5 * (x[0] - 1.0), lambdas[0] * x[1], lambdas[1] * x[2]};
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                x[i] -= lr * (m[i] / (1 - Math.pow(b1, t))) / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + 1e-8);
            }
        }
        double top = 0;
        for (int i = 0; i < 3; i++) {
            top = Math.max(top, curvature[i] / (Math.sqrt(v[i] / (1 - Math.pow(b2, steps))) + 1e-8));
        }
        double measured = trace.value(Line.MAIN, steps, "preconditioned_sharpness");
        assertEquals(top, measured, 1e-9 * top);
        assertEquals(8.0, trace.value(Line.MAIN, steps, "sharpness"), 1e-12);
    }

    @Test
    void checkpointsAreRecordedOffTheGridAndSummarised() {
        Schedule schedule = TestSchedules.wsdS(0.1, 10, 0.2, 0.1, 100, 200, 400);
        Run run = Run.of("wsd-s", VALLEY, schedule).withNoise(Noises.isotropic(0.1)).withOptimizer(Optimizers.gd())
                .withReplicas(70).withStart(0.0, 0.5, -0.5, 0.25).withRecord(RecordSpec.every(100_000).withBoundaries(false));
        Trace trace = Simulation.trace(run, 2);
        List<io.github.rivervalley.simulator.results.RunSummary.CheckpointResult> results = trace.summary().checkpoints();
        assertEquals(schedule.checkpoints().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            var expected = schedule.checkpoints().get(i);
            var result = results.get(i);
            assertEquals(expected.budget(), result.budget());
            assertEquals(expected.step(), result.step());
            assertEquals(expected.compute(), result.compute());
            assertEquals(trace.value(result.line(), result.step(), "loss"), result.loss());
            assertEquals(trace.value(result.line(), result.step(), "hill_excess"), result.hillExcess());
            assertEquals(trace.value(result.line(), result.step(), "loss_se"), result.lossSe());
        }
        // Only the start, the checkpoints and the end were asked for.
        assertEquals(List.of(0L, 100L, 220L, 460L), trace.rows(Line.MAIN).stream().map(TraceRow::step).toList());
    }

    /** Replicas that diverge on the main line stay diverged on the branches forked after it. */
    @Test
    void branchesInheritTheirParentsDivergedReplicas() {
        // Noise along the linear river makes the loss -0.4 x0 a random walk: some replicas wander above the low
        // threshold (at different times), others never do.
        Schedule schedule = TestSchedules.wsd(0.1, 10, 0.2, 0.1, 100, 200);
        Run run = Run.of("partial", VALLEY, schedule).withNoise(Noises.isotropic(3.0)).withOptimizer(Optimizers.gd())
                .withReplicas(200).withSeed(12).withRecord(RecordSpec.every(10).withDivergenceThreshold(4.0));
        Trace trace = Simulation.trace(run, 2);
        var lines = trace.summary().lines();
        var main = lines.get(0);
        assertTrue(main.diverged() > 0 && main.diverged() < 200, "some but not all replicas diverge: " + main.diverged());
        for (var line : lines.subList(1, lines.size())) {
            long fork = schedule.line(line.name()).forkStep();
            double inherited = trace.value(Line.MAIN, fork, "diverged");
            assertEquals(inherited, trace.rows(line.name()).get(0).get(io.github.rivervalley.simulator.results.TraceLayout.DIVERGED));
            assertTrue(line.diverged() >= inherited);
            double last = trace.rows(line.name()).get(trace.rows(line.name()).size() - 1).get(io.github.rivervalley.simulator.results.TraceLayout.DIVERGED);
            assertEquals(line.diverged(), (int) last);
            if (inherited > 0) {
                assertTrue(line.firstDivergenceStep() <= fork, "the first divergence happened on the parent");
            }
        }
        // The diverged count never decreases along a line.
        double previous = 0;
        for (TraceRow row : trace.rows(Line.MAIN)) {
            assertTrue(row.get(io.github.rivervalley.simulator.results.TraceLayout.DIVERGED) >= previous);
            previous = row.get(io.github.rivervalley.simulator.results.TraceLayout.DIVERGED);
        }
    }
}
