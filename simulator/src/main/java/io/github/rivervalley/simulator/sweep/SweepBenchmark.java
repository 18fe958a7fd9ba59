package io.github.rivervalley.simulator.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A benchmark, not a test: how much faster a sweep runs on N threads than on one. Runs the sweep once
 * to warm up the JIT, then on 1 thread and on N threads, each into a fresh temporary directory, and
 * prints the times and their ratio (the goal for 64 short runs on 2 threads: at most 0.55). Run it on
 * a quiet machine:
 *
 * <pre>
 * java -cp reports/target/rivervalley.jar io.github.rivervalley.simulator.sweep.SweepBenchmark examples/bench-sweep.yaml 2
 * </pre>
 */
public final class SweepBenchmark {

    private SweepBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/bench-sweep.yaml");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        EngineExecutor engine = new EngineExecutor();
        Sweep sweep = Sweep.expand(SweepSpec.read(file), engine);
        Path root = Files.createTempDirectory("sweep-benchmark");
        try {
            double warmup = seconds(sweep, root.resolve("warmup"), threads, engine);
            double one = seconds(sweep, root.resolve("threads-1"), 1, engine);
            double many = seconds(sweep, root.resolve("threads-" + threads), threads, engine);
            System.out.printf(Locale.ROOT, "%s: %d runs; warm-up %.2f s; 1 thread %.2f s; %d threads %.2f s; ratio %.3f%n",
                    sweep.spec().name(), sweep.runs().size(), warmup, one, threads, many, many / one);
        } finally {
            RunDirs.deleteTree(root);
        }
    }

    private static double seconds(Sweep sweep, Path dir, int threads, RunExecutor engine) {
        long start = System.nanoTime();
        new SweepRunner(sweep, dir, engine).run(threads, Shard.ALL, false, new SweepRunner.Listener() { });
        return (System.nanoTime() - start) / 1e9;
    }
}
