package io.github.rivervalley.simulator.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole run held in memory: its rows and summary. For small runs (notebooks, reports, tests); large
 * runs stream to {@code trace.csv} instead.
 */
public record Trace(TraceLayout layout, List<TraceRow> rows, RunSummary summary) {

    public Trace {
        rows = List.copyOf(rows);
    }

    /** Names of the lines in the order they appear. */
    public Set<String> lines() {
        Set<String> names = new LinkedHashSet<>();
        for (TraceRow row : rows) {
            names.add(row.line());
        }
        return names;
    }

    /** The rows of one line, in step order. */
    public List<TraceRow> rows(String line) {
        List<TraceRow> out = new ArrayList<>();
        for (TraceRow row : rows) {
            if (row.line().equals(line)) {
                out.add(row);
            }
        }
        return out;
    }

    /** One column of one line, in step order. */
    public double[] column(String line, String column) {
        int index = index(column);
        return rows(line).stream().mapToDouble(r -> r.get(index)).toArray();
    }

    /** The value of {@code column} on the row of {@code line} at {@code step}. */
    public double value(String line, long step, String column) {
        int index = index(column);
        for (TraceRow row : rows) {
            if (row.line().equals(line) && row.step() == step) {
                return row.get(index);
            }
        }
        throw new IllegalArgumentException("no row of line '" + line + "' at step " + step);
    }

    /** The trace as CSV text, exactly as {@code trace.csv} would hold it. */
    public String toCsv() {
        StringBuilder out = new StringBuilder(layout.header()).append('\n');
        for (TraceRow row : rows) {
            CsvRows.append(layout, row, out);
        }
        return out.toString();
    }

    private int index(String column) {
        int index = layout.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "'; columns are " + layout.columns());
        }
        return index;
    }

    @Override
    public String toString() {
        return "Trace[" + rows.size() + " rows, lines " + lines() + ", columns " + layout.width() + "]";
    }
}
