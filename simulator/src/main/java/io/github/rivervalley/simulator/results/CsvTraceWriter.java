package io.github.rivervalley.simulator.results;

import io.github.rivervalley.simulator.schedule.LinePhases;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Optional;

/**
 * Streams rows to {@code trace.csv} as they come, so a long run never holds its trace in memory. With a
 * schedule, each row ends with its {@code phase} (from the schedule) and, on the rows a checkpoint's
 * values come from, that checkpoint's budget in {@code checkpoint}.
 */
public final class CsvTraceWriter implements StepObserver {

    private final Writer out;
    private final LinePhases phases;
    private final StringBuilder line = new StringBuilder(256);
    private TraceLayout layout;

    /** Writes to {@code out} without the phase and checkpoint columns; the caller owns (flushes and closes) it. */
    public CsvTraceWriter(Writer out) {
        this(out, null);
    }

    /** Writes to {@code out}, with the phase and checkpoint columns of {@code schedule} (null: without them). */
    public CsvTraceWriter(Writer out, Schedule schedule) {
        this.out = out;
        this.phases = schedule == null ? null : new LinePhases(schedule);
    }

    @Override
    public void init(TraceLayout layout) {
        this.layout = layout;
        write(layout.header() + (phases == null ? "" : "," + TraceColumns.PHASE + "," + TraceColumns.CHECKPOINT) + "\n");
    }

    @Override
    public void handleStep(TraceRow row) {
        line.setLength(0);
        CsvRows.append(layout, row, line);
        if (phases != null) {
            line.setLength(line.length() - 1); // before the newline
            Optional<Phase> phase = phases.phaseOfRow(row.line(), row.step());
            line.append(',').append(phase.isPresent() ? phase.get().kind().label() : "").append(',');
            phases.checkpointAt(row.line(), row.step()).ifPresent(line::append);
            line.append('\n');
        }
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
