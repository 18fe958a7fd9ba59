package io.github.rivervalley.reports.cli;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.engine.Simulation;
import picocli.CommandLine.Option;

/**
 * The {@code --threads N} option of the commands that run work in parallel, declared once (a picocli
 * {@code @Mixin}): all cores unless given, never fewer than one.
 */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores); never changes the results")
    Integer requested;

    /** The thread count to use. */
    int count() {
        return resolve(requested);
    }

    /** The thread count for {@code requested} (null: not given on the command line), checked. */
    static int resolve(Integer requested) {
        int n = requested == null ? Simulation.defaultThreads() : requested;
        if (n < 1) {
            throw new InvalidValueException("--threads", n, "a whole number >= 1");
        }
        return n;
    }
}
