package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.schedule.LinePhases;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the bytes of a {@code trace.csv} into rows and fields (one pass, no per-field objects) and feeds
 * each row to its line's {@link CsvLine} (and so to its {@link LineBuckets}). Fields may be quoted; columns are found by name.
 * A row's phase is its {@code phase} field; a trace without that column takes it from the run's schedule
 * when there is one ({@link LinePhases}, the rule the trace writer follows), and has no phases otherwise.
 */
final class TraceParser {

    private final int buckets;
    private final String source;
    private long lineNumber;
    private String[] header;
    private int lineField = -1;
    private int[] numericIndex;
    private String[] numericNames;
    private int stepIndex;
    private int phaseField = -1;
    private final LinePhases schedulePhases;
    private static final Phase.Kind[] KINDS = Phase.Kind.values();
    private static final byte[][] KIND_LABELS = new byte[KINDS.length][];

    static {
        for (int k = 0; k < KINDS.length; k++) {
            KIND_LABELS[k] = KINDS[k].label().getBytes(StandardCharsets.US_ASCII);
        }
    }
    private final int[] fieldStart = new int[4096];
    private final int[] fieldEnd = new int[4096];
    private double[] values;
    private final Map<String, CsvLine> lines = new LinkedHashMap<>();
    private CsvLine current;

    /** A parser for {@code source}; {@code schedule} (may be null) gives the phases of a trace without a phase column. */
    TraceParser(String source, int buckets, Schedule schedule) {
        this.source = source;
        this.buckets = buckets;
        this.schedulePhases = schedule == null ? null : new LinePhases(schedule);
    }

    /** Handles the row in {@code b[from, to)} whose fields {@link #splitLine} has just found. */
    void line(byte[] b, int from, int to) {
        lineNumber++;
        int fields = fieldCount;
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (to == from) {
            return;
        }
        if (header == null) {
            readHeader(b, fields);
            return;
        }
        if (fields != header.length) {
            throw error("has " + fields + " fields; the header has " + header.length);
        }
        CsvLine state = state(b, fieldStart[lineField], fieldEnd[lineField]);
        for (int f = 0; f < fields; f++) {
            int k = numericIndex[f];
            if (k >= 0) {
                try {
                    values[k] = Decimals.parse(b, fieldStart[f], fieldEnd[f]);
                } catch (NumberFormatException e) {
                    throw error("column " + header[f] + ": " + e.getMessage());
                }
            }
        }
        double step = values[stepIndex];
        if (!(step >= 0) || step != Math.rint(step)) {
            throw error("step '" + text(b, fieldStart[numericField(stepIndex)], fieldEnd[numericField(stepIndex)]) + "' is not a whole number >= 0");
        }
        Phase.Kind phase;
        if (phaseField >= 0) {
            phase = kind(b, fieldStart[phaseField], fieldEnd[phaseField]);
        } else {
            phase = schedulePhases == null ? null : schedulePhases.kindOfRow(state.name(), (long) step);
        }
        state.add((long) step, values, phase, b, from, to);
    }

    /** The phase kind a {@code phase} field names; empty: none. */
    private Phase.Kind kind(byte[] b, int from, int to) {
        if (to == from) {
            return null;
        }
        for (int k = 0; k < KINDS.length; k++) {
            if (Arrays.equals(KIND_LABELS[k], 0, KIND_LABELS[k].length, b, from, to)) {
                return KINDS[k];
            }
        }
        throw error("column " + TraceColumns.PHASE + ": '" + text(b, from, to) + "' is not a phase; expected one of "
                + Arrays.stream(KINDS).map(Phase.Kind::label).toList() + " or nothing");
    }

    private int numericField(int k) {
        for (int f = 0; f < numericIndex.length; f++) {
            if (numericIndex[f] == k) {
                return f;
            }
        }
        throw new IllegalStateException();
    }

    private int fieldCount;

    /**
     * Splits the row starting at {@code from} into fields and returns the index of its newline; at the end
     * of the input ({@code last}) a row may end at {@code limit} without one. Returns -1 when the row is
     * not complete yet.
     */
    int splitLine(byte[] b, int from, int limit, boolean last) {
        int count = 0;
        int start = from;
        int i = from;
        while (true) {
            boolean end = i == limit;
            if (end && !last) {
                return -1;
            }
            byte c = end ? (byte) '\n' : b[i];
            if (c == ',' || c == '\n') {
                if (count == fieldStart.length) {
                    throw error("has more than " + fieldStart.length + " fields");
                }
                int s = start;
                int e = i;
                if (c == '\n' && e > s && b[e - 1] == '\r') {
                    e--;
                }
                if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
                    s++;
                    e--;
                }
                fieldStart[count] = s;
                fieldEnd[count] = e;
                count++;
                start = i + 1;
                if (c == '\n') {
                    fieldCount = count;
                    return i;
                }
            }
            i++;
        }
    }

    private void readHeader(byte[] b, int fields) {
        header = new String[fields];
        numericIndex = new int[fields];
        List<String> names = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
            header[f] = text(b, fieldStart[f], fieldEnd[f]).trim();
            if (header[f].equals(TraceColumns.LINE)) {
                lineField = f;
                numericIndex[f] = -1;
            } else if (TraceColumns.TEXT.contains(header[f])) {
                numericIndex[f] = -1; // text (the phase): the reader keeps numbers only
                if (header[f].equals(TraceColumns.PHASE)) {
                    phaseField = f;
                }
            } else {
                numericIndex[f] = names.size();
                names.add(header[f]);
            }
        }
        if (lineField < 0 || !names.contains(TraceColumns.STEP)) {
            throw error("header " + String.join(",", header) + " lacks the required columns '"
                    + TraceColumns.LINE + "' and '" + TraceColumns.STEP + "' (expected a header starting with "
                    + String.join(",", TraceColumns.REQUIRED) + ")");
        }
        numericNames = names.toArray(new String[0]);
        stepIndex = names.indexOf(TraceColumns.STEP);
        values = new double[names.size()];
    }

    private CsvLine state(byte[] b, int from, int to) {
        if (current != null && current.sameName(b, from, to)) {
            return current;
        }
        String name = text(b, from, to);
        if (name.isEmpty()) {
            throw error("has an empty line name");
        }
        current = lines.computeIfAbsent(name, n -> new CsvLine(new LineBuckets(n, numericNames, stepIndex, buckets), this));
        return current;
    }

    TraceFormatException error(String what) {
        return new TraceFormatException(source + " line " + lineNumber + " " + what);
    }

    double[] exactRow(byte[] b, int from, int to) {
        splitLine(b, from, to, true);
        int fields = fieldCount;
        double[] row = new double[numericNames.length];
        for (int f = 0; f < fields; f++) {
            int k = numericIndex[f];
            if (k >= 0) {
                try {
                    row[k] = Decimals.exact(b, fieldStart[f], fieldEnd[f]);
                } catch (NumberFormatException e) {
                    throw error("column " + header[f] + ": " + e.getMessage());
                }
            }
        }
        return row;
    }

    List<RecordedTrace> finish() {
        if (header == null) {
            throw new TraceFormatException(source + " is empty; expected a header starting with " + String.join(",", TraceColumns.REQUIRED));
        }
        List<RecordedTrace> traces = new ArrayList<>();
        for (CsvLine state : lines.values()) {
            traces.add(state.finish());
        }
        return traces;
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
