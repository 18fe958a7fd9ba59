package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;

/**
 * Sweeps on the simulator: a run is validated as {@code rivervalley run} validates it
 * ({@link Simulation#prepare}, which also builds the landscape and schedule) and executed with
 * {@link Simulation#run} on one thread, writing exactly what {@code rivervalley run} writes. The files are
 * not forced to the disk one by one (a flush per file cost more than a short run's computation); a resume
 * checks each run's files and redoes the damaged ones ({@link RunDirs#state}).
 */
public final class EngineExecutor implements RunExecutor {

    @Override
    public JsonNode resolve(JsonNode runSpec) {
        RunSpec spec = SpecReader.instance().bind(runSpec, RunSpec.class);
        Simulation.prepare(spec);
        return SpecReader.instance().toTree(spec.resolved());
    }

    @Override
    public void execute(JsonNode runSpec, Path outDir) {
        Simulation.run(SpecReader.instance().bind(runSpec, RunSpec.class), outDir, 1, false);
    }

    @Override
    public String toString() {
        return "EngineExecutor[Simulation.run, 1 thread per run]";
    }
}
