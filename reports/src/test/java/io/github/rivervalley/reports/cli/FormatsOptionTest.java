package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --formats} on the commands that write charts beside their data: optimize, probe, fit and phase-diagram. */
class FormatsOptionTest {

    private static final String OPTIMIZE = """
            name: opt
            steps: 120
            landscape: {type: straight-valley, hillCurvature: 4, river: {type: linear, slope: 0.02}}
            start: [0, 0.5]
            optimizer: {type: sgd}
            noise: {type: hill, sigma: 1.0}
            constraints: {peak: 0.1, warmup: 10}
            segments: 8
            iterations: 30
            """;

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void optimizeWritesOnlyTheFormatsAskedFor(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.onSpec(dir, "optimize", OPTIMIZE, "--threads", "1", "--formats", "pdf,png2x");
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("expected-loss.pdf", "expected-loss@2x.png", "schedules.pdf", "schedules@2x.png"),
                files(dir.resolve("out/opt/charts")));
    }

    @Test
    void probeWritesOnlyTheFormatsAskedFor(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.onSpec(dir, "run", CliRun.tinyRunSpec("tiny", 40) + "record: {every: 10, iterates: [10, 40]}\n");
        assertEquals(0, run.exit(), run.err());
        Path runDir = dir.resolve("out/tiny");
        CliRun probe = CliRun.execute("probe", runDir.toString(), "--from", "main@10", "--to", "main@40", "--points", "5", "--formats", "svg");
        assertEquals(0, probe.exit(), probe.err());
        assertEquals(List.of("probe-main_10-main_40.csv", "probe-main_10-main_40.svg"), files(runDir.resolve("probe")));
    }

    @Test
    void anUnknownFormatIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        CliRun.onSpec(dir, "optimize", OPTIMIZE, "--formats", "gif").assertRefused("--formats", "'gif'", "svg, png, png2x, pdf");
        assertFalse(Files.exists(dir.resolve("out")), "optimize wrote nothing");
        CliRun.onSpec(dir, "phase-diagram", "name: p\n", "--formats", "jpeg").assertRefused("--formats", "'jpeg'");
        CliRun fit = CliRun.execute("fit", dir.resolve("missing.csv").toString(), "--out", dir.resolve("fit").toString(), "--formats", "bmp");
        fit.assertRefused("--formats", "'bmp'");
        assertFalse(Files.exists(dir.resolve("fit")), "fit wrote nothing");
    }
}
