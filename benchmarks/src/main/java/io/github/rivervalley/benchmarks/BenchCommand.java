package io.github.rivervalley.benchmarks;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.reports.cli.Main;
import io.github.rivervalley.reports.cli.RiverValleyCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rivervalley bench [--quick] [--only NAME,...] [--threads 1,2] [--compare] [--out DIR]}: the entry point
 * of the benchmark jar, which the launcher runs for {@code bench} (the command-line jar carries no benchmark code).
 */
@Command(name = "rivervalley bench",
        mixinStandardHelpOptions = true,
        versionProvider = RiverValleyCommand.Version.class,
        header = "Run the performance benchmarks (optionally against numpy and PyTorch).",
        description = {
            "Runs the performance benchmarks (warmup, then repeated timings, reported as",
            "median and min..max) and writes DIR/bench.csv and the scaling charts. With",
            "--compare it then runs the numpy and PyTorch peers in benchmarks/peers/",
            "(install them, with OpenBLAS, by benchmarks/peers/install.sh) and prints",
            "ours/theirs (DIR/compare.csv). Each benchmark is also printed as a fraction of",
            "its limit, measured first: limit-gaussians, limit-fma-f32, limit-fma-f64,",
            "limit-bandwidth. Benchmarks: straight-sgd-10k/<N>t,",
            "straight-sgd-hill-10k/<N>t, straight-sgd-10k-reference/1t, long-trajectory,",
            "rotated-d1000, rotated-d1000-sharpness, bigram-tabular-V<V>/<N>t,",
            "bigram-factored-V<V>/<N>t, bigram-tabular-V4096-f32/<N>t,",
            "bigram-factored-V<V>-f32/<N>t (precision: float32), memory-10m-every-step,",
            "report-10m, sweep-64/<N>t, scaling-d, scaling-v."
        })
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--cpu-time", description = "time by CPU time, for a loaded machine: one-thread benchmarks and the peers by"
            + " the thread's (the peers' process's), N-thread ones by the process's divided by N (the time on N free cores"
            + " if the threads do not slow each other down)")
    boolean cpuTime;

    @Option(names = "--quick", description = "small workloads and few repeats: a smoke run, not for publishing")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "run only benchmarks whose name starts with one of these")
    List<String> only = List.of();

    @Option(names = "--threads", split = ",", paramLabel = "N", defaultValue = "1,2",
            description = "thread counts for the multi-threaded benchmarks (default: ${DEFAULT-VALUE})")
    List<Integer> threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--compare", description = "also run the numpy/PyTorch peers and print the ratios")
    boolean compare;

    @Option(names = "--peers", paramLabel = "DIR", defaultValue = "benchmarks/peers", description = "peer scripts (default: ${DEFAULT-VALUE})")
    Path peers;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "/usr/bin/python3",
            description = "interpreter with numpy and torch for the peers (default: ${DEFAULT-VALUE})")
    String python;

    @Spec
    CommandSpec command;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        System.exit(commandLine().execute(args));
    }

    /** The bench command line, with the program's error handling and exit codes (for tests too). */
    static CommandLine commandLine() {
        return Main.configure(new CommandLine(new BenchCommand()));
    }

    @Override
    public Integer call() throws Exception {
        for (int n : threads) {
            if (n < 1) {
                throw new InvalidValueException("--threads", n, "a whole number >= 1");
            }
        }
        PrintWriter stdout = command.commandLine().getOut();
        new BenchRunner(new BenchRunner.Options(quick, only, threads, out, compare, peers, python, cpuTime), stdout).run();
        stdout.flush();
        return 0;
    }
}
