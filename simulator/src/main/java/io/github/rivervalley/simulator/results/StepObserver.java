package io.github.rivervalley.simulator.results;

import io.github.rivervalley.simulator.schedule.Line;

/**
 * Receives a run's recorded rows as they are produced, in the spirit of Hipparchus step handlers:
 * {@link #init} once, then per line {@link #lineStarted} and one {@link #handleStep} per recorded row in
 * step order, then {@link #finish} with the summary. The sampling (which steps become rows) is done by the
 * engine's record plan, like a step normalizer in front of a handler. Rows arrive on one thread, in the
 * same order whatever the number of worker threads.
 */
public interface StepObserver {

    /** Called once before any row, with the trace's columns. */
    default void init(TraceLayout layout) {
    }

    /** Called before the first row of {@code line} (the {@code flow} reference line has no schedule line: null). */
    default void lineStarted(String name, Line line) {
    }

    /** One recorded row; the row is the observer's to keep. */
    void handleStep(TraceRow row);

    /** Called once after the last row. */
    default void finish(RunSummary summary) {
    }
}
