package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.simulator.flow.GradientFlow;
import io.github.rivervalley.simulator.noise.FusedSgd;
import io.github.rivervalley.simulator.noise.SparseRows;
import io.github.rivervalley.simulator.observe.Divergence;
import io.github.rivervalley.simulator.observe.HillProbe;
import io.github.rivervalley.simulator.observe.StepObserver;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.LearningRate;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.trace.RunSummary;
import io.github.rivervalley.simulator.trace.TraceLayout;
import io.github.rivervalley.simulator.trace.TraceRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * <p>{@link #advance} is the plain scalar reference path of the step loop; specialised loops replace it in
 * {@link #advanceAll} where they apply, giving the same replica states to the bit: {@link StraightValleySteps}
 * (GD/SGD on straight valleys) and {@link #advanceSparse} (SGD with a sparse-row oracle, the bigram tabular
 * model).
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
    /** The specialised step loop for this run, or null: the reference loop {@link #advance} then. */
    private final StraightValleySteps fast;
    /** Whether plain SGD may use the touched rows of a sparse-row oracle ({@link #advanceSparse}). */
    private final boolean sparsePath;
    private final HillProbe probe;
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
        this.lrs = new double[stepsPerWindow];
        this.run = run;
        this.threads = Math.max(1, threads);
        this.blockCount = (run.replicas() + BLOCK - 1) / BLOCK;
        List<String> extraColumns = ExtraColumns.of(run);
        this.extras = extraColumns.size();
        this.width = Worker.width(extras);
        this.sharpness = run.record().sharpnessEvery() > 0;
        this.preconditioned = run.record().preconditionedSharpness();
        this.layout = new TraceLayout(run.replicas() > 1, sharpness, preconditioned,
                extraColumns, run.record().path(), run.landscape().dimension());
        this.stop = new Divergence(run.record().divergenceThreshold());
        this.iterates = new IterateCapture(run.record().iterates());
        this.fast = fastPaths ? StraightValleySteps.of(run, stop).orElse(null) : null;
        this.sparsePath = fastPaths && run.optimizer() instanceof GradientDescent;
        this.probe = run.landscape() instanceof Decomposer ? HillProbe.of(run.landscape()).orElse(null) : null;
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
            statistics[b] = new BlockStatistics(maxRows, width, b == 0 ? layout.pathWidth() : 0);
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
        ExecutorService pool = workers.length > 1 ? Executors.newFixedThreadPool(workers.length, r -> {
            Thread t = new Thread(r, "rivervalley-worker");
            t.setDaemon(true);
            return t;
        }) : null;
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
                runFlow(all);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
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

    private void runLine(Line line, Replica[] replicas, Map<Long, Replica[]> forks, List<StepObserver> observers, ExecutorService pool) {
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
            parallel(pool, (block, worker) -> advanceBlock(block, replicas, window, worker));
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

    private void parallel(ExecutorService pool, BlockTask task) {
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
        try {
            for (Future<Void> done : pool.invokeAll(jobs)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
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
            advanceAll(replicas, from, to, step, target, window.start, worker);
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
        advanceAll(replicas, from, to, step, window.end, window.start, worker);
    }

    /**
     * Updates steps {@code [fromStep, toStep)} of replicas {@code [from, to)} of one block: through the
     * specialised loop when the run has one ({@link StraightValleySteps}, which leaves every replica exactly
     * as the reference path does), else through the reference path.
     */
    private void advanceAll(Replica[] replicas, int from, int to, long fromStep, long toStep, long lrBase, Worker worker) {
        if (fromStep >= toStep) {
            return;
        }
        if (fast != null) {
            fast.advanceBlock(replicas, from, to, fromStep, toStep, lrs, lrBase, worker.lanes, worker.gradient);
            return;
        }
        if (sparsePath && worker.oracle instanceof SparseRows rows) {
            for (int i = from; i < to; i++) {
                advanceSparse(replicas[i], fromStep, toStep, lrBase, worker, rows);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            advance(replicas[i], fromStep, toStep, lrBase, worker);
        }
    }

    /**
     * The reference loop for plain SGD with an oracle whose gradient is zero outside a few rows (bigram
     * tabular minibatches): the update and the finiteness check touch only those rows, and an oracle that
     * can ({@link FusedSgd}) computes each row's gradient and update in one go. For a rate that is
     * finite and >= 0 this is exactly the dense step ({@code x - lr * 0 == x}, bit for bit, as
     * {@link SparseRows} requires +0.0 outside the rows), and the untouched coordinates were finite already,
     * since the dense check passed at the previous step; any other rate takes the dense step.
     */
    private void advanceSparse(Replica replica, long from, long to, long lrBase, Worker worker, SparseRows rows) {
        if (replica.diverged || from >= to) {
            return;
        }
        double[] x = replica.x;
        double[] gradient = worker.gradient;
        FusedSgd fused = rows instanceof FusedSgd f ? f : null;
        for (long t = from; t < to; t++) {
            double lr = lrs[(int) (t - lrBase)];
            boolean usual = lr >= 0.0 && lr < Double.POSITIVE_INFINITY;
            boolean nonFinite;
            if (fused != null && usual) {
                nonFinite = fused.sgdStep(x, lr, replica.random); // its loss is NaN: nothing to check first
            } else {
                double loss = worker.oracle.gradient(x, gradient, replica.random);
                if (stop.stopsAtLoss(loss)) {
                    replica.diverge(t);
                    return;
                }
                nonFinite = usual ? sparseStep(x, gradient, lr, rows) : denseStep(replica, gradient, lr);
            }
            if (nonFinite) {
                replica.diverge(t + 1);
                return;
            }
            if (probe != null) {
                replica.observeDisplacement(probe.displacement(x));
            }
        }
    }

    private boolean denseStep(Replica replica, double[] gradient, double lr) {
        replica.state.step(replica.x, gradient, lr);
        return stop.stopsAt(replica.x);
    }

    /**
     * {@code x -= lr g} on the touched rows (the expression of {@link GradientDescent}); returns whether a
     * touched coordinate became non-finite. Four partial sums of {@code v * 0} (NaN exactly when some v is
     * not finite, whatever the order) keep the check off the critical path.
     */
    private static boolean sparseStep(double[] x, double[] gradient, double lr, SparseRows rows) {
        int length = rows.rowLength();
        double c0 = 0.0;
        double c1 = 0.0;
        double c2 = 0.0;
        double c3 = 0.0;
        for (int n = 0; n < rows.touchedRowCount(); n++) {
            int j = rows.touchedRow(n) * length;
            int end = j + length;
            for (; j + 3 < end; j += 4) {
                double v0 = x[j] - lr * gradient[j];
                double v1 = x[j + 1] - lr * gradient[j + 1];
                double v2 = x[j + 2] - lr * gradient[j + 2];
                double v3 = x[j + 3] - lr * gradient[j + 3];
                x[j] = v0;
                x[j + 1] = v1;
                x[j + 2] = v2;
                x[j + 3] = v3;
                c0 += v0 * 0.0;
                c1 += v1 * 0.0;
                c2 += v2 * 0.0;
                c3 += v3 * 0.0;
            }
            for (; j < end; j++) {
                double v = x[j] - lr * gradient[j];
                x[j] = v;
                c0 += v * 0.0;
            }
        }
        return Double.isNaN(c0 + c1 + c2 + c3);
    }

    /** The scalar reference step loop: updates {@code steps [from, to)} of one replica. */
    private void advance(Replica replica, long from, long to, long lrBase, Worker worker) {
        if (replica.diverged || from >= to) {
            return;
        }
        double[] x = replica.x;
        double[] gradient = worker.gradient;
        for (long t = from; t < to; t++) {
            double loss = worker.oracle.gradient(x, gradient, replica.random);
            if (stop.stopsAtLoss(loss)) {
                replica.diverge(t);
                return;
            }
            replica.state.step(x, gradient, lrs[(int) (t - lrBase)]);
            if (stop.stopsAt(x)) {
                replica.diverge(t + 1);
                return;
            }
            if (probe != null) {
                replica.observeDisplacement(probe.displacement(x));
            }
        }
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
            java.util.Arrays.fill(mean, 0.0);
            java.util.Arrays.fill(m2, 0.0);
            long diverged = 0;
            for (BlockStatistics stats : statistics) {
                n = stats.mergeInto(row, n, mean, m2);
                diverged += stats.diverged[row];
            }
            long step = window.rowSteps[row];
            double[] values = rowValues(step, rowLr(line, step), n, mean, m2, diverged);
            if (layout.path() >= 0) {
                System.arraycopy(statistics[0].path, row * layout.pathWidth(), values, layout.path(), layout.pathWidth());
            }
            TraceRow traceRow = new TraceRow(line.name(), values);
            for (StepObserver observer : observers) {
                observer.handleStep(traceRow);
            }
        }
    }

    /**
     * The {@code lr} of a row: the rate of the update that produced the state at {@code step} (for step 0,
     * of the first update). A branch's first row was produced by its parent's update, so it shows the
     * parent's rate, exactly like the parent's row at that step.
     */
    private double rowLr(Line line, long step) {
        long update = step == 0 ? 0 : step - 1;
        Line owner = line;
        while (update < owner.forkStep() && owner.parent().isPresent()) {
            owner = run.schedule().line(owner.parent().get());
        }
        return owner.lr().at(update);
    }

    /** Lays out one row from merged statistics (NaN means where no replica is left). */
    private double[] rowValues(long step, double lr, double n, double[] mean, double[] m2, long diverged) {
        double[] values = new double[layout.width()];
        values[TraceLayout.STEP] = step;
        values[TraceLayout.LR] = lr;
        boolean any = n > 0;
        values[TraceLayout.LOSS] = any ? mean[Worker.LOSS] : Double.NaN;
        values[TraceLayout.RIVER_LOSS] = any ? mean[Worker.RIVER_LOSS] : Double.NaN;
        values[TraceLayout.HILL_EXCESS] = any ? mean[Worker.HILL_EXCESS] : Double.NaN;
        values[TraceLayout.RIVER_COORD] = any ? mean[Worker.RIVER_COORD] : Double.NaN;
        values[TraceLayout.HILL_DIST] = any ? mean[Worker.HILL_DIST] : Double.NaN;
        values[TraceLayout.GRAD_NORM] = any ? mean[Worker.GRAD_NORM] : Double.NaN;
        values[TraceLayout.HILL_DISP] = any ? mean[Worker.HILL_DISP] : Double.NaN;
        values[TraceLayout.CROSSINGS] = any ? mean[Worker.CROSSINGS] : Double.NaN;
        values[TraceLayout.AMPLITUDE] = any ? mean[Worker.AMPLITUDE] : Double.NaN;
        values[TraceLayout.DIVERGED] = diverged;
        if (layout.lossSe() >= 0) {
            int se = layout.lossSe();
            values[se] = standardError(n, m2[Worker.LOSS]);
            values[se + 1] = standardError(n, m2[Worker.HILL_EXCESS]);
            values[se + 2] = standardError(n, m2[Worker.RIVER_LOSS]);
        }
        if (layout.sharpness() >= 0) {
            values[layout.sharpness()] = any ? mean[Worker.SHARPNESS] : Double.NaN;
        }
        if (layout.preconditionedSharpness() >= 0) {
            values[layout.preconditionedSharpness()] = any ? mean[Worker.PRECONDITIONED_SHARPNESS] : Double.NaN;
        }
        for (int k = 0; k < extras; k++) {
            values[layout.firstExtra() + k] = any ? mean[Worker.FIRST_EXTRA + k] : Double.NaN;
        }
        return values;
    }

    private static double standardError(double n, double m2) {
        return n >= 2 ? Math.sqrt(m2 / (n - 1) / n) : Double.NaN;
    }

    /** The gradient-flow reference line, sampled at the first root line's recorded steps. */
    private void runFlow(List<StepObserver> observers) {
        Line main = run.schedule().lines().get(0);
        RecordPlan plan = new RecordPlan(main, run.schedule(), run.record());
        Worker worker = workers[0];
        Replica flow = new Replica(run.start(), null, null);
        GradientFlow.Clock clock = new GradientFlow.Clock() {
            private long step = -1;
            private long next = plan.first();
            private double time;

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public double next() {
                if (step >= 0) {
                    for (long s = step; s < next; s++) {
                        time += main.lr().at(s);
                    }
                }
                step = next;
                next = plan.next(next);
                return time;
            }

            @Override
            public long step() {
                return step;
            }
        };
        double[] mean = new double[width];
        double[] m2 = new double[width];
        double finalTime = 0.0;
        for (long s = main.forkStep(); s < main.endStep(); s++) {
            finalTime += main.lr().at(s); // the clock's sum in the same order, so its last time is this
        }
        new GradientFlow(run.landscape()).sample(run.start(), finalTime, clock, (step, x) -> {
            System.arraycopy(x, 0, flow.x, 0, x.length);
            double loss = worker.measure(flow.x, sharpness && step % run.record().sharpnessEvery() == 0, false, null);
            double[] values = worker.values;
            if (worker.decomposer != null) {
                flow.observeDisplacement(values[Worker.HILL_DISP]);
                values[Worker.CROSSINGS] = flow.crossings;
                values[Worker.AMPLITUDE] = flow.amplitude;
            }
            flow.crossings = 0;
            flow.amplitude = 0.0;
            System.arraycopy(values, 0, mean, 0, width);
            boolean finite = Double.isFinite(loss);
            double[] row = rowValues(step, rowLr(main, step), finite ? 1 : 0, mean, m2, finite ? 0 : 1);
            if (layout.lossSe() >= 0) {
                java.util.Arrays.fill(row, layout.lossSe(), layout.lossSe() + 3, Double.NaN);
            }
            if (layout.path() >= 0) { // the flow is one trajectory: its path is itself
                if (finite) {
                    worker.path(flow.x, layout.pathCoordinates(), row, layout.path());
                } else {
                    java.util.Arrays.fill(row, layout.path(), layout.path() + layout.pathWidth(), Double.NaN);
                }
            }
            TraceRow traceRow = new TraceRow(GradientFlow.LINE, row);
            for (StepObserver observer : observers) {
                observer.handleStep(traceRow);
            }
        });
    }

    /** Per-row partial statistics of one block for the current window. */
    static final class BlockStatistics {
        final double[] count;
        final double[] mean;
        final double[] m2;
        final long[] diverged;
        /** Per row the path columns of replica 0 (NaN where it has diverged); empty outside block 0. */
        final double[] path;
        final int pathWidth;
        private final int width;

        BlockStatistics(int rows, int width, int pathWidth) {
            this.width = width;
            this.pathWidth = pathWidth;
            this.path = new double[rows * pathWidth];
            this.count = new double[rows];
            this.mean = new double[rows * width];
            this.m2 = new double[rows * width];
            this.diverged = new long[rows];
        }

        void reset(int rows) {
            java.util.Arrays.fill(count, 0, rows, 0.0);
            java.util.Arrays.fill(mean, 0, rows * width, 0.0);
            java.util.Arrays.fill(m2, 0, rows * width, 0.0);
            java.util.Arrays.fill(diverged, 0, rows, 0L);
            java.util.Arrays.fill(path, 0, rows * pathWidth, Double.NaN);
        }

        /** Welford's update with one replica's values. */
        void add(int row, double[] values) {
            double n = ++count[row];
            int base = row * width;
            for (int k = 0; k < width; k++) {
                double v = values[k];
                double delta = v - mean[base + k];
                double updated = mean[base + k] + delta / n;
                mean[base + k] = updated;
                m2[base + k] += delta * (v - updated);
            }
        }

        /** Merges this block's row into running totals (Chan et al.); returns the new count. */
        double mergeInto(int row, double n, double[] totalMean, double[] totalM2) {
            double nb = count[row];
            if (nb == 0) {
                return n;
            }
            int base = row * width;
            double total = n + nb;
            for (int k = 0; k < width; k++) {
                double mb = mean[base + k];
                if (n == 0) {
                    totalMean[k] = mb;
                    totalM2[k] = m2[base + k];
                } else {
                    double delta = mb - totalMean[k];
                    totalMean[k] += delta * nb / total;
                    totalM2[k] += m2[base + k] + delta * delta * n * nb / total;
                }
            }
            return total;
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
