package io.github.rivervalley.reports.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.results.read.TraceReader;
import io.github.rivervalley.simulator.results.CsvRows;
import io.github.rivervalley.simulator.results.TraceRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands in-memory notebook results to the report charts, which read runs the way they are stored on
 * disk: the trace goes through its CSV text and the reports' {@link TraceReader} (downsampling
 * included), the summary is the run's own. A result cut with {@link Result#after} or {@link Result#until}
 * keeps only the rows in its step range, in every line.
 */
final class ReportRuns {

    private ReportRuns() {
    }

    static RecordedRun of(Result result) {
        StringBuilder csv = new StringBuilder(result.trace().layout().header()).append('\n');
        long from = result.firstStep();
        long to = result.lastStep();
        for (TraceRow row : result.trace().rows()) {
            if (row.step() >= from && row.step() <= to) {
                CsvRows.append(result.trace().layout(), row, csv);
            }
        }
        List<RecordedTrace> traces;
        try {
            traces = new TraceReader().read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), result.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordedRun(Path.of(result.name()), result.summary(), "", JsonNodeFactory.instance.objectNode(), traces);
    }

    static List<RecordedRun> of(Result... results) {
        List<RecordedRun> runs = new ArrayList<>();
        for (Result r : results) {
            runs.add(of(r));
        }
        return runs;
    }
}
