package io.github.rivervalley.benchmarks;

import io.github.rivervalley.landscapes.analytic.HillSpectrum;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import io.github.rivervalley.simulator.theory.MomentEngine;
import io.github.rivervalley.simulator.theory.RowSteps;
import java.util.Locale;

/**
 * A benchmark, not a test: the moment engine's compute time (one thread) for the two goals of the
 * expected-dynamics work, each after one untimed warm-up pass (JIT), best of three:
 * <ul>
 *   <li>10 million steps of WSD with one hill mode (goal: under 0.1 s);</li>
 *   <li>10,000 distinct hill modes (geometric spectrum) x 100,000 steps (goal: under 10 s).</li>
 * </ul>
 * Each for SGD and for heavy-ball momentum, with a row every 1% of the steps. Prints the wall time and the
 * thread's CPU time (the latter is the compute time on a busy, shared machine). Run on a quiet machine:
 * <pre>
 * java -cp benchmarks/target/rivervalley-bench.jar io.github.rivervalley.benchmarks.MomentBenchmark
 * </pre>
 */
public final class MomentBenchmark {

    private MomentBenchmark() {
    }

    public static void main(String[] args) {
        for (Optimizer optimizer : new Optimizer[] {Optimizers.gd(), Optimizers.momentum()}) {
            time("1 hill mode x 10,000,000 steps", optimizer, 1, 10_000_000L);
            time("10,000 hill modes x 100,000 steps", optimizer, 10_000, 100_000L);
        }
    }

    private static void time(String label, Optimizer optimizer, int hills, long steps) {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.1),
                hills == 1 ? new double[] {10.0} : HillSpectrum.geometric(10.0, 1e-3, hills));
        Schedule schedule = Schedules.wsd(0.01, steps / 100, WarmupShape.LINEAR, 0.2, 0.1, DecayShape.LINEAR, steps);
        MomentEngine engine = MomentEngine.of(valley, optimizer, Noises.isotropic(1.0), schedule, new double[valley.dimension()]);
        RowSteps rows = RowSteps.every(steps / 100);
        double[] sink = new double[1];
        engine.run(rows, r -> sink[0] += r.loss()); // warm-up
        double best = Double.POSITIVE_INFINITY;
        double bestCpu = Double.POSITIVE_INFINITY;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            engine.run(rows, r -> sink[0] += r.loss());
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%-34s %-22s wall %7.3f s  cpu %7.3f s  (%d modes; checksum %.6g)%n", label, optimizer,
                best, bestCpu, engine.system().modes(), sink[0]);
    }
}
