package io.github.rivervalley.simulator.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks that a run directory holds a complete run before it is trusted (resumed over, merged, reported):
 * {@code summary.json} is a run summary (name, lines with their end steps, checkpoints), {@code spec.yaml}
 * is there, and {@code trace.csv} has a header with the required columns and ends with a whole row, the
 * last step of its line as the summary records it. Only the first and last rows are read, so the check is
 * cheap for traces of any length; a reader of the whole trace checks the rest.
 */
public final class RunFiles {

    /** Bytes read at either end of the trace: a header or a row is far shorter. */
    private static final int EDGE = 1 << 16;

    private RunFiles() {
    }

    /**
     * Why {@code runDir} is not a complete run, naming the file; null when it is.
     *
     * @param requiredColumns columns the trace's header must have besides {@code line} and {@code step}
     */
    public static String problem(Path runDir, List<String> requiredColumns) {
        RunSummary summary;
        try {
            summary = SummaryFile.readRun(runDir);
        } catch (SummaryFile.InvalidSummaryException e) {
            return e.getMessage();
        } catch (UncheckedIOException e) {
            return "cannot read " + runDir + ": " + e.getCause().getMessage();
        }
        if (!Files.isRegularFile(runDir.resolve(RunDirectory.SPEC))) {
            return runDir.resolve(RunDirectory.SPEC) + " is missing";
        }
        try {
            return traceProblem(runDir.resolve(RunDirectory.TRACE), summary, requiredColumns);
        } catch (IOException e) {
            return "cannot read " + runDir + ": " + e.getMessage();
        }
    }

    private static String traceProblem(Path trace, RunSummary summary, List<String> requiredColumns) throws IOException {
        if (!Files.isRegularFile(trace)) {
            return trace + " is missing";
        }
        try (FileChannel channel = FileChannel.open(trace)) {
            long size = channel.size();
            String head = read(channel, 0, (int) Math.min(size, EDGE));
            int newline = head.indexOf('\n');
            if (newline < 0) {
                return trace + " has no complete header line";
            }
            List<String> header = Arrays.asList(head.substring(0, newline).split(",", -1));
            for (String column : required(requiredColumns)) {
                if (!header.contains(column)) {
                    return trace + " line 1: the header lacks the column '" + column + "'";
                }
            }
            String tail = read(channel, Math.max(0, size - EDGE), (int) Math.min(size, EDGE));
            if (!tail.endsWith("\n")) {
                return trace + " is truncated: its last row does not end with a newline";
            }
            if (size == newline + 1) {
                return trace + " has a header but no rows";
            }
            String last = tail.substring(tail.lastIndexOf('\n', tail.length() - 2) + 1, tail.length() - 1);
            String[] fields = last.split(",", -1);
            if (fields.length != header.size()) {
                return trace + ": its last row has " + fields.length + " fields; the header has " + header.size();
            }
            String line = fields[header.indexOf(TraceColumns.LINE)];
            String step = fields[header.indexOf(TraceColumns.STEP)];
            for (RunSummary.LineResult l : summary.lines()) {
                if (l.name().equals(line)) {
                    return step.equals(Long.toString(l.endStep())) ? null
                            : trace + " is truncated: it ends at step " + step + " of line '" + line + "', which "
                            + RunDirectory.SUMMARY + " says ran to step " + l.endStep();
                }
            }
            return trace + ": its last row is of line '" + line + "', which " + RunDirectory.SUMMARY + " does not list";
        }
    }

    private static List<String> required(List<String> columns) {
        List<String> all = new java.util.ArrayList<>(List.of(TraceColumns.LINE, TraceColumns.STEP));
        columns.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    private static String read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // read until full or end of file
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
}
