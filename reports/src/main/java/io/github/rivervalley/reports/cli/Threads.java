package io.github.rivervalley.reports.cli;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.engine.Simulation;

/** The {@code --threads} option of the commands: all cores unless given, never fewer than one. */
final class Threads {

    private Threads() {
    }

    /** The thread count to use for {@code requested} (null: not given on the command line). */
    static int resolve(Integer requested) {
        int n = requested == null ? Simulation.defaultThreads() : requested;
        if (n < 1) {
            throw new InvalidValueException("--threads", n, "a whole number >= 1");
        }
        return n;
    }
}
