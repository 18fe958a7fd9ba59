package io.github.rivervalley.simulator.sweep;

import io.github.rivervalley.simulator.concurrent.Pool;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.io.IoErrors;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Executes a sweep (or one shard of it) into a directory, resumably.
 *
 * <p>Runs go to a pool of {@code threads} workers, each run on one thread, so a run's output does not
 * depend on how many runs share the machine. Before a run starts its directory is checked: complete
 * ({@code summary.json}) runs are skipped, failed ones ({@code error.txt}) too unless retried, and
 * anything else left there (an interrupted run) is removed so the run is redone from scratch. A run
 * that throws does not stop the others: its directory is emptied and its reason written to
 * {@code error.txt}. The wall time of each run goes to {@code timing.json}, after {@code summary.json}.
 *
 * <p>Several processes may share one directory when each runs a different {@link Shard}: they write
 * only their own runs' directories, and the same {@code sweep-spec.yaml}. {@link SweepLock} keeps two
 * processes off the same runs: a second process on the same sweep or shard stops at once.
 */
public final class SweepRunner {

    /** Hears about progress; called from worker threads, one call at a time. */
    public interface Listener {
        /** Before the first run: {@code runs} in this shard, of which {@code alreadyDone} need no work. */
        default void begin(int runs, int alreadyDone) {
        }

        /** After every start and end of a run. */
        default void update(int finished, int running, int failed) {
        }

        /** After the last run. */
        default void end() {
        }

        /** A warning worth showing (e.g. the directory cannot be locked). */
        default void note(String message) {
        }
    }

    /**
     * What one invocation did.
     *
     * @param runs runs in this shard
     * @param skipped runs that were already complete (or failed, when not retried)
     * @param executed runs executed now
     * @param failed names of runs that failed now (the run itself: a bad value; recorded in {@code error.txt})
     * @param unfinished runs that could not finish because of the machine (an I/O error such as a full disk,
     *     or too little memory), each as {@code name: reason}; nothing is recorded for them, so they are missing
     *     and the next invocation runs them again
     * @param merge the merge written at the end of an unsharded sweep, or null for a shard or when runs are unfinished
     */
    public record Outcome(int runs, int skipped, int executed, List<String> failed, List<String> unfinished, SweepMerger.Report merge) {
        public Outcome {
            failed = List.copyOf(failed);
            unfinished = List.copyOf(unfinished);
        }
    }

    private final Sweep sweep;
    private final Path dir;

    /** A runner of {@code sweep} (expanded with {@link Sweep#expand}: its runs are bound) into {@code dir}. */
    public SweepRunner(Sweep sweep, Path dir) {
        for (Sweep.Job run : sweep.runs()) {
            if (run.prepared() == null) {
                throw new IllegalArgumentException("run " + run.name() + " of the sweep was not validated (a recorded sweep is only read)");
            }
        }
        this.sweep = sweep;
        this.dir = dir;
    }

    /**
     * Runs this shard's unfinished runs on {@code threads} threads, then (for the whole sweep) merges.
     *
     * @param retryFailed whether runs with a recorded failure are run again
     */
    public Outcome run(int threads, Shard shard, boolean retryFailed, Listener listener) {
        if (threads < 1) {
            throw new SpecException("--threads", threads + " is not allowed; expected a whole number >= 1");
        }
        try (SweepLock lock = SweepLock.acquire(dir, shard)) {
            if (!lock.held()) {
                listener.note(lock.note());
            }
            return runLocked(threads, shard, retryFailed, listener);
        }
    }

    private Outcome runLocked(int threads, Shard shard, boolean retryFailed, Listener listener) {
        writeSweepSpec();
        List<Sweep.Job> mine = new ArrayList<>();
        List<Sweep.Job> todo = new ArrayList<>();
        for (Sweep.Job run : sweep.runs()) {
            if (!shard.owns(run.index())) {
                continue;
            }
            mine.add(run);
            RunDirs.State state = RunDirs.state(dir.resolve(run.name()));
            if (state == RunDirs.State.DONE || state == RunDirs.State.FAILED && !retryFailed) {
                continue;
            }
            todo.add(run);
        }
        listener.begin(mine.size(), mine.size() - todo.size());
        List<String> failed = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        if (!todo.isEmpty()) {
            Progress progress = new Progress(listener, mine.size() - todo.size());
            try (Pool pool = new Pool(Math.min(threads, todo.size()), "sweep-worker", "sweep")) {
                List<Ending> endings = pool.all(todo.stream().map(run -> (Callable<Ending>) () -> execute(run, progress)).toList());
                for (int i = 0; i < todo.size(); i++) {
                    Ending ending = endings.get(i);
                    if (ending == Ending.FAILED) {
                        failed.add(todo.get(i).name());
                    } else if (ending != Ending.DONE) {
                        unfinished.add(todo.get(i).name() + ": " + ending.reason);
                    }
                }
            }
        }
        listener.end();
        SweepMerger.Report merge = shard.isAll() && unfinished.isEmpty() ? SweepMerger.merge(dir) : null;
        return new Outcome(mine.size(), mine.size() - todo.size(), todo.size(), failed, unfinished, merge);
    }

    /** How a run ended: done, failed (recorded), or unfinished for a reason outside the run. */
    private static final class Ending {
        static final Ending DONE = new Ending(null);
        static final Ending FAILED = new Ending(null);
        final String reason;

        Ending(String reason) {
            this.reason = reason;
        }
    }

    /**
     * Runs one run. A failure of the run itself (an exception from the run) is recorded in {@code error.txt};
     * an I/O error or running out of memory is the machine's, not the run's: the run directory is removed
     * and nothing is recorded, so the next invocation redoes it.
     */
    private Ending execute(Sweep.Job run, Progress progress) {
        Path runDir = dir.resolve(run.name());
        progress.started();
        boolean ok = false;
        try {
            RunDirs.deleteTree(runDir);
            long start = System.nanoTime();
            String reason = null;
            try {
                run.prepared().execute(dir);
                if (RunDirs.summary(runDir) == null) {
                    reason = "the run ended without writing " + RunDirectory.SUMMARY;
                }
            } catch (SpecException e) {
                reason = e.getMessage();
            } catch (OutOfMemoryError e) {
                RunDirs.deleteTree(runDir);
                return new Ending("out of memory (" + e.getMessage() + "); give Java more heap (JAVA_OPTS=-Xmx...) or run fewer at once (--threads)");
            } catch (Exception | StackOverflowError e) {
                if (IoErrors.involvesIo(e)) {
                    RunDirs.deleteTree(runDir);
                    return new Ending(IoErrors.describe(e));
                }
                reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (reason != null) {
                RunDirs.deleteTree(runDir);
                AtomicFile.writeString(runDir.resolve(RunDirectory.ERROR), reason + "\n", false);
                return Ending.FAILED;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            AtomicFile.writeString(runDir.resolve(RunDirectory.TIMING),
                    String.format(Locale.ROOT, "{\"wall_seconds\": %.3f}%n", seconds), false);
            ok = true;
            return Ending.DONE;
        } finally {
            progress.finished(ok);
        }
    }

    /**
     * Writes {@code sweep-spec.yaml} (the sweep with explicit seeds) so that merges know the expansion.
     * A directory that already holds a different sweep is refused rather than mixed.
     */
    private void writeSweepSpec() {
        String yaml = SpecReader.instance().toYaml(sweep.spec().toTree());
        Path file = dir.resolve(RunDirectory.SWEEP_SPEC);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8);
                if (!existing.equals(yaml)) {
                    throw new SpecException("--out", dir + " already holds a different sweep (" + RunDirectory.SWEEP_SPEC
                            + " differs); use a new directory, or the same sweep file to resume");
                }
                return;
            }
            try {
                AtomicFile.writeString(file, yaml);
            } catch (UncheckedIOException e) {
                // Another shard process may be writing the same file at this moment; what matters is its content.
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(yaml)) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Counts for the listener; synchronized so the listener sees one call at a time. */
    private static final class Progress {
        private final Listener listener;
        private int finished;
        private int running;
        private int failed;

        Progress(Listener listener, int alreadyDone) {
            this.listener = listener;
            this.finished = alreadyDone;
        }

        synchronized void started() {
            running++;
            listener.update(finished, running, failed);
        }

        synchronized void finished(boolean ok) {
            running--;
            finished++;
            if (!ok) {
                failed++;
            }
            listener.update(finished, running, failed);
        }
    }

    @Override
    public String toString() {
        return "SweepRunner[" + sweep + " -> " + dir + "]";
    }

}
