package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.schedule.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The recorded trace of one line of a run, columnar and downsampled (see {@link Column}), plus a few
 * rows kept exactly: the last row and the rows where a phase starts or ends, so that headline numbers
 * (values at the start and end of a decay, final values) never come from averaged buckets.
 *
 * <p>Phases are the schedule's, followed row by row while streaming ({@link PhaseTracker}): with the trace
 * recorded at every phase boundary they are exact; with sparser recording they start at the nearest
 * recorded rows before the schedule's boundaries.
 * Immutable.
 */
public final class RecordedTrace {

    private final String line;
    private final long rows;
    private final long bucketWidth;
    private final Map<String, Column> columns;
    private final NavigableMap<Long, double[]> exactRows;
    private final List<String> exactColumns;
    private final List<Phase> phases;

    RecordedTrace(String line, long rows, long bucketWidth, Map<String, Column> columns,
            NavigableMap<Long, double[]> exactRows, List<String> exactColumns, List<Phase> phases) {
        this.line = line;
        this.rows = rows;
        this.bucketWidth = bucketWidth;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.exactRows = Collections.unmodifiableNavigableMap(new TreeMap<>(exactRows));
        this.exactColumns = List.copyOf(exactColumns);
        this.phases = List.copyOf(phases);
        if (!this.columns.containsKey(TraceColumns.STEP)) {
            throw new IllegalArgumentException("trace of line " + line + " has no step column");
        }
    }

    /** The line name ({@code main}, {@code branch-12500}, ...). */
    public String line() {
        return line;
    }

    /** Rows read from the file for this line. */
    public long rows() {
        return rows;
    }

    /** Steps per bucket (1 when the trace was not downsampled and recorded every step). */
    public long bucketWidth() {
        return bucketWidth;
    }

    /** Number of buckets (points per plotted series). */
    public int size() {
        return step().size();
    }

    /** Column names in file order (without {@code line}). */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** Whether the column exists and holds at least one value. */
    public boolean has(String name) {
        Column c = columns.get(name);
        return c != null && c.hasValues();
    }

    /** The named column; throws when the trace does not have it. */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("trace of line " + line + " has no column '" + name + "'; columns are " + columns.keySet());
        }
        return c;
    }

    /** The step column: bucket means are the x values of charts. */
    public Column step() {
        return columns.get(TraceColumns.STEP);
    }

    /** First recorded step. */
    public long firstStep() {
        return Math.round(step().min(0));
    }

    /** Last recorded step. */
    public long lastStep() {
        return exactRows.lastKey();
    }

    /** The schedule's phases over the recorded rows, in order. */
    public List<Phase> phases() {
        return phases;
    }

    /** The exact value of {@code column} at a recorded phase boundary or the last step, if kept. */
    public OptionalDouble exact(long step, String column) {
        double[] row = exactRows.get(step);
        int index = exactColumns.indexOf(column);
        if (row == null || index < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(row[index]);
    }

    /** The exact value of {@code column} at the last recorded step (NaN when absent). */
    public double last(String column) {
        return exact(lastStep(), column).orElse(Double.NaN);
    }

    /** The phases of the given kind. */
    public List<Phase> phases(Phase.Kind kind) {
        List<Phase> out = new ArrayList<>();
        for (Phase p : phases) {
            if (p.kind() == kind) {
                out.add(p);
            }
        }
        return out;
    }

    /** The phase containing {@code step}, if any. */
    public Optional<Phase> phaseAt(long step) {
        for (Phase p : phases) {
            if (p.contains(step)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RecordedTrace[" + line + ", " + rows + " rows -> " + size() + " buckets of " + bucketWidth
                + " steps, columns " + columns.keySet() + ", " + phases.size() + " phases]";
    }
}
