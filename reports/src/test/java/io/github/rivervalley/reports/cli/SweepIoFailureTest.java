package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.simulator.sweep.EngineExecutor;
import io.github.rivervalley.simulator.sweep.RunExecutor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A sweep whose runs hit I/O errors (issue 17, item 2): the command exits non-zero, records no failure,
 * and the next plain invocation redoes the runs, ending with what an undisturbed sweep writes.
 */
class SweepIoFailureTest {

    /** The real engine, except that writing fails half-way as on a full disk. */
    private static final class FullDisk implements RunExecutor {
        private final EngineExecutor engine = new EngineExecutor();

        @Override
        public Prepared prepare(JsonNode runSpec) {
            JsonNode resolved = engine.prepare(runSpec).resolved();
            return new Prepared(resolved, outDir -> {
                Path trace = outDir.resolve(resolved.get("name").asText()).resolve("trace.csv");
                try {
                    Files.createDirectories(trace.getParent());
                    Files.writeString(trace.resolveSibling(".trace.csv.tmp"), "line,step,lr\nmain,0,");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                throw new UncheckedIOException("cannot write " + trace, new FileSystemException(trace.toString(), null, "No space left on device"));
            });
        }
    }

    @TempDir
    Path tmp;

    @Test
    void ioFailuresExitNonZeroAndAreRedoneByAPlainResume() throws IOException {
        Path spec = Files.writeString(tmp.resolve("study.yaml"), SweepCommandTest.BUDGET_STUDY);
        Path reference = tmp.resolve("reference");
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", reference.toString(), "--quiet").exit());

        Path dir = tmp.resolve("full");
        StringWriter err = new StringWriter();
        CommandLine failing = new CommandLine(new SweepCommand(FullDisk::new));
        failing.setErr(new PrintWriter(err));
        failing.setOut(new PrintWriter(new StringWriter()));
        assertEquals(1, failing.execute(spec.toString(), "--out", dir.toString(), "--quiet"));
        assertTrue(err.toString().contains("No space left on device"), err.toString());
        try (Stream<Path> walk = Files.walk(dir)) {
            assertFalse(walk.anyMatch(p -> p.getFileName().toString().equals("error.txt")), "an I/O failure was recorded as the run's own");
        }
        assertFalse(Files.exists(dir.resolve("sweep.csv")));

        CliRun resumed = CliRun.execute("sweep", spec.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(SweepCommandTest.contents(reference), SweepCommandTest.contents(dir));
    }
}
