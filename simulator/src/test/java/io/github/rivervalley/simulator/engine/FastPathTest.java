package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.observe.Divergence;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.results.SummaryFile;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceRecorder;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specialised straight-valley loop ({@link StraightValleySteps}) against the reference loop
 * ({@code StepLoop.advance}): same operations in the same order, so the traces (every step recorded, every
 * column including crossings and amplitude from the per-step probe) and the summaries (divergence steps)
 * must be identical to the byte, on 1 and 2 threads and across windows, forks and branches.
 */
class FastPathTest {

    private static final double[][] HILLS = {{8.0}, {1.0, 6.0, 12.0}};
    private static final RiverProfile[] RIVERS = {
        new RiverProfile.Linear(0.4), new RiverProfile.Quadratic(0.05, 3.0), new RiverProfile.Softplus(1.0)};

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        NoiseModel[] noises = {Noises.none(), Noises.isotropic(0.3), Noises.hill(0.5)};
        for (double[] hills : HILLS) {
            for (RiverProfile river : RIVERS) {
                for (NoiseModel noise : noises) {
                    all.add(Arguments.of(new StraightValley(river, hills), noise));
                }
            }
        }
        return all.stream();
    }

    private static String[] both(Run run, int rows, int steps) {
        String[] out = new String[4];
        for (int fast = 0; fast < 2; fast++) {
            for (int threads = 1; threads <= 2; threads++) {
                out[fast * 2 + threads - 1] = trace(run, threads, rows, steps, fast == 1);
            }
        }
        return out;
    }

    private static void assertAllEqual(Run run, int rows, int steps) {
        String[] out = both(run, rows, steps);
        for (int i = 1; i < out.length; i++) {
            assertEquals(out[0], out[i], "fast=" + (i / 2) + " threads=" + (i % 2 + 1) + " vs the reference on 1 thread");
        }
    }

    /**
     * Two workers step their blocks at once through one fast loop, so it must keep no scratch of its own: the
     * shared river's per-chunk arrays once lived in {@code SharedRiverLanes} and the workers overwrote each
     * other's, so replicas diverged at other steps, now and then. The case where that showed (hill noise,
     * replicas crossing the loss threshold at different steps, so the workers' chunks fall out of step),
     * repeated: a race needs many tries to show, and each takes milliseconds.
     */
    @Test
    void workersShareNoScratch() {
        StraightValley valley = new StraightValley(new RiverProfile.Softplus(1.0), new double[] {8.0});
        Run run = Run.of("loss", valley, TestSchedules.wsd(0.3, 5, 0.2, 0.1, 80, 160)).withNoise(Noises.hill(0.5))
                .withOptimizer(Optimizers.gd()).withReplicas(200).withSeed(8)
                .withRecord(RecordSpec.every(1).withDivergenceThreshold(2.5));
        String reference = trace(run, 1, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS, false);
        for (int repeat = 0; repeat < 150; repeat++) {
            assertEquals(reference, trace(run, 2, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS, true), "repeat " + repeat);
        }
    }

    private static String trace(Run run, int threads, int rows, int steps, boolean fast) {
        TraceRecorder recorder = new TraceRecorder();
        new Engine(run, threads, rows, steps, fast).execute(List.of(recorder));
        Trace trace = recorder.trace();
        return trace.toCsv() + SummaryFile.json(trace.summary());
    }

    /** WSD with two decay branches (forks mid-window), 70 replicas (a full and a partial block), every step recorded. */
    @ParameterizedTest
    @MethodSource("configurations")
    void fastLoopIsTheReferenceLoopBitForBit(StraightValley valley, NoiseModel noise) {
        Schedule schedule = TestSchedules.wsd(0.2, 10, 0.2, 0.1, 60, 150);
        double[] start = new double[valley.dimension()];
        for (int i = 0; i < start.length; i++) {
            start[i] = 0.7 - 0.4 * i;
        }
        Run run = Run.of("fast", valley, schedule).withNoise(noise).withOptimizer(Optimizers.gd()).withStart(start)
                .withReplicas(70).withSeed(5).withRecord(RecordSpec.every(1));
        assertTrue(StraightValleySteps.of(run, new Divergence(1e12)).isPresent(), "the fast loop covers this run");
        assertAllEqual(run, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS);
        assertAllEqual(run, 7, 13); // small windows: many re-entries into the loop
        assertAllEqual(run.withReplicas(1), 7, 13); // a lone replica (the long-trajectory loop)
    }

    /**
     * A lone replica draws its Gaussians ahead in chunks of {@value StraightValleySteps#CHUNK} steps: runs
     * across many chunks, with replicas that diverge mid-chunk (the stream is rewound) at different steps.
     */
    @Test
    void loneReplicaAcrossChunksAndDivergingMidChunk() {
        // River loss stays near 0, so divergence is the hill's 4 h^2 exceeding 0.43: h beyond about 3.2 of its
        // stationary SDs (0.1), roughly once in 700 steps, so first crossings fall before and after step 512.
        StraightValley valley = new StraightValley(new RiverProfile.Quadratic(0.05, 0.0), new double[] {8.0});
        Schedule schedule = TestSchedules.wsd(0.1, 50, 0.2, 0.1, 1500, 3000);
        List<Long> late = new ArrayList<>();
        for (long seed = 0; seed < 12; seed++) {
            Run run = Run.of("lone", valley, schedule).withNoise(Noises.isotropic(1.0)).withOptimizer(Optimizers.gd())
                    .withSeed(seed).withRecord(RecordSpec.every(100).withDivergenceThreshold(0.43));
            String[] out = both(run, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS);
            for (int i = 1; i < out.length; i++) {
                assertEquals(out[0], out[i], "seed " + seed);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"first_divergence_step\" : (\\d+)").matcher(out[0]);
            if (m.find() && Long.parseLong(m.group(1)) > StraightValleySteps.CHUNK) {
                late.add(Long.parseLong(m.group(1)));
            }
        }
        assertTrue(late.size() >= 2, "some lone replicas diverge past the first chunk: " + late);
    }

    /**
     * Divergence on both checks: a low loss threshold that noisy replicas cross at different steps, and a
     * single huge step that makes iterates infinite while the loss before it is finite (the iterate check).
     */
    @ParameterizedTest
    @MethodSource("configurations")
    void divergenceIsDetectedAtTheSameStep(StraightValley valley, NoiseModel noise) {
        Schedule lowThreshold = TestSchedules.wsd(0.3, 5, 0.2, 0.1, 80, 160);
        Run byLoss = Run.of("loss", valley, lowThreshold).withNoise(noise).withOptimizer(Optimizers.gd())
                .withReplicas(70).withSeed(8).withRecord(RecordSpec.every(1).withDivergenceThreshold(2.5));
        String[] loss = both(byLoss, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS);
        for (int i = 1; i < loss.length; i++) {
            assertEquals(loss[0], loss[i]);
        }
        if (!noise.equals(Noises.none())) {
            assertTrue(loss[0].contains("\"first_divergence_step\" : ") && !loss[0].contains("\"first_divergence_step\" : null"),
                    "noisy replicas cross the threshold:\n" + loss[0].substring(loss[0].indexOf('{')));
        }
        Schedule spike = TestSchedules.single(1e308, 40, t -> t == 17 ? 1e308 : 0.05);
        double[] start = new double[valley.dimension()];
        java.util.Arrays.fill(start, 1.0);
        for (int replicas : new int[] {1, 3}) {
            Run byIterate = Run.of("iterate", valley, spike).withNoise(noise).withOptimizer(Optimizers.gd()).withStart(start)
                    .withReplicas(replicas).withSeed(2).withRecord(RecordSpec.every(1));
            String[] out = both(byIterate, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS);
            assertTrue(out[0].contains("\"first_divergence_step\" : 18"), "diverged by the iterate check after step 17:\n" + out[0]);
            for (int i = 1; i < out.length; i++) {
                assertEquals(out[0], out[i]);
            }
        }
        for (long seed = 0; seed < 6; seed++) { // lone replicas crossing the loss threshold
            String[] alone = both(byLoss.withReplicas(1).withSeed(seed), Engine.MAX_ROWS, 50);
            for (int i = 1; i < alone.length; i++) {
                assertEquals(alone[0], alone[i]);
            }
        }
    }

    /**
     * The shared-river lanes take whole chunks of {@value StraightValleySteps#LANE_CHUNK} steps (rows every
     * 100 steps) optimistically and retake a chunk exactly when a lane may have stopped or hit a zero wall
     * coordinate: 70 replicas (lanes in fours and a remainder) crossing a loss threshold at scattered steps,
     * a wall turning infinite at step 45 (mid-chunk; the river stays finite), and walls reaching exactly 0
     * at step 41 after changing sign every step (no noise; h times -1/2 while lambda * rate = 3/2, then 0 once
     * it is 1, all exact in powers of two) all end as the reference says, crossings and amplitude included.
     */
    @Test
    void sharedRiverChunksRetakenWhereALaneStops() {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.001), new double[] {8.0});
        // rate 0.2: h's stationary SD is 0.25, and 4 h^2 > 2 (|h| > 2.8 SDs) a few times in 1000 steps
        Run byLoss = Run.of("loss", valley, TestSchedules.wsd(0.2, 20, 0.2, 0.1, 600, 1000)).withNoise(Noises.hill(1.0))
                .withOptimizer(Optimizers.gd()).withReplicas(70).withSeed(3)
                .withRecord(RecordSpec.every(100).withDivergenceThreshold(2.0));
        StraightValley steep = new StraightValley(new RiverProfile.Linear(0.001), new double[] {4.0});
        Run byIterate = Run.of("iterate", steep, TestSchedules.single(1e308, 200, t -> t == 45 ? 1e308 : 0.05))
                .withNoise(Noises.hill(0.5)).withOptimizer(Optimizers.gd()).withStart(new double[] {0.0, 1.0})
                .withReplicas(70).withSeed(4).withRecord(RecordSpec.every(100));
        StraightValley zeroing = new StraightValley(new RiverProfile.Linear(1.0), new double[] {2.0});
        Run zeros = Run.of("zeros", zeroing, TestSchedules.single(0.75, 200, t -> t < 41 ? 0.75 : 0.5)).withNoise(Noises.hill(0.0))
                .withOptimizer(Optimizers.gd()).withStart(new double[] {0.0, 1.0}).withReplicas(70)
                .withRecord(RecordSpec.every(100));
        for (Run run : List.of(byLoss, byIterate, zeros)) {
            String[] out = both(run, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS);
            for (int i = 1; i < out.length; i++) {
                assertEquals(out[0], out[i], run.name() + ", fast=" + (i / 2) + " threads=" + (i % 2 + 1));
            }
        }
        String loss = both(byLoss, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS)[0];
        assertTrue(loss.contains("\"first_divergence_step\" : ") && !loss.contains("\"first_divergence_step\" : null"),
                "replicas cross the threshold:\n" + loss.substring(loss.indexOf('{')));
        String iterate = both(byIterate, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS)[0];
        assertTrue(iterate.contains("\"first_divergence_step\" : 46"), "diverged by the iterate check after step 45:\n" + iterate);
    }

    /**
     * Hill noise with the replicas at one river coordinate (its step shared by the block's lanes) when that
     * coordinate alone turns infinite mid-chunk (slope 4 times a rate of 1e308; the walls, near 0, stay finite):
     * every replica diverges where the reference says, with the same state.
     */
    @Test
    void sharedRiverCoordinateTurningInfiniteMidChunk() {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(4.0), new double[] {1.0});
        Schedule spike = TestSchedules.single(1e308, 40, t -> t == 17 ? 1e308 : 0.05);
        for (int replicas : new int[] {3, 70}) {
            Run run = Run.of("river", valley, spike).withNoise(Noises.hill(0.5)).withOptimizer(Optimizers.gd())
                    .withStart(new double[] {1.0, 0.0}).withReplicas(replicas).withSeed(4).withRecord(RecordSpec.every(1));
            for (int[] window : new int[][] {{Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS}, {7, 13}}) {
                String[] out = both(run, window[0], window[1]);
                assertTrue(out[0].contains("\"first_divergence_step\" : 18"), "diverged by the iterate check after step 17:\n" + out[0]);
                for (int i = 1; i < out.length; i++) {
                    assertEquals(out[0], out[i], replicas + " replicas, fast=" + (i / 2) + " threads=" + (i % 2 + 1));
                }
            }
        }
    }

    /**
     * Hill noise with walls near 1e-170: the product of two successive wall coordinates (1e-340) underflows
     * to a signed zero, whose sign is still the xor of theirs, so the chunk loop's crossing count (the
     * product's sign bit) stays the reference's; a test of {@code h * previous < 0} would miss every crossing
     * here. Crossings must occur (the noise flips the sign) and the traces must agree byte for byte.
     */
    @Test
    void sharedRiverCrossingsWhereProductsUnderflow() {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.5), new double[] {8.0});
        Run run = Run.of("tiny", valley, TestSchedules.wsd(0.2, 10, 0.2, 0.1, 200, 300)).withNoise(Noises.hill(1e-170))
                .withOptimizer(Optimizers.gd()).withStart(new double[] {0.0, 3e-170}).withReplicas(70).withSeed(6)
                .withRecord(RecordSpec.every(25));
        String[] out = both(run, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS);
        for (int i = 1; i < out.length; i++) {
            assertEquals(out[0], out[i], "fast=" + (i / 2) + " threads=" + (i % 2 + 1));
        }
        String[] lines = out[0].split("\n");
        int column = List.of(lines[0].split(",")).indexOf("crossings");
        assertTrue(column >= 0, lines[0]);
        double most = 0;
        for (int row = 1; row < lines.length && lines[row].contains(","); row++) {
            String[] cells = lines[row].split(",");
            if (cells.length > column && !cells[column].isEmpty()) {
                most = Math.max(most, Double.parseDouble(cells[column]));
            }
        }
        assertTrue(most > 1, "the walls cross between rows: at most " + most + " crossings");
    }
}
