package io.github.rivervalley.simulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.io.StagedDirectory;
import io.github.rivervalley.simulator.iterate.IterateFiles;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.ReducedPrecision;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.results.CsvTraceWriter;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.StepObserver;
import io.github.rivervalley.simulator.results.SummaryFile;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceRecorder;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.MemoryBudget;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.theory.Exactness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The entry points for running simulations, used by the command line, sweeps, reports and notebooks.
 *
 * <ul>
 *   <li>{@link #run(RunSpec, Path, int)}: spec to {@code DIR/<name>/trace.csv}, {@code summary.json},
 *       {@code spec.yaml}, all written atomically; returns the summary.</li>
 *   <li>{@link #trace(RunSpec, int)} / {@link #trace(Run, int)}: the whole trace in memory (small runs).</li>
 *   <li>{@link #execute(Run, int, List)}: stream rows to your own {@link StepObserver}s.</li>
 *   <li>{@link #bind(RunSpec)}: validate a spec and build its {@link Run} without running it, once: the
 *       {@link BoundRun} runs with {@link #run(BoundRun, Path, int)}; {@link #prepare(RunSpec)} gives the run alone.</li>
 *   <li>{@link #expectedTrace(Run)}: the exact expected values only (moment engine, no sampling); specs
 *       with {@code replicas: expected} take this path in {@link #run} and {@link #trace(RunSpec, int)}.</li>
 *   <li>{@link #executeReference} / {@link #referenceTrace}: the same on the reference step loop only.</li>
 * </ul>
 * The thread count never changes the results.
 */
public final class Simulation {


    private Simulation() {
    }

    /** The number of threads {@code --threads} defaults to: all cores. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Validates the whole spec and builds the run, before anything is written or run.
     *
     * @throws SpecException naming the field, the value and what is allowed
     */
    public static Run prepare(RunSpec spec) {
        return bind(spec).run();
    }

    /**
     * Validates the whole spec and builds the run, before anything is written or run: the one place a run
     * spec becomes domain objects.
     *
     * @throws SpecException naming the field, the value and what is allowed
     */
    public static BoundRun bind(RunSpec spec) {
        return bind(spec, LandscapeSpec::build);
    }

    /**
     * As {@link #bind(RunSpec)}, with the landscape taken from {@code landscapes} (a pure function of the
     * landscape spec), so that runs on one landscape can share it: landscapes are immutable and thread-safe,
     * and some are costly to build (a bigram model's data).
     */
    public static BoundRun bind(RunSpec spec, Function<LandscapeSpec, Landscape> landscapes) {
        RunSpec resolved = spec.resolved();
        Landscape landscape = within("landscape", () -> landscapes.apply(resolved.landscape()));
        checkMemory(resolved, landscape);
        Schedule schedule = within("schedule", () -> resolved.schedule().build(resolved.steps()));
        Optimizer optimizer = within("optimizer", () -> resolved.optimizer().build());
        NoiseModel noise = within("noise", () -> resolved.noise().build());
        if (resolved.optimizer().exactGradientsOnly() && !resolved.noise().isNone()) {
            throw new SpecException("optimizer.type", "gd uses exact gradients, but noise.type is "
                    + typeName(resolved, "noise") + "; use sgd (or another optimizer) with gradient noise, or noise type none");
        }
        GradientOracle oracle = within("noise", () -> noise.newOracle(landscape)); // noise types that need a river valley say so here
        if (landscape instanceof ReducedPrecision reduced && reduced.reducedPrecision() && !reduced.honouredBy(oracle)) {
            throw new SpecException("landscape." + reduced.precisionField(), "float32 is not allowed with noise type "
                    + typeName(resolved, "noise") + "; expected float64 (float32 applies to the minibatch gradient: noise type minibatch)");
        }
        if (resolved.record().preconditionedSharpness()) {
            if (resolved.record().sharpnessEvery() == 0) {
                throw new SpecException("record.preconditionedSharpness", "true is not allowed without record.sharpnessEvery; "
                        + "expected false, or set sharpnessEvery (it is computed on the same rows)");
            }
            if (!(optimizer instanceof io.github.rivervalley.simulator.optim.Adam)) {
                throw new SpecException("record.preconditionedSharpness", "true is not allowed with optimizer "
                        + typeName(resolved, "optimizer") + "; expected false (only adam and adamw precondition)");
            }
        }
        List<Long> iterates = resolved.record().iterates();
        if (!iterates.isEmpty() && iterates.get(iterates.size() - 1) > resolved.steps()) {
            throw new SpecException("record.iterates", iterates.get(iterates.size() - 1) + " is not allowed; expected steps from 0 to "
                    + resolved.steps() + " (the run's steps)");
        }
        if (resolved.isExpected()) {
            checkExpected(resolved, landscape, optimizer, noise);
        }
        double[] start = resolved.start() != null ? resolved.start() : landscape.defaultStart();
        if (start.length != landscape.dimension()) {
            throw new SpecException("start", "a list of " + start.length + " numbers is not allowed; expected a list of "
                    + landscape.dimension() + " numbers (the landscape's dimension)");
        }
        Run run = within("", () -> new Run(resolved.name(), landscape, optimizer, noise, schedule,
                start, resolved.seed(), resolved.steps(), resolved.isExpected() ? 1 : resolved.replicas(), resolved.record(),
                resolved.flow()));
        return new BoundRun(resolved, run);
    }

    /** An expected-value run needs exact theory and asks for nothing that only sampling gives. */
    private static void checkExpected(RunSpec spec, Landscape landscape, Optimizer optimizer, NoiseModel noise) {
        Exactness exactness = Exactness.of(landscape, optimizer, noise);
        if (!exactness.exact()) {
            throw new SpecException("replicas", "expected is not allowed for this run: " + exactness.reason()
                    + "; expected a whole number >= 1 (a simulation)");
        }
        if (spec.flow()) {
            throw new SpecException("flow", "true is not allowed with replicas: expected; expected false (an expected-value run has no flow line)");
        }
        if (spec.record().path()) {
            throw new SpecException("record.path", "true is not allowed with replicas: expected; expected false (there is no sample path without sampling)");
        }
        if (!spec.record().iterates().isEmpty()) {
            throw new SpecException("record.iterates", spec.record().iterates() + " is not allowed with replicas: expected;"
                    + " expected no iterates (an expected-value run has no sampled iterates)");
        }
        if (spec.record().sharpnessEvery() > 0) {
            throw new SpecException("record.sharpnessEvery", spec.record().sharpnessEvery()
                    + " is not allowed with replicas: expected; expected 0 (an expected-value run has no sampled iterates)");
        }
    }

    /**
     * Runs {@code spec} and writes {@code outDir/<name>/trace.csv}, {@code summary.json} and the resolved
     * {@code spec.yaml}. The directory is written whole: the files go to a hidden staging sibling that
     * replaces {@code outDir/<name>} only when all three are complete ({@link StagedDirectory}), so an
     * earlier run of the same name is either kept intact or replaced entirely.
     */
    public static RunSummary run(RunSpec spec, Path outDir, int threads) {
        return run(bind(spec), outDir, threads);
    }

    /** {@link #run(RunSpec, Path, int)} of a spec already bound. */
    public static RunSummary run(BoundRun bound, Path outDir, int threads) {
        return run(bound, outDir, threads, true);
    }

    /**
     * {@link #run(RunSpec, Path, int)} of a spec already bound; {@code sync} false leaves the files unforced
     * to the disk ({@link AtomicFile}: still whole for a kill or a full disk), for a sweep, whose resume
     * checks each run's files and redoes damaged ones.
     */
    public static RunSummary run(BoundRun bound, Path outDir, int threads, boolean sync) {
        Run run = bound.run();
        boolean expected = bound.isExpected();
        RunSummary summary;
        try (StagedDirectory staged = StagedDirectory.begin(outDir.resolve(run.name()))) {
            Path dir = staged.path();
            try (AtomicFile traceFile = AtomicFile.begin(dir.resolve(RunDirectory.TRACE), sync)) {
                try (Writer writer = traceFile.writer()) {
                    List<StepObserver> observers = run.record().iterates().isEmpty() ? List.of(new CsvTraceWriter(writer, run.schedule()))
                            : List.of(new CsvTraceWriter(writer, run.schedule()), new IterateFiles(dir));
                    summary = expected ? ExpectedRun.execute(run, observers) : execute(run, threads, observers);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + staged.target().resolve(RunDirectory.TRACE), e);
                }
                traceFile.commit();
            }
            AtomicFile.writeString(dir.resolve(RunDirectory.SPEC), SpecReader.instance().toYaml(bound.spec()), sync);
            AtomicFile.writeString(dir.resolve(RunDirectory.SUMMARY), SummaryFile.json(summary), sync);
            staged.commit();
        }
        return summary;
    }

    /** Runs {@code spec} in memory on all cores. */
    public static Trace trace(RunSpec spec) {
        return trace(spec, defaultThreads());
    }

    /** Runs {@code run} in memory on all cores. */
    public static Trace trace(Run run) {
        return trace(run, defaultThreads());
    }

    /** Runs {@code spec} in memory (an expected-value spec through the moment engine only). */
    public static Trace trace(RunSpec spec, int threads) {
        BoundRun bound = bind(spec);
        return bound.isExpected() ? expectedTrace(bound.run()) : trace(bound.run(), threads);
    }

    /**
     * The expected-value trace of {@code run} (its replicas and seed do not matter): the moment engine's
     * exact replica means at the record block's steps, in the usual layout. The run must have exact
     * theory ({@link Exactness}).
     */
    public static Trace expectedTrace(Run run) {
        TraceRecorder recorder = new TraceRecorder();
        ExpectedRun.execute(run, List.of(recorder));
        return recorder.trace();
    }

    /** Runs {@code run} in memory. */
    public static Trace trace(Run run, int threads) {
        TraceRecorder recorder = new TraceRecorder();
        execute(run, threads, List.of(recorder));
        return recorder.trace();
    }

    /** Runs {@code run}, streaming rows to {@code observers}; returns the summary. */
    public static RunSummary execute(Run run, int threads, List<StepObserver> observers) {
        return new Engine(run, threads).execute(new ArrayList<>(observers));
    }

    /**
     * Runs {@code run} on the plain scalar reference step loop only, never a specialised fast path: the
     * definition the fast paths are tested against (they must give the same bits), and the baseline for
     * measuring them.
     */
    public static RunSummary executeReference(Run run, int threads, List<StepObserver> observers) {
        return new Engine(run, threads, Engine.MAX_ROWS, Engine.MAX_WINDOW_STEPS, false).execute(new ArrayList<>(observers));
    }

    /** The in-memory trace of {@link #executeReference}. */
    public static Trace referenceTrace(Run run, int threads) {
        TraceRecorder recorder = new TraceRecorder();
        executeReference(run, threads, List.of(recorder));
        return recorder.trace();
    }

    /** {@code summary.json} text: pretty-printed, snake_case, NaN as null. */
    /**
     * One writer for every run: a mapper builds its serializers (reflection over the summary's records) on
     * first use and caches them, so a new mapper per run repeated that work (a tenth of a sweep of short runs,
     * profiled). Thread-safe once configured.
     */
    /**
     * Refuses a run whose replicas cannot fit in the heap, before their state is allocated: every replica
     * holds at least its iterate, and a fork (a WSD branch) copies it, so 2 x 8 bytes per coordinate and
     * replica is a lower bound. Also refuses more log-spaced rows than a line has steps.
     */
    private static void checkMemory(RunSpec spec, Landscape landscape) {
        long perReplica = MemoryBudget.times(landscape.dimension(), 2 * Double.BYTES);
        within("", () -> {
            MemoryBudget.require("landscape", "a landscape of dimension " + landscape.dimension(), perReplica,
                    "one replica's state (2 x 8 bytes per coordinate)");
            int replicas = spec.isExpected() ? 1 : spec.replicas(); // an expected-value run holds no replicas
            MemoryBudget.require("replicas", replicas, MemoryBudget.times(replicas, perReplica),
                    "the replicas' state (2 x 8 bytes per coordinate and replica, " + landscape.dimension() + " coordinates)");
            return null;
        });
        int logSpaced = spec.record().logSpaced();
        if (logSpaced > spec.steps() + 1) {
            throw new SpecException("record.logSpaced", logSpaced + " is not allowed; expected at most " + (spec.steps() + 1)
                    + " (a line of " + spec.steps() + " steps has no more distinct steps to record)");
        }
    }

    private static String typeName(RunSpec spec, String block) {
        JsonNode tree = SpecReader.instance().toTree(spec);
        JsonNode node = tree.get(block);
        if (node instanceof ObjectNode object && object.has("type")) {
            return object.get("type").asText();
        }
        return "custom";
    }

    private static <T> T within(String prefix, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            InvalidValueException full = e.under(prefix);
            throw new SpecException(full.field(), full.value() + " is not allowed; expected " + full.allowed(), e);
        }
    }
}
