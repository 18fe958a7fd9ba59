package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void runWritesTheThreeFiles(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "run", spec.toString(), "--out", dir.resolve("out").toString(), "--threads", "2");
        assertEquals(0, code, err.toString());
        for (String file : List.of("trace.csv", "summary.json", "spec.yaml")) {
            assertTrue(Files.isRegularFile(dir.resolve("out/cli/" + file)), file);
        }
        assertTrue(out.toString().contains("main: step 40"), out.toString());
    }

    @Test
    void badSpecExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC.replace("replicas: 2", "replicas: 0"));
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "run", spec.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("error: replicas: 0 is not allowed"), err.toString());
        assertFalse(Files.exists(dir.resolve("out/cli")));
        assertEquals(Main.BAD_INPUT, run(new StringWriter(), new StringWriter(), "run", dir.resolve("spec.yaml").toString(), "--threads", "0"));
    }
}
