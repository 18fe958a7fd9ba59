package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a {@code trace.csv} into one downsampled {@link RecordedTrace} per line, holding at most
 * {@code buckets} buckets per line whatever the length of the file.
 *
 * <p>Buckets are ranges of steps of equal width. The width starts at one step; when a row falls past
 * the last bucket, neighbouring buckets are merged in pairs and the width doubles, so the buckets always
 * cover the steps seen so far with between {@code buckets/2} and {@code buckets} of them. Each bucket
 * keeps the count, sum, minimum and maximum of every column, which merge exactly. Columns are found by
 * name ({@link TraceColumns}); empty fields are missing values. Within a line, steps must increase.
 *
 * <p>{@link TraceParser} splits the bytes into rows and fields, {@link CsvLine} feeds each line's rows to
 * its {@link LineBuckets} (the downsampling core the {@link Downsampler} feeds from the engine), which keep
 * the buckets and exactly kept rows, and whose {@link PhaseTracker} follows the line's phases as the
 * schedule defines them: the trace's {@code phase} column, or for a trace without one the schedule passed in.
 */
public final class TraceReader {

    /** Default number of buckets per line: more points than a chart is pixels wide. */
    public static final int DEFAULT_BUCKETS = 2048;

    private final int buckets;

    /** A reader keeping at most {@code buckets} (even, at least 2) buckets per line. */
    public TraceReader(int buckets) {
        this.buckets = LineBuckets.checkCapacity(buckets);
    }

    /** A reader with {@link #DEFAULT_BUCKETS}. */
    public TraceReader() {
        this(DEFAULT_BUCKETS);
    }

    /** Reads every line of the trace file, in order of first appearance; phases from its {@code phase} column. */
    public List<RecordedTrace> read(Path csv) {
        return read(csv, null);
    }

    /**
     * Reads every line of the trace file, in order of first appearance; a trace without a {@code phase}
     * column takes its phases from {@code schedule} (the run's; null: such a trace has no phases).
     */
    public List<RecordedTrace> read(Path csv, Schedule schedule) {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in, csv.toString(), schedule);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Reads a trace from a stream; {@code source} names it in messages. */
    public List<RecordedTrace> read(InputStream in, String source) throws IOException {
        return read(in, source, null);
    }

    /** Reads a trace from a stream, with {@code schedule} as in {@link #read(Path, Schedule)}. */
    public List<RecordedTrace> read(InputStream in, String source, Schedule schedule) throws IOException {
        TraceParser parser = new TraceParser(source, buckets, schedule);
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
}
