package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rivervalley.simulator.sweep.SweepResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep and merge commands with the real engine, on small runs. */
class SweepCommandTest {

    /** Three budgets 1:2:4 with 10% decays; four families; two seeds; tiny runs. */
    static final String BUDGET_STUDY = """
            name: small-study
            base:
              steps: 400
              replicas: 4
              landscape: {type: straight-valley, dimension: 2, hillCurvature: 10, river: {type: linear, slope: 0.1}}
              optimizer: {type: sgd}
              noise: {type: isotropic, sigma: 0.5}
              schedule: {type: wsd, peak: 0.1, warmup: 10, floor: 0.1, decayFraction: 0.1, budgets: [100, 200, 400]}
              record: {every: 50}
            grid:
              schedule.type: [wsd, wsd-s, cosine, cyclic-cosine]
            seeds: 2
            """;

    @TempDir
    Path tmp;

    @Test
    void helpListsEveryExitCodeWithItsWholeText() {
        CliRun help = CliRun.execute("sweep", "--help");
        assertEquals(0, help.exit(), help.err());
        // The last words of each code's text: a text that picocli split into a key and a value, or dropped, lacks them.
        for (String end : List.of("DIR/<run>/error.txt", "could not continue", "(nothing was run)", "nothing was changed")) {
            assertTrue(help.out().replaceAll("\\s+", " ").contains(end), end + " missing from:\n" + help.out());
        }
    }

    @Test
    void listPrintsTheExpansionOfAShardAndWritesNothing() throws IOException {
        Path spec = write("study.yaml", BUDGET_STUDY);
        Path out = tmp.resolve("out");
        CliRun all = CliRun.execute("sweep", spec.toString(), "--out", out.toString(), "--list");
        assertEquals(0, all.exit(), all.err());
        List<String> lines = all.out().lines().toList();
        assertEquals(8, lines.size());
        assertEquals("0 type-wsd_seed-0", lines.get(0));
        assertEquals("7 type-cyclic-cosine_seed-1", lines.get(7));
        CliRun shard = CliRun.execute("sweep", spec.toString(), "--out", out.toString(), "--list", "--shard", "1/3");
        assertEquals(List.of("1 type-wsd_seed-1", "4 type-cosine_seed-0", "7 type-cyclic-cosine_seed-1"), shard.out().lines().toList());
        assertFalse(Files.exists(out));
    }

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void budgetStudyGivesEachFamilysLossAndComputePerCheckpoint() throws IOException {
        Path spec = write("study.yaml", BUDGET_STUDY);
        Path out = tmp.resolve("out");
        CliRun result = CliRun.execute("sweep", spec.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, result.exit(), result.err());
        SweepResult table = SweepResult.read(out.resolve("sweep.csv"));
        assertEquals(List.of("schedule.type"), table.axes());
        assertEquals(4 * 2 * 3, table.rows().size(), "families x seeds x budgets");
        ObjectMapper json = new ObjectMapper();
        long[] budgets = {100, 200, 400};
        double p = 0.1;
        for (SweepResult.Row row : table.rows()) {
            assertEquals("done", row.status());
            // The table repeats the run's own summary.json.
            JsonNode summary = json.readTree(out.resolve(row.run()).resolve("summary.json").toFile());
            JsonNode checkpoint = null;
            for (JsonNode c : summary.get("checkpoints")) {
                if (c.get("budget").asLong() == row.budget()) {
                    checkpoint = c;
                }
            }
            assertEquals(checkpoint.get("loss").asDouble(), row.value("loss"), 0.0, "copied exactly");
            assertEquals(checkpoint.get("hill_excess").asDouble(), row.value("hill_excess"), 0.0);
            assertEquals(summary.get("seed").asLong(), row.seed());
            // Compute per checkpoint k (docs/science.md section 5): cosine trains one run per budget, so it has
            // spent sum_{j<=k} B_j; WSD and WSD-S have spent (1-p) B_k + sum_{j<=k} p B_j.
            int k = 0;
            while (budgets[k] != row.budget()) {
                k++;
            }
            long sum = 0;
            for (int j = 0; j <= k; j++) {
                sum += budgets[j];
            }
            String family = row.axis("schedule.type");
            if (family.equals("cosine")) {
                assertEquals(sum, row.compute(), family);
            } else if (family.equals("wsd") || family.equals("wsd-s")) {
                assertEquals(Math.round((1 - p) * budgets[k] + p * sum), row.compute(), family + " at " + budgets[k]);
            }
        }
    }

    @Test
    void reportOfASweepDrawsTheSweepCharts() throws IOException {
        Path spec = write("study.yaml", BUDGET_STUDY);
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", out.toString(), "--quiet").exit());
        CliRun report = CliRun.execute("report", out.toString());
        assertEquals(0, report.exit(), report.err());
        Path index = out.resolve("report/index.html");
        String html = Files.readString(index, StandardCharsets.UTF_8);
        assertTrue(html.contains("charts/sweep-frontier.png"), "budget frontier of the sweep");
        assertTrue(Files.isRegularFile(out.resolve("report/charts/sweep-frontier.png")));
        assertTrue(Files.isRegularFile(out.resolve("report/charts/sweep-frontier.svg")));
    }

    @Test
    void resultsAreByteIdenticalWhateverTheThreadCount() throws IOException {
        Path spec = write("study.yaml", BUDGET_STUDY);
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", tmp.resolve("one").toString(), "--threads", "1", "--quiet").exit());
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", tmp.resolve("three").toString(), "--threads", "3", "--quiet").exit());
        assertEquals(contents(tmp.resolve("one")), contents(tmp.resolve("three")));
    }

    @Test
    void invalidSweepFailsBeforeAnythingIsWritten() throws IOException {
        Path spec = write("bad.yaml", BUDGET_STUDY.replace("schedule.type:", "schedule.tpye:"));
        Path out = tmp.resolve("out");
        CliRun result = CliRun.execute("sweep", spec.toString(), "--out", out.toString(), "--quiet");
        result.assertRefused("grid.schedule.tpye");
        assertTrue(result.err().contains("did you mean 'type'"), result.err());
        assertFalse(Files.exists(out));

        Path badValue = write("bad-value.yaml", BUDGET_STUDY.replace("schedule.type: [wsd, wsd-s, cosine, cyclic-cosine]", "schedule.peak: [0.1, -1]"));
        CliRun value = CliRun.execute("sweep", badValue.toString(), "--out", out.toString(), "--quiet");
        value.assertRefused("run 'peak--1_seed-0'");
        assertTrue(value.err().contains("schedule.peak"), value.err());
        assertFalse(Files.exists(out));

        CliRun shard = CliRun.execute("sweep", spec.toString(), "--out", out.toString(), "--shard", "2/2");
        shard.assertRefused("--shard");
    }

    @Test
    void shardsThenMergeEqualOneSweepAndMergeReportsMissingRuns() throws IOException {
        Path spec = write("study.yaml", BUDGET_STUDY);
        Path whole = tmp.resolve("whole");
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", whole.toString(), "--quiet").exit());
        Path shared = tmp.resolve("shared");
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", shared.toString(), "--shard", "1/3", "--quiet").exit());
        CliRun partial = CliRun.execute("merge", shared.toString());
        assertEquals(MergeCommand.INCOMPLETE, partial.exit());
        assertTrue(partial.err().contains("5 missing"), partial.err());
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", shared.toString(), "--shard", "0/3", "--quiet").exit());
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", shared.toString(), "--shard", "2/3", "--quiet").exit());
        CliRun merged = CliRun.execute("merge", shared.toString());
        assertEquals(0, merged.exit(), merged.err());
        assertEquals(contents(whole), contents(shared));
        assertEquals(Main.BAD_INPUT, CliRun.execute("merge", tmp.toString()).exit());
    }

    /** Every file under {@code dir} except timing files, with the wall_seconds column removed. */
    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(file).toString();
                // Lock files (.sweep*.lock) hold the process that last locked the directory.
                if (file.getFileName().toString().startsWith("timing.json") || name.endsWith(".lock")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (name.equals("sweep.csv")) {
                    List<String> lines = new ArrayList<>();
                    for (String line : text.split("\n", -1)) {
                        lines.add(line.contains(",") ? line.substring(0, line.lastIndexOf(',')) : line);
                    }
                    text = String.join("\n", lines);
                }
                files.put(name, text);
            }
        }
        return files;
    }
}
