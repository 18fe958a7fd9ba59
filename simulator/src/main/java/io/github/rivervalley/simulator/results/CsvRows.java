package io.github.rivervalley.simulator.results;

import io.github.rivervalley.simulator.io.Csv;

/** Appends trace rows as CSV lines; the one place the row format lives. */
public final class CsvRows {

    private CsvRows() {
    }

    /** Appends {@code row} (line name, then its values) and a newline to {@code out}. */
    public static void append(TraceLayout layout, TraceRow row, StringBuilder out) {
        out.append(Csv.field(row.line()));
        double[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            out.append(',');
            layout.format(i, values[i], out);
        }
        out.append('\n');
    }
}
