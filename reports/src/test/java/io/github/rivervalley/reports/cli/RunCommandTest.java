package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivervalley run}: files on success, exit 2 and nothing written on a bad spec. */
class RunCommandTest {

    private static final String SPEC = """
            name: cli
            steps: 40
            replicas: 2
            landscape: {type: straight-valley, hillCurvature: 3.0}
            optimizer: {type: sgd}
            noise: {type: isotropic, sigma: 0.01}
            schedule: {type: constant, peak: 0.1}
            """;

    @Test
    void runWritesTheThreeFiles(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        CliRun result = CliRun.execute("run", spec.toString(), "--out", dir.resolve("out").toString(), "--threads", "2");
        assertEquals(0, result.exit(), result.err());
        for (String file : List.of("trace.csv", "summary.json", "spec.yaml")) {
            assertTrue(Files.isRegularFile(dir.resolve("out/cli/" + file)), file);
        }
        assertTrue(result.out().contains("main: step 40"), result.out());
    }

    @Test
    void badSpecExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC.replace("replicas: 2", "replicas: 0"));
        CliRun result = CliRun.execute("run", spec.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, result.exit());
        assertTrue(result.err().startsWith("error: replicas: 0 is not allowed"), result.err());
        assertFalse(Files.exists(dir.resolve("out/cli")));
        assertEquals(Main.BAD_INPUT, CliRun.execute("run", dir.resolve("spec.yaml").toString(), "--threads", "0").exit());
    }
}
