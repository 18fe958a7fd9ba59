package io.github.rivervalley.simulator.results.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of a trace being read: its buckets (count, sum, minimum and maximum of every column per
 * bucket of steps, merged in pairs when full), its exactly kept rows (first, last, phase boundaries) and
 * its {@link PhaseDetector}.
 */
final class LineState {
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
    private final PhaseDetector trend = new PhaseDetector();
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

    void add(long step, double[] values, byte[] b, int from, int to, TraceParser parser) {
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
            trackTrend(values[lrIndex], parser);
        }
        previousStep = step;
        rows++;
    }

    private void trackTrend(double lr, TraceParser parser) {
        // A new trend starts at the previous row: keep that row exactly (phase boundaries are read from it).
        if (trend.observe(rows == 0, previousStep, lr) && !exact.containsKey(previousStep)) {
            exact.put(previousStep, parser.exactRow(previousRow, 0, previousLength));
        }
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

    RecordedTrace finish(TraceParser parser) {
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
        return new RecordedTrace(name, rows, width, out, exact, List.of(columns), trend.phases(previousStep));
    }
}
