package io.github.rivervalley.reports.trace;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.trace.TraceColumns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams a {@code trace.csv} into one downsampled {@link Trace} per line, holding at most
 * {@code buckets} buckets per line whatever the length of the file.
 *
 * <p>Buckets are ranges of steps of equal width. The width starts at one step; when a row falls past
 * the last bucket, neighbouring buckets are merged in pairs and the width doubles, so the buckets always
 * cover the steps seen so far with between {@code buckets/2} and {@code buckets} of them. Each bucket
 * keeps the count, sum, minimum and maximum of every column, which merge exactly. Columns are found by
 * name ({@link TraceColumns}); empty fields are missing values. Within a line, steps must increase.
 */
public final class TraceReader {

    /** Default number of buckets per line: more points than a chart is pixels wide. */
    public static final int DEFAULT_BUCKETS = 2048;

    /** Relative change in the learning rate below which two rows count as the same rate. */
    private static final double SAME_RATE = 1e-9;

    /** A line with more learning-rate trend changes than this is not split into phases. */
    private static final int MAX_SEGMENTS = 100_000;

    private final int buckets;

    /** A reader keeping at most {@code buckets} (even, at least 2) buckets per line. */
    public TraceReader(int buckets) {
        Check.positive("buckets", buckets);
        if (buckets < 2 || buckets % 2 != 0) {
            throw new io.github.rivervalley.landscapes.check.InvalidValueException("buckets", buckets, "an even number >= 2");
        }
        this.buckets = buckets;
    }

    /** A reader with {@link #DEFAULT_BUCKETS}. */
    public TraceReader() {
        this(DEFAULT_BUCKETS);
    }

    /** Reads every line of the trace file, in order of first appearance. */
    public List<Trace> read(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Reads a trace from a stream; {@code source} names it in messages. */
    public List<Trace> read(InputStream in, String source) throws IOException {
        Parser parser = new Parser(source);
        byte[] buffer = new byte[1 << 20];
        int filled = 0;
        while (true) {
            int n = in.read(buffer, filled, buffer.length - filled);
            boolean eof = n < 0;
            if (!eof) {
                filled += n;
            }
            // One pass over the bytes: each row is split into fields while looking for its end.
            int start = 0;
            while (start < filled) {
                int end = parser.splitLine(buffer, start, filled, eof);
                if (end < 0) {
                    break;
                }
                parser.line(buffer, start, end);
                start = end + 1;
            }
            if (eof) {
                break;
            }
            System.arraycopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        return parser.finish();
    }

    /** Turns lines of bytes into per-line accumulators. */
    private final class Parser {
        private final String source;
        private long lineNumber;
        private String[] header;
        private int lineField = -1;
        private int[] numericIndex;
        private String[] numericNames;
        private int stepIndex;
        private int lrIndex = -1;
        private final int[] fieldStart = new int[4096];
        private final int[] fieldEnd = new int[4096];
        private double[] values;
        private final Map<String, LineState> lines = new LinkedHashMap<>();
        private LineState current;

        Parser(String source) {
            this.source = source;
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
            LineState state = state(b, fieldStart[lineField], fieldEnd[lineField]);
            for (int f = 0; f < fields; f++) {
                int k = numericIndex[f];
                if (k >= 0) {
                    values[k] = Decimals.parse(b, fieldStart[f], fieldEnd[f]);
                }
            }
            double step = values[stepIndex];
            if (!(step >= 0) || step != Math.rint(step)) {
                throw error("step '" + text(b, fieldStart[numericField(stepIndex)], fieldEnd[numericField(stepIndex)]) + "' is not a whole number >= 0");
            }
            state.add((long) step, values, b, from, to, this);
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
            lrIndex = names.indexOf(TraceColumns.LR);
            values = new double[names.size()];
        }

        private LineState state(byte[] b, int from, int to) {
            if (current != null && current.sameName(b, from, to)) {
                return current;
            }
            String name = text(b, from, to);
            if (name.isEmpty()) {
                throw error("has an empty line name");
            }
            current = lines.computeIfAbsent(name, n -> new LineState(n, numericNames, stepIndex, lrIndex, buckets));
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

        List<Trace> finish() {
            if (header == null) {
                throw new TraceFormatException(source + " is empty; expected a header starting with " + String.join(",", TraceColumns.REQUIRED));
            }
            List<Trace> traces = new ArrayList<>();
            for (LineState state : lines.values()) {
                traces.add(state.finish(this));
            }
            return traces;
        }
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private enum Trend { UP, FLAT, DOWN }

    /** Segment of constant learning-rate trend: starts at a recorded step and spans some row intervals. */
    private static final class Segment {
        final long start;
        final Trend trend;
        long intervals;

        Segment(long start, Trend trend) {
            this.start = start;
            this.trend = trend;
        }
    }

    /** The bucket accumulator and phase detector of one line. */
    private static final class LineState {
        private final String name;
        private final byte[] nameBytes;
        private final String[] columns;
        private final int n;
        private final int stepIndex;
        private final int lrIndex;
        private final int capacity;
        private final double[] sum;
        private final double[] min;
        private final double[] max;
        private final int[] count;
        private long width = 1;
        private long first = -1;
        private long previousStep = -1;
        private long rows;
        private double previousLr = Double.NaN;
        private final List<Segment> segments = new ArrayList<>();
        private boolean tooManySegments;
        private final TreeMap<Long, double[]> exact = new TreeMap<>();
        private byte[] previousRow = new byte[256];
        private int previousLength;
        private byte[] currentRow = new byte[256];
        private int currentLength;

        LineState(String name, String[] columns, int stepIndex, int lrIndex, int capacity) {
            this.name = name;
            this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
            this.columns = columns;
            this.n = columns.length;
            this.stepIndex = stepIndex;
            this.lrIndex = lrIndex;
            this.capacity = capacity;
            this.sum = new double[capacity * n];
            this.min = new double[capacity * n];
            this.max = new double[capacity * n];
            this.count = new int[capacity * n];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        boolean sameName(byte[] b, int from, int to) {
            // A plain loop: names are short, and Arrays.equals' range check and call dominated profiles.
            if (to - from != nameBytes.length) {
                return false;
            }
            for (int i = 0; i < nameBytes.length; i++) {
                if (nameBytes[i] != b[from + i]) {
                    return false;
                }
            }
            return true;
        }

        void add(long step, double[] values, byte[] b, int from, int to, Parser parser) {
            if (rows > 0 && step <= previousStep) {
                throw parser.error("has step " + step + " on line '" + name + "' after step " + previousStep
                        + "; steps must increase within a line");
            }
            // Keep the raw bytes of this row and the previous one: phase boundaries and the last row are parsed exactly.
            byte[] swap = previousRow;
            previousRow = currentRow;
            previousLength = currentLength;
            currentRow = swap;
            if (currentRow.length < to - from) {
                currentRow = new byte[Math.max(to - from, 2 * currentRow.length)];
            }
            System.arraycopy(b, from, currentRow, 0, to - from);
            currentLength = to - from;

            if (rows == 0) {
                first = step;
                exact.put(step, parser.exactRow(currentRow, 0, currentLength));
            }
            long index = (step - first) / width;
            while (index >= capacity) {
                halve();
                index = (step - first) / width;
            }
            int base = (int) index * n;
            for (int c = 0; c < n; c++) {
                double v = values[c];
                if (!Double.isNaN(v)) {
                    int k = base + c;
                    sum[k] += v;
                    count[k]++;
                    if (v < min[k]) {
                        min[k] = v;
                    }
                    if (v > max[k]) {
                        max[k] = v;
                    }
                }
            }
            if (lrIndex >= 0) {
                trackTrend(step, values[lrIndex], parser);
            }
            previousStep = step;
            rows++;
        }

        private void trackTrend(long step, double lr, Parser parser) {
            if (rows == 0 || tooManySegments) {
                previousLr = lr;
                return;
            }
            Trend trend;
            double scale = Math.max(Math.abs(lr), Math.abs(previousLr));
            if (Math.abs(lr - previousLr) <= SAME_RATE * scale) {
                trend = Trend.FLAT;
            } else {
                trend = lr > previousLr ? Trend.UP : Trend.DOWN;
            }
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last == null || last.trend != trend) {
                if (segments.size() >= MAX_SEGMENTS) {
                    tooManySegments = true;
                    segments.clear();
                    return;
                }
                last = new Segment(previousStep, trend);
                segments.add(last);
                if (!exact.containsKey(previousStep)) {
                    exact.put(previousStep, parser.exactRow(previousRow, 0, previousLength));
                }
            }
            last.intervals++;
            previousLr = lr;
        }

        /** Merges buckets in pairs and doubles the width. */
        private void halve() {
            int half = capacity / 2;
            for (int j = 0; j < half; j++) {
                int to = j * n;
                int a = 2 * j * n;
                int b = a + n;
                for (int c = 0; c < n; c++) {
                    sum[to + c] = sum[a + c] + sum[b + c];
                    count[to + c] = count[a + c] + count[b + c];
                    min[to + c] = Math.min(min[a + c], min[b + c]);
                    max[to + c] = Math.max(max[a + c], max[b + c]);
                }
            }
            Arrays.fill(sum, half * n, capacity * n, 0.0);
            Arrays.fill(count, half * n, capacity * n, 0);
            Arrays.fill(min, half * n, capacity * n, Double.POSITIVE_INFINITY);
            Arrays.fill(max, half * n, capacity * n, Double.NEGATIVE_INFINITY);
            width *= 2;
        }

        Trace finish(Parser parser) {
            exact.put(previousStep, parser.exactRow(currentRow, 0, currentLength));
            int used = 0;
            for (int bucket = 0; bucket < capacity; bucket++) {
                if (count[bucket * n + stepIndex] > 0) {
                    used++;
                }
            }
            Map<String, Column> out = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                double[] mean = new double[used];
                double[] lo = new double[used];
                double[] hi = new double[used];
                int i = 0;
                for (int bucket = 0; bucket < capacity; bucket++) {
                    int k = bucket * n;
                    if (count[k + stepIndex] == 0) {
                        continue;
                    }
                    int m = count[k + c];
                    mean[i] = m == 0 ? Double.NaN : sum[k + c] / m;
                    lo[i] = m == 0 ? Double.NaN : min[k + c];
                    hi[i] = m == 0 ? Double.NaN : max[k + c];
                    i++;
                }
                out.put(columns[c], new Column(columns[c], mean, lo, hi));
            }
            return new Trace(name, rows, width, out, exact, List.of(columns), phases());
        }

        /** Turns learning-rate trend segments into phases (see {@link Trace}). */
        private List<Phase> phases() {
            if (tooManySegments || segments.isEmpty()) {
                return List.of();
            }
            // A rise or plateau spanning a single recorded interval is a jump (or the repeated rate of
            // row 0), not a phase: it joins the segment that follows it.
            List<Segment> kept = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                boolean jump = s.intervals == 1 && s.trend != Trend.DOWN && i + 1 < segments.size();
                if (jump) {
                    Segment next = segments.get(i + 1);
                    Segment merged = new Segment(s.start, next.trend);
                    merged.intervals = next.intervals + 1;
                    segments.set(i + 1, merged);
                    continue;
                }
                kept.add(s);
            }
            List<Phase> phases = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                Segment s = kept.get(i);
                long end = i + 1 < kept.size() ? kept.get(i + 1).start : previousStep;
                if (end <= s.start) {
                    continue;
                }
                Phase.Kind kind;
                if (s.trend == Trend.FLAT) {
                    kind = Phase.Kind.STABLE;
                } else if (s.trend == Trend.DOWN) {
                    kind = Phase.Kind.DECAY;
                } else {
                    kind = phases.isEmpty() ? Phase.Kind.WARMUP : Phase.Kind.REWARMUP;
                }
                Phase last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
                if (last != null && last.kind() == kind) {
                    phases.set(phases.size() - 1, new Phase(kind, last.start(), end));
                } else {
                    phases.add(new Phase(kind, s.start, end));
                }
            }
            return phases;
        }
    }
}
