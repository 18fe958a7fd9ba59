package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An I/O error's message carries the system's reason, not only "cannot write FILE" (issue 17, item 10). */
class IoReasonTest {

    @Test
    void anUnwritableOutputNamesTheSystemsReason(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                name: io
                steps: 10
                landscape: {type: straight-valley, hillCurvature: 3.0}
                optimizer: {type: gd}
                schedule: {type: constant, peak: 0.1}
                """);
        Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
        CliRun run = CliRun.execute("run", spec.toString(), "--out", file.resolve("sub").toString());
        assertEquals(1, run.exit(), run.err());
        // The out directory's parent is a file: the system says so ("Not a directory" or "File exists",
        // depending on which call meets it first); either way the reason follows the path.
        assertTrue(run.err().matches("(?s)error: cannot .*" + java.util.regex.Pattern.quote(file.toString()) + ".*: (Not a directory|File exists)\\R.*"),
                run.err());
    }
}
