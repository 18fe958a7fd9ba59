package io.github.rivervalley.reports.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.analysis.Headlines;
import io.github.rivervalley.reports.cli.Main;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo study once and checks that it shows what it is meant to show. */
class DemoStudyIT {

    @Test
    void demoShowsTheRiverValleyStory(@TempDir Path dir) throws Exception {
        StringWriter log = new StringWriter();
        DemoStudy.Study result = DemoStudy.run(dir, 2, new PrintWriter(log));
        assertEquals(DemoStudy.SPECS.size(), result.summaries().size());
        assertTrue(Files.isRegularFile(result.report().index()));
        for (String name : DemoStudy.SPECS) {
            assertTrue(Files.isRegularFile(dir.resolve("specs").resolve(name + ".yaml")));
            assertTrue(Files.isRegularFile(dir.resolve("runs").resolve(name).resolve("summary.json")));
        }
        Map<String, RunSummary> byName = result.summaries().stream().collect(Collectors.toMap(RunSummary::name, Function.identity()));
        // At every budget WSD and WSD-S end below cosine and constant LR. The checkpoint losses are means
        // over 128 replicas; the margin required is 3 combined standard errors.
        for (String better : List.of("wsd", "wsd-s")) {
            for (String worse : List.of("cosine", "constant")) {
                List<RunSummary.CheckpointResult> a = byName.get(better).checkpoints();
                List<RunSummary.CheckpointResult> b = byName.get(worse).checkpoints();
                assertEquals(3, a.size());
                for (int k = 0; k < a.size(); k++) {
                    double se = Math.hypot(a.get(k).lossSe(), b.get(k).lossSe());
                    assertTrue(a.get(k).loss() + 3 * se < b.get(k).loss(),
                            better + " vs " + worse + " at budget " + a.get(k).budget() + ": " + a.get(k).loss() + " vs " + b.get(k).loss());
                }
            }
        }
        // Every WSD decay's loss drop comes mostly from the hill excess: the decay reveals river progress.
        RecordedRun wsd = Runs.read(dir.resolve("runs/wsd"), new TraceReader());
        List<Headlines.DecaySplit> splits = Headlines.decaySplits(wsd);
        assertEquals(3, splits.size(), splits.toString());
        for (Headlines.DecaySplit s : splits) {
            assertTrue(s.hillShare() > 0.5, s.toString());
        }
        // The table lists every schedule; the command prints it and the report path.
        String table = DemoStudy.table(result.summaries());
        for (String name : DemoStudy.SPECS) {
            assertTrue(table.contains(name), table);
        }
    }

    @Test
    void demoCommandRejectsABadThreadCount(@TempDir Path dir) {
        assertEquals(Main.BAD_INPUT, Main.run("demo", "--out", dir.toString(), "--threads", "0"));
    }
}
