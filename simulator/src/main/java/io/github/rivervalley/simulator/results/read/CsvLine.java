package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.schedule.Phase;
import java.nio.charset.StandardCharsets;

/**
 * One line of a {@code trace.csv} being read: feeds its rows to the line's {@link LineBuckets} and keeps the
 * raw bytes of the current and the previous row, so that the few rows kept exactly (first, last, phase
 * boundaries) are parsed exactly and only when kept.
 */
final class CsvLine implements LineBuckets.ExactRows {

    private final LineBuckets buckets;
    private final byte[] nameBytes;
    private final TraceParser parser;
    private byte[] previousRow = new byte[256];
    private int previousLength;
    private byte[] currentRow = new byte[256];
    private int currentLength;

    CsvLine(LineBuckets buckets, TraceParser parser) {
        this.buckets = buckets;
        this.nameBytes = buckets.name().getBytes(StandardCharsets.UTF_8);
        this.parser = parser;
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

    String name() {
        return buckets.name();
    }

    /** Adds the row in {@code b[from, to)} at {@code step}, its numbers (fast-parsed) in {@code values}, of {@code phase}. */
    void add(long step, double[] values, Phase.Kind phase, byte[] b, int from, int to) {
        String problem = buckets.outOfOrder(step);
        if (problem != null) {
            throw parser.error(problem);
        }
        byte[] swap = previousRow;
        previousRow = currentRow;
        previousLength = currentLength;
        currentRow = swap;
        if (currentRow.length < to - from) {
            currentRow = new byte[Math.max(to - from, 2 * currentRow.length)];
        }
        System.arraycopy(b, from, currentRow, 0, to - from);
        currentLength = to - from;
        buckets.add(step, values, phase, this);
    }

    @Override
    public double[] current() {
        return parser.exactRow(currentRow, 0, currentLength);
    }

    @Override
    public double[] previous() {
        return parser.exactRow(previousRow, 0, previousLength);
    }

    RecordedTrace finish() {
        return buckets.finish(current());
    }
}
