package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivervalley optimize}: the files and charts on success; exit 2 and nothing written on a bad spec. */
class OptimizeCommandTest {

    private static final String SPEC = """
            name: opt
            steps: 300
            landscape: {type: straight-valley, hillCurvature: [6, 1], river: {type: linear, slope: 0.02}}
            start: [0, 0.5, 0.5]
            optimizer: {type: sgd}
            noise: {type: hill, sigma: 2.0}
            constraints: {peak: 0.1, warmup: 10}
            segments: 20
            iterations: 200
            """;

    @Test
    void writesTheOptimumTheComparisonAndTheCharts(@TempDir Path dir) throws Exception {
        CliRun result = CliRun.onSpec(dir, "optimize", SPEC, "--threads", "1");
        assertEquals(0, result.exit(), result.err());
        for (String file : List.of("optimal.yaml", "wsd.yaml", "cosine.yaml", "constant.yaml", "comparison.csv", "schedules.csv",
                "optimize.json", "charts/schedules.png", "charts/schedules.svg", "charts/expected-loss.png", "charts/expected-loss.svg")) {
            assertTrue(Files.isRegularFile(dir.resolve("out/opt/" + file)), file);
        }
        assertTrue(result.out().contains("optimal   expected final loss"), result.out());
        CliRun run = CliRun.execute("run", dir.resolve("out/opt/optimal.yaml").toString(), "--out", dir.resolve("runs").toString());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void badSpecExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        CliRun result = CliRun.onSpec(dir, "optimize", SPEC.replace("{type: sgd}", "{type: adam}"));
        result.assertRefused("error: optimizer:", "Adam");
        CliRun missing = CliRun.onSpec(dir, "optimize", SPEC.replace("constraints: {peak: 0.1, warmup: 10}", "constraints: {warmup: 10}"));
        missing.assertRefused("constraints.peak");
        assertFalse(Files.exists(dir.resolve("out/opt")));
    }
}
