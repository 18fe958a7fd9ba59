package io.github.rivervalley.reports.cli;

import io.github.rivervalley.simulator.sweep.EngineExecutor;
import io.github.rivervalley.simulator.sweep.RunExecutor;
import io.github.rivervalley.simulator.sweep.Shard;
import io.github.rivervalley.simulator.sweep.Sweep;
import io.github.rivervalley.simulator.sweep.SweepRunner;
import io.github.rivervalley.simulator.sweep.SweepSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rivervalley sweep SWEEP.yaml --out DIR}: expands a sweep, validates every run, then runs them
 * in parallel (resumably; optionally one shard), and merges the summary when the whole sweep ran.
 */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        header = "Run a sweep of run specs in parallel (resumable, shardable).",
        description = {
            "Runs every run of a sweep (a base run spec with grid, zip and seeds axes)",
            "into DIR/<run>/ as 'rivervalley run' would, in parallel. Running the same",
            "command again resumes: complete runs are skipped, interrupted ones redone.",
            "Without --shard it ends by writing DIR/sweep.csv and DIR/sweep.json",
            "(see 'rivervalley merge')."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:every run of this invocation is done, or failed with its reason recorded in DIR/<run>/error.txt",
            // One entry per code: picocli reads each entry as CODE:TEXT and wraps the text itself.
            " 1:some runs could not be written (an I/O error such as a full disk, or too little memory) and are "
                + "left missing (the next plain invocation redoes them), or the sweep itself could not continue",
            " 2:invalid sweep spec or option (nothing was run)",
            " 4:DIR is in use: another process runs the same sweep or shard, or merges it (it holds "
                + "DIR/.sweep.lock); nothing was changed"
        })
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "the sweep spec")
    Path sweepFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the runs and the summary")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "runs executed at once (default: all cores, here ${DEFAULT-VALUE}); each run uses one thread, so results never depend on N")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard", paramLabel = "I/N", description = "run only shard I of N (0 <= I < N): the runs whose index in the expansion is I mod N")
    String shard;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--list", description = "print the expanded runs (index and name; only this shard's with --shard) and exit without running")
    boolean list;

    @Option(names = "--retry-failed", description = "run again the runs whose failure was recorded (error.txt)")
    boolean retryFailed;

    @Spec
    CommandSpec spec;

    private final Supplier<RunExecutor> executors;

    /** The command with the simulator's engine. */
    public SweepCommand() {
        this(EngineExecutor::new);
    }

    /** The command with another engine (tests). */
    SweepCommand(Supplier<RunExecutor> executors) {
        this.executors = executors;
    }

    @Override
    public Integer call() {
        Shard share = shard == null ? Shard.ALL : Shard.parse(shard);
        ThreadsOption.resolve(threads);
        RunExecutor executor = executors.get();
        Sweep sweep = Sweep.expand(SweepSpec.read(sweepFile), executor);
        if (list) {
            PrintWriter stdout = spec.commandLine().getOut();
            for (Sweep.Job run : sweep.runs()) {
                if (share.owns(run.index())) {
                    stdout.println(run.index() + " " + run.name());
                }
            }
            stdout.flush();
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            noteDropped(sweep, err);
        }
        Progress progress = new Progress(quiet ? null : System.err, System.console() != null,
                sweep.spec().name() + (share.isAll() ? "" : " " + share));
        SweepRunner.Outcome outcome = new SweepRunner(sweep, out).run(threads, share, retryFailed, progress);
        if (!quiet) {
            err.println("sweep " + sweep.spec().name() + (share.isAll() ? "" : " shard " + share) + ": " + outcome.runs() + " runs, "
                    + outcome.skipped() + " already finished, " + outcome.executed() + " executed"
                    + (outcome.failed().isEmpty() ? "" : ", " + outcome.failed().size() + " failed (reasons in " + out.resolve("<run>/error.txt") + ")"));
        }
        if (!outcome.unfinished().isEmpty()) {
            err.println("error: " + outcome.unfinished().size() + " run(s) could not finish and were left missing (the next plain"
                    + " invocation redoes them), e.g. " + outcome.unfinished().get(0));
            err.flush();
            return 1;
        }
        if (outcome.merge() != null) {
            int code = MergeCommand.report(err, outcome.merge(), out);
            return code == MergeCommand.INCOMPLETE ? 1 : 0;
        }
        if (!quiet) {
            err.println("when every shard has finished: rivervalley merge " + out);
        }
        err.flush();
        return 0;
    }

    /** Says which keys a type axis removed (e.g. a WSD decayFraction for cosine runs), once per set of keys. */
    private static void noteDropped(Sweep sweep, PrintWriter err) {
        java.util.Map<java.util.List<String>, java.util.List<String>> byKeys = new java.util.LinkedHashMap<>();
        for (Sweep.Job run : sweep.runs()) {
            if (!run.dropped().isEmpty()) {
                byKeys.computeIfAbsent(run.dropped(), k -> new java.util.ArrayList<>()).add(run.name());
            }
        }
        byKeys.forEach((keys, runs) -> err.println("note: " + String.join(", ", keys) + " left out of " + runs.size()
                + " run(s) whose type does not have it (e.g. " + runs.get(0) + ")"));
    }

    /**
     * Progress on stderr: a bar (runs done of the total, runs running, elapsed, ETA) on a terminal; in a
     * log file (a cluster job, say) one line each time another 5% of the runs is done.
     */
    private static final class Progress implements SweepRunner.Listener {
        private final PrintStream stream;
        private final boolean terminal;
        private final String task;
        private ProgressBar bar;
        private long startNanos;
        private int total;
        private int initial;
        private int reported;

        Progress(PrintStream stream, boolean terminal, String task) {
            this.stream = stream;
            this.terminal = terminal;
            this.task = task;
        }

        @Override
        public void begin(int runs, int alreadyDone) {
            total = runs;
            initial = alreadyDone;
            reported = alreadyDone;
            startNanos = System.nanoTime();
            if (stream == null || alreadyDone == runs) {
                return;
            }
            if (terminal) {
                bar = new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(runs)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" runs", 1)
                        .setUpdateIntervalMillis(500)
                        .setConsumer(new ConsoleProgressBarConsumer(stream))
                        .startsFrom(alreadyDone, Duration.ZERO)
                        .build();
            } else {
                stream.println(task + ": " + runs + " runs, " + alreadyDone + " already finished");
            }
        }

        @Override
        public void update(int finished, int running, int failed) {
            String extra = running + " running" + (failed > 0 ? ", " + failed + " failed" : "");
            if (bar != null) {
                bar.stepTo(finished);
                bar.setExtraMessage(extra);
            } else if (stream != null && finished > reported && ((finished - reported) * 20L >= total || finished == total)) {
                reported = finished;
                long elapsed = (System.nanoTime() - startNanos) / 1_000_000_000L;
                long eta = finished > initial ? elapsed * (total - finished) / (finished - initial) : 0;
                stream.printf(java.util.Locale.ROOT, "%s: %d/%d runs done, %s, elapsed %s, ETA %s%n", task, finished, total, extra,
                        clock(elapsed), clock(eta));
            }
        }

        @Override
        public void note(String message) {
            System.err.println("warning: " + message);
        }

        @Override
        public void end() {
            if (bar != null) {
                bar.close();
            }
        }

        private static String clock(long seconds) {
            return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
    }
}
