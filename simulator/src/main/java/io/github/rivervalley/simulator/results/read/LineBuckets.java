package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.Phase;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of a trace being downsampled: its buckets (count, sum, minimum and maximum of every column per
 * bucket of steps, merged in pairs when full), its exactly kept rows (first, last, phase boundaries) and
 * its {@link PhaseTracker}. Fed row by row by the {@link Downsampler}, whether the rows come from the
 * engine or from a {@code trace.csv}; the feeder supplies the exact rows on demand ({@link ExactRows}), so
 * the CSV reader parses exactly only the few rows that are kept.
 */
final class LineBuckets {

    /** The exact values of the row just added and of the one before it, asked for only when one is kept. */
    interface ExactRows {
        double[] current();

        double[] previous();
    }

    private final String name;
    private final String[] columns;
    private final int n;
    private final int stepIndex;
    private final int capacity;
    private final double[] sum;
    private final double[] min;
    private final double[] max;
    private final int[] count;
    private long width = 1;
    private long first = -1;
    private long previousStep = -1;
    private long rows;
    private final PhaseTracker phases = new PhaseTracker();
    private final TreeMap<Long, double[]> exact = new TreeMap<>();

    LineBuckets(String name, String[] columns, int stepIndex, int capacity) {
        this.name = name;
        this.columns = columns;
        this.n = columns.length;
        this.stepIndex = stepIndex;
        this.capacity = capacity;
        this.sum = new double[capacity * n];
        this.min = new double[capacity * n];
        this.max = new double[capacity * n];
        this.count = new int[capacity * n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** {@code buckets} when it is a valid number of buckets per line (even, at least 2); throws otherwise. */
    static int checkCapacity(int buckets) {
        Check.positive("buckets", buckets);
        if (buckets < 2 || buckets % 2 != 0) {
            throw new InvalidValueException("buckets", buckets, "an even number >= 2");
        }
        return buckets;
    }

    String name() {
        return name;
    }

    /** Why a row at {@code step} cannot follow the rows added so far, or null when it can. */
    String outOfOrder(long step) {
        return rows > 0 && step <= previousStep ? "has step " + step + " on line '" + name + "' after step " + previousStep
                + "; steps must increase within a line" : null;
    }

    /**
     * Adds the row at {@code step} whose values, in column order, are {@code values} (as the bucket
     * statistics see them) and whose phase (as the schedule defines it; null: none) is {@code phase};
     * {@code exactRows} gives the exact values when a row is kept.
     */
    void add(long step, double[] values, Phase.Kind phase, ExactRows exactRows) {
        if (rows == 0) {
            first = step;
            exact.put(step, exactRows.current());
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
        // A new phase starts at the previous row: keep that row exactly (phase boundaries are read from it).
        if (phases.observe(rows == 0, step, previousStep, phase) && !exact.containsKey(previousStep)) {
            exact.put(previousStep, exactRows.previous());
        }
        previousStep = step;
        rows++;
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

    /** The line's trace; {@code last} holds the exact values of the last row added. */
    RecordedTrace finish(double[] last) {
        exact.put(previousStep, last);
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
        return new RecordedTrace(name, rows, width, out, exact, List.of(columns), phases.phases(previousStep));
    }
}
