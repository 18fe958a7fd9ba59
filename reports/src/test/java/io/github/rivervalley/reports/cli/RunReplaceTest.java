package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} over a finished run of the same name (issue 17, item 5): the run directory ends either as it
 * was or exactly as a fresh run of the new spec writes it, never the new trace beside the old summary.
 */
class RunReplaceTest {

    @TempDir
    Path tmp;

    @Test
    void aRerunThatCannotWriteItsSpecDoesNotMixWithTheOldRun() throws IOException {
        Path first = Files.writeString(tmp.resolve("first.yaml"), CliRun.tinyRunSpec("again", 60));
        Path second = Files.writeString(tmp.resolve("second.yaml"), CliRun.tinyRunSpec("again", 80));
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, CliRun.execute("run", second.toString(), "--out", fresh.toString()).exit());

        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.execute("run", first.toString(), "--out", out.toString()).exit());
        Map<String, String> before = SweepCommandTest.contents(out);
        // A directory where the spec's temporary file goes: writing spec.yaml into the run directory
        // itself fails after trace.csv was written (as a full disk or a kill at that moment would).
        Files.createDirectories(out.resolve("again/.spec.yaml.tmp"));
        CliRun rerun = CliRun.execute("run", second.toString(), "--out", out.toString());
        Map<String, String> after = SweepCommandTest.contents(out);
        if (rerun.exit() == 0) {
            assertEquals(SweepCommandTest.contents(fresh), after, "replaced as a whole by the new run");
        } else {
            assertEquals(before, after, "left as it was");
        }
        assertNotEquals(before, SweepCommandTest.contents(fresh), "the two specs give different files, so a mixture shows");
    }
}
