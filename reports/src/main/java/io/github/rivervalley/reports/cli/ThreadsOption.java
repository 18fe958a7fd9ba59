package io.github.rivervalley.reports.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --threads N} option of the commands that run work in parallel, declared once (a picocli
 * {@code @Mixin}): all cores unless given, checked by {@link Threads}.
 */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores); never changes the results")
    Integer requested;

    /** The thread count to use. */
    int count() {
        return Threads.resolve(requested);
    }
}
