package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.engine.BoundRun;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sweeps on the simulator: a run is validated and bound as {@code rivervalley run} does it
 * ({@link Simulation#bind}, which also builds the landscape and schedule), once, and executed with
 * {@link Simulation#run(BoundRun, Path, int, boolean)} on one thread, writing exactly what
 * {@code rivervalley run} writes. The files are not forced to the disk one by one (a flush per file cost
 * more than a short run's computation); a resume checks each run's files and redoes the damaged ones
 * ({@link RunDirs#state}).
 *
 * <p>A sweep holds every bound run from its expansion to its execution, so runs with equal landscape
 * specs share one landscape (immutable and thread-safe; a pure function of its spec).
 */
public final class EngineExecutor implements RunExecutor {

    private final Map<LandscapeSpec, Landscape> landscapes = new ConcurrentHashMap<>();
    private final BiFunction<RunSpec, Function<LandscapeSpec, Landscape>, BoundRun> binder;

    /** The simulator's executor. */
    public EngineExecutor() {
        this(Simulation::bind);
    }

    /**
     * An executor binding with {@code binder}, given the spec and the executor's shared landscapes (a seam
     * for tests; it must bind as {@link Simulation#bind(RunSpec, Function)} does).
     */
    EngineExecutor(BiFunction<RunSpec, Function<LandscapeSpec, Landscape>, BoundRun> binder) {
        this.binder = binder;
    }

    private Landscape landscape(LandscapeSpec spec) {
        Landscape built = landscapes.get(spec);
        if (built == null) {
            built = spec.build(); // outside the map's lock: a build can be slow, and it may throw
            Landscape earlier = landscapes.putIfAbsent(spec, built);
            built = earlier != null ? earlier : built;
        }
        return built;
    }

    /**
     * Binds a run spec with this executor's landscapes: a landscape it built while validating (a run's
     * overrides, a sweep's runs) is not built again.
     */
    public BoundRun bind(JsonNode runSpec) {
        return binder.apply(SpecReader.instance().bind(runSpec, RunSpec.class), this::landscape);
    }

    @Override
    public Prepared prepare(JsonNode runSpec) {
        BoundRun bound = bind(runSpec);
        return new Prepared(SpecReader.instance().toTree(bound.spec()), outDir -> Simulation.run(bound, outDir, 1, false));
    }

    @Override
    public String toString() {
        return "EngineExecutor[Simulation.run, 1 thread per run]";
    }
}
