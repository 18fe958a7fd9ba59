package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivervalley probe}: CSV and chart for stored iterates; exit 2 naming the option for a point not stored. */
class ProbeCommandTest {

    private static final String SPEC = """
            name: seg
            seed: 1
            steps: 400
            replicas: 8
            landscape: {type: straight-valley, hillCurvature: [10, 4], river: {type: softplus, slope: 1}}
            start: [0, 0.5, 0.5]
            optimizer: {type: sgd}
            noise: {type: hill, sigma: 1.0}
            schedule: {type: wsd, peak: 0.1, decayFraction: 0.25, budgets: [400]}
            record: {every: 50, iterates: [100, 300, 400]}
            """;

    @Test
    void writesTheSegmentAndRejectsPointsNotStored(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("seg.yaml");
        Files.writeString(spec, SPEC);
        CliRun run = CliRun.execute("run", spec.toString(), "--out", dir.toString(), "--threads", "1");
        assertEquals(0, run.exit(), run.err());
        Path runDir = dir.resolve("seg");
        CliRun probe = CliRun.execute("probe", runDir.toString(), "--from", "main@100", "--to", "branch-400@400", "--points", "11");
        assertEquals(0, probe.exit(), probe.err());
        for (String ext : List.of(".csv", ".png", ".svg")) {
            assertTrue(Files.isRegularFile(runDir.resolve("probe/probe-main_100-branch-400_400" + ext)), ext);
        }
        List<String> csv = Files.readAllLines(runDir.resolve("probe/probe-main_100-branch-400_400.csv"));
        assertEquals("alpha,loss,river_loss,hill_excess,river_coord,hill_dist", csv.get(0));
        assertEquals(12, csv.size());

        // --formats: only the chart files asked for, and the message names them rather than a fixed list.
        Path pdfOnly = dir.resolve("pdf-only");
        CliRun formats = CliRun.execute("probe", runDir.toString(), "--from", "main@100", "--to", "main@300",
                "--formats", "pdf", "--out", pdfOnly.toString());
        assertEquals(0, formats.exit(), formats.err());
        try (var files = Files.list(pdfOnly)) {
            assertEquals(List.of("probe-main_100-main_300.csv", "probe-main_100-main_300.pdf"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(formats.out().contains("and its chart (pdf)"), formats.out());

        CliRun missing = CliRun.execute("probe", runDir.toString(), "--from", "main@200", "--to", "main@300");
        missing.assertRefused("error: --from: main@200 is not allowed");
        CliRun malformed = CliRun.execute("probe", runDir.toString(), "--from", "main", "--to", "main@300");
        assertEquals(Main.BAD_INPUT, malformed.exit());
        assertFalse(Files.exists(runDir.resolve("probe/probe-main-main_300.csv")));
    }
}
