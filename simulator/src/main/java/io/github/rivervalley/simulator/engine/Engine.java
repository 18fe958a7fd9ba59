package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.simulator.concurrent.Pool;
import io.github.rivervalley.simulator.flow.GradientFlow;
import io.github.rivervalley.simulator.observe.Divergence;
import io.github.rivervalley.simulator.observe.HillProbe;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.StepObserver;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.LearningRate;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.theory.TheoryTrack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes a {@link Run}: lines in schedule order, each streamed through time in windows.
 *
 * <p>Replicas live in fixed blocks of {@value #BLOCK} (independent of the thread count). Within a window
 * every block advances all its replicas through the window's steps, taking per-row partial statistics
 * (count, mean and M2 by Welford's update, replicas in index order) at the recorded steps and copying
 * replica states at fork steps; threads take whole blocks. After the window the partial statistics are
 * merged in block order (Chan's formula) into rows and handed to the observers, and the next window starts.
 * So the bits depend only on the spec, never on threads, and memory holds at most one window of partial
 * statistics whatever the run length.
 *
 * <p>The jobs are split: {@link StepLoop} moves replicas through steps (the reference loop and the
 * specialised ones), {@link BlockStatistics} keeps per-block Welford statistics, {@link RowMaker} lays
 * merged statistics out as trace rows, and {@link FlowLine} runs the gradient-flow line. This class
 * orchestrates: lines in order, windows, blocks on threads, forks.
 *
 * <p>Memory: one window of partial statistics, plus, for each line with branches, a copy of its replicas
 * at every fork step, held until the branch has run (lines run one after another, parents first).
 */
final class Engine {

    static final int BLOCK = 64;
    static final int MAX_ROWS = 4096;
    static final int MAX_WINDOW_STEPS = 1 << 16;
    /** Doubles of partial statistics a window may hold over all blocks (about 32 MB). */
    private static final long STATISTICS_BUDGET = 4_000_000L;

    private final Run run;
    private final int threads;
    private final int blockCount;
    private final int extras;
    private final int width;
    private final TraceLayout layout;
    private final Divergence stop;
    private final StepLoop steps;
    private final RowMaker rows;
    /** The exact expected values beside the simulated ones, or null where there is no exact theory. */
    private final TheoryTrack theory;
    private final Worker[] workers;
    private final int maxRows;
    private final boolean sharpness;
    private final IterateCapture iterates;
    private final boolean preconditioned;
    private final BlockStatistics[] statistics;
    private final int maxWindowSteps;
    private final double[] lrs;

    Engine(Run run, int threads) {
        this(run, threads, MAX_ROWS, MAX_WINDOW_STEPS, true);
    }

    /** With explicit window limits (tests check that windows never change the output). */
    Engine(Run run, int threads, int rowsPerWindow, int stepsPerWindow) {
        this(run, threads, rowsPerWindow, stepsPerWindow, true);
    }

    /**
     * With explicit window limits, and with ({@code fastPaths}) or without the specialised step loops
     * (tests compare the two; the reference loop is the definition).
     */
    Engine(Run run, int threads, int rowsPerWindow, int stepsPerWindow, boolean fastPaths) {
        this.maxWindowSteps = stepsPerWindow;
        long longest = 1;
        for (Line line : run.schedule().lines()) {
            longest = Math.max(longest, line.endStep() - line.forkStep());
        }
        // a window spans at most one line's steps: a short run needs no 2^16-step array
        this.lrs = new double[(int) Math.min(stepsPerWindow, longest)];
        this.run = run;
        this.threads = Math.max(1, threads);
        this.blockCount = (run.replicas() + BLOCK - 1) / BLOCK;
        List<String> extraColumns = ExtraColumns.of(run);
        this.extras = extraColumns.size();
        this.width = Worker.width(extras);
        this.sharpness = run.record().sharpnessEvery() > 0;
        this.preconditioned = run.record().preconditionedSharpness();
        this.theory = TheoryTrack.of(run.landscape(), run.optimizer(), run.noise(), run.schedule(), run.start()).orElse(null);
        this.layout = new TraceLayout(run.replicas() > 1, sharpness, preconditioned,
                extraColumns, run.record().path(), run.landscape().dimension(), theory != null);
        this.stop = new Divergence(run.record().divergenceThreshold());
        this.iterates = new IterateCapture(run.record().iterates());
        HillProbe probe = run.landscape() instanceof Decomposer ? HillProbe.of(run.landscape()).orElse(null) : null;
        this.steps = new StepLoop(run, stop, fastPaths, probe, lrs);
        this.rows = new RowMaker(run, layout, extras);
        int workerCount = Math.min(this.threads, blockCount);
        this.workers = new Worker[workerCount];
        for (int i = 0; i < workerCount; i++) {
            workers[i] = new Worker(run.landscape(), run.noise().newOracle(run.landscape()), extras);
        }
        long perRow = (long) blockCount * (2L * width + 2);
        this.maxRows = (int) Math.max(1, Math.min(rowsPerWindow, Math.max(16, STATISTICS_BUDGET / perRow)));
        this.statistics = new BlockStatistics[blockCount];
        for (int b = 0; b < blockCount; b++) {
            // Replica 0, whose own path the path columns show, is the first replica of block 0.
            statistics[b] = new BlockStatistics(width, b == 0 ? layout.pathWidth() : 0);
        }
    }

    TraceLayout layout() {
        return layout;
    }

    /** Runs every line (and the flow line if asked), feeding rows to {@code observers}; returns the summary. */
    RunSummary execute(List<StepObserver> observers) {
        SummaryCollector summary = new SummaryCollector(run, layout);
        List<StepObserver> all = new ArrayList<>(observers);
        all.add(summary);
        for (StepObserver observer : all) {
            observer.init(layout);
        }
        Pool pool = workers.length > 1 ? new Pool(workers.length, "rivervalley-worker", "simulation") : null;
        try {
            Map<String, Map<Long, Replica[]>> snapshots = new HashMap<>();
            Map<String, Integer> pendingChildren = new HashMap<>();
            for (Line line : run.schedule().lines()) {
                line.parent().ifPresent(p -> pendingChildren.merge(p, 1, Integer::sum));
            }
            for (Line line : run.schedule().lines()) {
                Replica[] replicas;
                if (line.isRoot()) {
                    replicas = freshReplicas();
                } else {
                    String parent = line.parent().get();
                    Replica[] snapshot = snapshots.get(parent).get(line.forkStep());
                    replicas = new Replica[snapshot.length];
                    for (int i = 0; i < snapshot.length; i++) {
                        replicas[i] = snapshot[i].copy();
                    }
                    if (pendingChildren.merge(parent, -1, Integer::sum) == 0) {
                        snapshots.remove(parent); // the last branch of this parent: its snapshots can go
                    }
                }
                Map<Long, Replica[]> forks = new HashMap<>();
                for (Line child : run.schedule().lines()) {
                    if (child.parent().isPresent() && child.parent().get().equals(line.name())) {
                        forks.put(child.forkStep(), new Replica[run.replicas()]);
                    }
                }
                for (StepObserver observer : all) {
                    observer.lineStarted(line.name(), line);
                }
                runLine(line, replicas, forks, all, pool);
                summary.lineFinished(line, replicas);
                if (!forks.isEmpty()) {
                    snapshots.put(line.name(), forks);
                }
            }
            if (run.flow()) {
                for (StepObserver observer : all) {
                    observer.lineStarted(GradientFlow.LINE, null);
                }
                new FlowLine(run, workers[0], layout, rows, width).run(all);
            }
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
        RunSummary result = summary.summary();
        for (StepObserver observer : all) {
            observer.finish(result);
        }
        return result;
    }

    private Replica[] freshReplicas() {
        Replica[] replicas = new Replica[run.replicas()];
        double[] start = run.start();
        for (int r = 0; r < replicas.length; r++) {
            replicas[r] = new Replica(start.clone(), run.optimizer().newState(start.length),
                    Xoshiro256PlusPlus.forReplica(run.seed(), r));
        }
        return replicas;
    }

    /** One window: the steps {@code (start, end]} with the recorded rows and fork steps among them. */
    private static final class Window {
        long start;
        long end;
        int rowCount;
        final long[] rowSteps;
        final List<Long> eventSteps = new ArrayList<>();
        final List<Integer> eventRow = new ArrayList<>();
        final List<Replica[]> eventFork = new ArrayList<>();

        Window(int maxRows) {
            rowSteps = new long[maxRows];
        }
    }

    private void runLine(Line line, Replica[] replicas, Map<Long, Replica[]> forks, List<StepObserver> observers, Pool pool) {
        RecordPlan plan = new RecordPlan(line, run.schedule(), run.record());
        LearningRate lr = line.lr();
        Window window = new Window(maxRows);
        long current = line.forkStep();
        long nextRow = plan.first();
        boolean firstWindow = true;
        while (true) {
            window.start = current;
            window.rowCount = 0;
            long limit = Math.min(line.endStep(), current + maxWindowSteps);
            while (nextRow >= 0 && window.rowCount < maxRows && nextRow <= limit) {
                window.rowSteps[window.rowCount++] = nextRow;
                boolean capture = iterates.isCaptured(nextRow);
                nextRow = plan.next(nextRow);
                if (capture) {
                    break; // the window ends here, so the replicas hold this step's iterates when it is done
                }
            }
            window.end = window.rowCount > 0 ? window.rowSteps[window.rowCount - 1] : limit;
            window.eventSteps.clear();
            window.eventRow.clear();
            window.eventFork.clear();
            int row = 0;
            List<Long> forkSteps = new ArrayList<>(forks.keySet());
            forkSteps.sort(null);
            int fork = 0;
            while (fork < forkSteps.size() && (forkSteps.get(fork) < current || (!firstWindow && forkSteps.get(fork) == current))) {
                fork++;
            }
            while (row < window.rowCount || (fork < forkSteps.size() && forkSteps.get(fork) <= window.end)) {
                long rowStep = row < window.rowCount ? window.rowSteps[row] : Long.MAX_VALUE;
                long forkStep = fork < forkSteps.size() && forkSteps.get(fork) <= window.end ? forkSteps.get(fork) : Long.MAX_VALUE;
                long step = Math.min(rowStep, forkStep);
                window.eventSteps.add(step);
                window.eventRow.add(rowStep == step ? row++ : -1);
                window.eventFork.add(forkStep == step ? forks.get(forkSteps.get(fork++)) : null);
            }
            int span = (int) (window.end - window.start);
            lr.fill(window.start, span, lrs);
            forEachBlock(pool, (block, worker) -> advanceBlock(block, replicas, window, worker));
            if (window.rowCount > 0 && window.rowSteps[window.rowCount - 1] == window.end) {
                iterates.capture(line.name(), window.end, replicas, observers);
            }
            emitRows(line, window, observers);
            current = window.end;
            firstWindow = false;
            if (nextRow < 0 && current == line.endStep()) {
                return;
            }
        }
    }

    @FunctionalInterface
    private interface BlockTask {
        void run(int block, Worker worker);
    }

    /** Runs {@code task} on every block; each worker (one per thread) takes the next block until none is left. */
    private void forEachBlock(Pool pool, BlockTask task) {
        if (pool == null) {
            for (int b = 0; b < blockCount; b++) {
                task.run(b, workers[0]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (Worker worker : workers) {
            jobs.add(() -> {
                for (int b = next.getAndIncrement(); b < blockCount; b = next.getAndIncrement()) {
                    task.run(b, worker);
                }
                return null;
            });
        }
        pool.all(jobs);
    }

    /**
     * Moves one block through a window: all its replicas advance to the next event step, then each is
     * forked and/or recorded there (in replica order, which fixes the order of the statistics).
     */
    private void advanceBlock(int block, Replica[] replicas, Window window, Worker worker) {
        BlockStatistics stats = statistics[block];
        stats.reset(window.rowCount);
        int from = block * BLOCK;
        int to = Math.min(replicas.length, from + BLOCK);
        long sharpnessEvery = run.record().sharpnessEvery();
        long step = window.start;
        for (int e = 0; e < window.eventSteps.size(); e++) {
            long target = window.eventSteps.get(e);
            steps.advanceAll(replicas, from, to, step, target, window.start, worker);
            step = target;
            Replica[] fork = window.eventFork.get(e);
            int row = window.eventRow.get(e);
            boolean sharp = row >= 0 && sharpness && step % sharpnessEvery == 0;
            for (int i = from; i < to; i++) {
                if (fork != null) {
                    fork[i] = replicas[i].copy();
                }
                if (row >= 0) {
                    record(replicas[i], step, row, stats, worker, sharp);
                }
            }
        }
        steps.advanceAll(replicas, from, to, step, window.end, window.start, worker);
    }

    private void record(Replica replica, long step, int row, BlockStatistics stats, Worker worker, boolean sharp) {
        // Every replica of a block at a row adds to count or to diverged, in index order: so the first
        // call of block 0 at a row is replica 0.
        boolean path = stats.pathWidth > 0 && stats.count[row] == 0 && stats.diverged[row] == 0;
        if (!replica.diverged) {
            double loss = worker.measure(replica.x, sharp, sharp && preconditioned, replica.state);
            if (Double.isNaN(loss) || stop.stopsAtLoss(loss)) { // at a row the loss is known: NaN is divergence too
                replica.diverge(step);
            } else {
                double[] values = worker.values;
                if (worker.decomposer != null) {
                    replica.observeDisplacement(values[Worker.HILL_DISP]);
                    values[Worker.CROSSINGS] = replica.crossings;
                    values[Worker.AMPLITUDE] = replica.amplitude;
                }
                stats.add(row, values);
                if (path) {
                    worker.path(replica.x, layout.pathCoordinates(), stats.path, row * stats.pathWidth);
                }
            }
        }
        replica.crossings = 0;
        replica.amplitude = 0.0;
        if (replica.diverged) {
            stats.diverged[row]++;
        }
    }

    private void emitRows(Line line, Window window, List<StepObserver> observers) {
        double[] mean = new double[width];
        double[] m2 = new double[width];
        for (int row = 0; row < window.rowCount; row++) {
            double n = 0;
            Arrays.fill(mean, 0.0);
            Arrays.fill(m2, 0.0);
            long diverged = 0;
            for (BlockStatistics stats : statistics) {
                n = stats.mergeInto(row, n, mean, m2);
                diverged += stats.diverged[row];
            }
            long step = window.rowSteps[row];
            double[] values = rows.values(step, rows.lr(line, step), n, mean, m2, diverged);
            if (theory != null) {
                theory.fill(line, step, values, layout.theory());
            }
            if (layout.path() >= 0) {
                System.arraycopy(statistics[0].path, row * layout.pathWidth(), values, layout.path(), layout.pathWidth());
            }
            TraceRow traceRow = new TraceRow(line.name(), values);
            for (StepObserver observer : observers) {
                observer.handleStep(traceRow);
            }
        }
    }

    /** Checkpoint lookup used by the summary. */
    static List<Checkpoint> checkpoints(Run run) {
        List<Checkpoint> checkpoints = run.schedule().checkpoints();
        if (!checkpoints.isEmpty()) {
            return checkpoints;
        }
        Line main = run.schedule().lines().get(0);
        return List.of(new Checkpoint(main.endStep(), main.name(), main.endStep(), run.schedule().totalCompute()));
    }
}
