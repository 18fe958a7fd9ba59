package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.chart.ChartFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivervalley bigram-study}: files and summary on success, exit 2 and nothing written on a bad spec. */
class BigramStudyCommandTest {

    private static final String SPEC = """
            name: tiny
            landscape:
              type: bigram
              data: {type: synthetic, vocabulary: 16, groups: [{share: 0.5, kind: deterministic}, {share: 0.5, kind: uniform, successors: 4}]}
              model: {type: tabular}
            noise: {type: minibatch, batchSize: 8}
            schedule: {peak: 8, warmup: 10, budgets: [200, 400]}
            record: {every: 10}
            """;

    @Test
    void writesRunsAndSummary(@TempDir Path dir) throws Exception {
        CliRun result = CliRun.onSpec(dir, "bigram-study", SPEC, "--threads", "1");
        assertEquals(0, result.exit(), result.err());
        for (String file : List.of("tiny-wsd/trace.csv", "tiny-wsd-s/trace.csv", "tiny-cosine/summary.json",
                "tiny-constant/spec.yaml", "decay-shares.csv", "final-groups.csv", "group-curves.csv", "study.json", "study.txt",
                "charts/excess-det.png", "charts/excess-k4.svg", "report/index.html")) {
            assertTrue(Files.isRegularFile(dir.resolve("out").resolve(file)), file);
        }
        assertTrue(result.out().contains("hill share"), result.out());
        assertTrue(result.out().contains("charts/excess-<group> (" + ChartFormats.ALL + ")"), result.out()); // the formats written, not a fixed list
        assertEquals(Files.readString(dir.resolve("out/study.txt")).strip(), result.out().substring(0, result.out().indexOf("\nwrote")).strip());
        String html = Files.readString(dir.resolve("out/report/index.html"));
        for (String run : List.of("tiny-wsd", "tiny-wsd-s", "tiny-cosine", "tiny-constant")) {
            assertTrue(html.contains(run), run);
        }
    }

    @Test
    void badSpecExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        CliRun result = CliRun.onSpec(dir, "bigram-study", SPEC.replace("successors: 4", "successors: 40"));
        result.assertRefused("error: landscape.data.groups[1].successors: 40 is not allowed");
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
