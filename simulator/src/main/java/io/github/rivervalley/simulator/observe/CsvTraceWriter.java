package io.github.rivervalley.simulator.observe;

import io.github.rivervalley.simulator.trace.CsvRows;
import io.github.rivervalley.simulator.trace.TraceLayout;
import io.github.rivervalley.simulator.trace.TraceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Streams rows to {@code trace.csv} as they come, so a long run never holds its trace in memory. */
public final class CsvTraceWriter implements StepObserver {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private TraceLayout layout;

    /** Writes to {@code out}; the caller owns (flushes and closes) it. */
    public CsvTraceWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void init(TraceLayout layout) {
        this.layout = layout;
        write(layout.header() + "\n");
    }

    @Override
    public void handleStep(TraceRow row) {
        line.setLength(0);
        CsvRows.append(layout, row, line);
        write(line);
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace", e);
        }
    }
}
