package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.simulator.results.read.Downsampler;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.TraceReader;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands in-memory notebook results to the report charts, which draw runs as they are read back from
 * disk: the trace goes through the {@link Downsampler} (the reader's downsampling, without writing it as
 * CSV), the summary is the run's own. A result cut with {@link Result#after} or {@link Result#until}
 * keeps only the rows in its step range, in every line.
 */
final class ReportRuns {

    private ReportRuns() {
    }

    static RecordedRun of(Result result) {
        Schedule schedule = result.run().schedule();
        return new RecordedRun(Path.of(result.name()), result.summary(), "", Optional.empty(), Optional.of(schedule),
                Downsampler.of(result.trace(), result.firstStep(), result.lastStep(), TraceReader.DEFAULT_BUCKETS, schedule));
    }

    static List<RecordedRun> of(Result... results) {
        List<RecordedRun> runs = new ArrayList<>();
        for (Result r : results) {
            runs.add(of(r));
        }
        return runs;
    }
}
