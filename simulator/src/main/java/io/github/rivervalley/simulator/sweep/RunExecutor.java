package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * What a sweep needs from the simulator: check a run spec and bind it once, then run what was bound. The
 * sweep machinery knows run specs only as trees, so it works with any engine that honours this contract.
 */
public interface RunExecutor {

    /**
     * A run spec validated and bound to the engine once, ready to run.
     *
     * @param resolved the resolved spec (defaults filled in) as a tree
     * @param run runs it on one thread, writing {@code outDir/<name>/} ({@code name} is the spec's
     *     {@code name}) with {@code summary.json} written last and every file written atomically, so a run
     *     directory holding {@code summary.json} is complete; the output must be a pure function of the spec
     */
    record Prepared(JsonNode resolved, Execution run) {

        /** Runs it; anything thrown stops the run, and the sweep records it as the run's failure. */
        public void execute(Path outDir) throws Exception {
            run.into(outDir);
        }
    }

    /** How a prepared run runs. */
    @FunctionalInterface
    interface Execution {

        /** Runs into {@code outDir} (see {@link Prepared}). */
        void into(Path outDir) throws Exception;
    }

    /**
     * Validates a run spec exactly as the run command would, before anything runs, and binds it: what it
     * returns runs without binding or validating the spec again.
     *
     * @throws io.github.rivervalley.simulator.spec.SpecException naming the field, the value and what is allowed
     */
    Prepared prepare(JsonNode runSpec);
}
