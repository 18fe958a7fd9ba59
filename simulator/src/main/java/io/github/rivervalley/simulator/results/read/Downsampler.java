package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.StepObserver;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.LinePhases;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downsamples a run's rows as the engine produces them into one {@link RecordedTrace} per line, with the
 * same buckets, exactly kept rows and phases as the {@link TraceReader} gives for the run's
 * {@code trace.csv} (the reader feeds the same {@link LineBuckets}): a run held in memory is charted
 * without writing and re-reading its trace. Bucket statistics are taken of the numbers as the reader's fast
 * parser sees them ({@link Decimals#asRead}), so both paths agree to the bit; exactly kept rows are the
 * engine's own values, which the reader recovers exactly.
 *
 * <p>Rows held in memory carry no {@code phase} column: their phases come from the run's schedule, by
 * the rule the trace writer follows ({@link LinePhases}), so both paths give the same phases.
 *
 * <p>Give it to the engine as an observer, or {@link #of} a finished {@link Trace}; then {@link #traces()}.
 */
public final class Downsampler implements StepObserver {

    private final int buckets;
    private final LinePhases phases;
    private final Map<String, MemoryLine> lines = new LinkedHashMap<>();
    private String[] columns;
    private int stepIndex;
    private double[] scratch;

    /**
     * A downsampler keeping at most {@code buckets} (even, at least 2) buckets per line, with the phases of
     * {@code schedule} (the run's; null: no phases).
     */
    public Downsampler(int buckets, Schedule schedule) {
        this.buckets = LineBuckets.checkCapacity(buckets);
        this.phases = schedule == null ? null : new LinePhases(schedule);
    }

    /** A downsampler with {@link TraceReader#DEFAULT_BUCKETS} and the phases of {@code schedule}. */
    public Downsampler(Schedule schedule) {
        this(TraceReader.DEFAULT_BUCKETS, schedule);
    }

    /**
     * The traces of the rows of {@code trace} whose step is in {@code [from, to]}, with {@code buckets} per
     * line and the phases of {@code schedule} (the run's).
     */
    public static List<RecordedTrace> of(Trace trace, long from, long to, int buckets, Schedule schedule) {
        Downsampler downsampler = new Downsampler(buckets, schedule);
        downsampler.init(trace.layout());
        for (TraceRow row : trace.rows()) {
            if (row.step() >= from && row.step() <= to) {
                downsampler.handleStep(row);
            }
        }
        return downsampler.traces();
    }

    /** Every row of {@code trace}, with {@link TraceReader#DEFAULT_BUCKETS} per line and the phases of {@code schedule}. */
    public static List<RecordedTrace> of(Trace trace, Schedule schedule) {
        return of(trace, Long.MIN_VALUE, Long.MAX_VALUE, TraceReader.DEFAULT_BUCKETS, schedule);
    }

    @Override
    public void init(TraceLayout layout) {
        columns = layout.columns().toArray(new String[0]);
        stepIndex = layout.indexOf(TraceColumns.STEP);
        scratch = new double[columns.length];
        lines.clear();
    }

    @Override
    public void handleStep(TraceRow row) {
        if (columns == null) {
            throw new IllegalStateException("init was not called");
        }
        MemoryLine line = lines.computeIfAbsent(row.line(),
                name -> new MemoryLine(new LineBuckets(name, columns, stepIndex, buckets)));
        String problem = line.buckets.outOfOrder(row.step());
        if (problem != null) {
            throw new IllegalArgumentException("the trace " + problem);
        }
        double[] values = row.values();
        for (int c = 0; c < values.length; c++) {
            scratch[c] = Decimals.asRead(values[c]);
        }
        line.previous = line.current;
        line.current = values;
        line.buckets.add(row.step(), scratch, phases == null ? null : phases.kindOfRow(row.line(), row.step()), line);
    }

    @Override
    public void finish(RunSummary summary) {
    }

    /** One trace per line, in order of first appearance. */
    public List<RecordedTrace> traces() {
        List<RecordedTrace> traces = new ArrayList<>();
        for (MemoryLine line : lines.values()) {
            traces.add(line.buckets.finish(line.current));
        }
        return traces;
    }

    /** A line fed from memory: its exact rows are the rows themselves (a row's values are the observer's to keep). */
    private static final class MemoryLine implements LineBuckets.ExactRows {
        final LineBuckets buckets;
        double[] current;
        double[] previous;

        MemoryLine(LineBuckets buckets) {
            this.buckets = buckets;
        }

        @Override
        public double[] current() {
            return current;
        }

        @Override
        public double[] previous() {
            return previous;
        }
    }
}
