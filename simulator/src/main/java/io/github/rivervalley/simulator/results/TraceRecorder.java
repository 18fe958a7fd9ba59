package io.github.rivervalley.simulator.results;

import java.util.ArrayList;
import java.util.List;

/** Keeps every row in memory and hands out the finished {@link Trace} (for small runs). */
public final class TraceRecorder implements StepObserver {

    private final List<TraceRow> rows = new ArrayList<>();
    private TraceLayout layout;
    private Trace trace;

    @Override
    public void init(TraceLayout layout) {
        this.layout = layout;
    }

    @Override
    public void handleStep(TraceRow row) {
        rows.add(row);
    }

    @Override
    public void finish(RunSummary summary) {
        trace = new Trace(layout, rows, summary);
    }

    /** The trace, once the run has finished. */
    public Trace trace() {
        if (trace == null) {
            throw new IllegalStateException("the run has not finished");
        }
        return trace;
    }
}
