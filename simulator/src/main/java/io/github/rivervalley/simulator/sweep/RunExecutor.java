package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * What a sweep needs from the simulator: check a run spec and bind it once, then run what was bound. The
 * sweep machinery knows run specs only as trees, so it works with any engine that honours this contract.
 */
public interface RunExecutor {

    /** A run spec validated and bound to the engine once, ready to run. */
    interface Prepared {

        /** The resolved spec (defaults filled in) as a tree. */
        JsonNode resolved();

        /**
         * Runs it on one thread, writing {@code outDir/<name>/} ({@code name} is the spec's {@code name})
         * with {@code summary.json} written last and every file written atomically, so a run directory
         * holding {@code summary.json} is complete. The output must be a pure function of the spec.
         *
         * @throws Exception anything that stops the run; the sweep records it as the run's failure
         */
        void execute(Path outDir) throws Exception;
    }

    /**
     * Validates a run spec exactly as the run command would, before anything runs, and binds it: what it
     * returns runs without binding or validating the spec again.
     *
     * @throws io.github.rivervalley.simulator.spec.SpecException naming the field, the value and what is allowed
     */
    Prepared prepare(JsonNode runSpec);
}
