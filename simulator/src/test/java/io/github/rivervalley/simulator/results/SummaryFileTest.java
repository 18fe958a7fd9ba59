package io.github.rivervalley.simulator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryFileTest {

    private static RunSummary summary() {
        // Values chosen so that a lossy number round trip would show: 0.1 + 0.2 has 17 significant digits.
        return new RunSummary("wsd", 400, 8, 7, "straight-valley", "wsd", 480,
                List.of(new RunSummary.LineResult("main", null, 0, 400, 0.1 + 0.2, 0.25, 0.05, 3.5, 0.01, 2, 17L),
                        new RunSummary.LineResult("branch-200", "main", 160, 200, null, null, null, null, null, 8, 150L)),
                List.of(new RunSummary.CheckpointResult(200, "branch-200", 200, 240, null, null, null, null, null, 8),
                        new RunSummary.CheckpointResult(400, "main", 400, 480, 0.3, 0.25, 0.05, 3.5, 1e-3, 2)),
                new RunSummary.TheoryResult(false, "noise is not Gaussian", null, null, null, null, null, null, null));
    }

    @Test
    void readsBackWhatItWrites(@TempDir Path dir) throws IOException {
        RunSummary written = summary();
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), SummaryFile.json(written), StandardCharsets.UTF_8);
        assertEquals(written, SummaryFile.readRun(dir));
    }

    @Test
    void ignoresKeysItDoesNotKnow(@TempDir Path dir) throws IOException {
        String json = SummaryFile.json(summary()).replaceFirst("\\{", "{\"written_by\": \"a newer version\",");
        Files.writeString(dir.resolve(RunDirectory.SUMMARY), json, StandardCharsets.UTF_8);
        assertEquals(summary(), SummaryFile.readRun(dir));
    }

    @Test
    void refusesIncompleteSummariesNamingFileAndWhatIsMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RunDirectory.SUMMARY);
        assertMessage(dir, file + " is missing");
        Files.writeString(file, "{\"name\": \"x\", \"lines\": [", StandardCharsets.UTF_8);
        assertMessage(dir, file + " is not valid JSON (line 1)");
        Files.writeString(file, "{\"name\": \"x\", \"checkpoints\": [], \"lines\": []}", StandardCharsets.UTF_8);
        assertMessage(dir, file + " is not a complete run summary: it lacks the lines");
        Files.writeString(file, "{\"name\": \"x\", \"checkpoints\": [], \"lines\": [{\"name\": \"main\"}]}", StandardCharsets.UTF_8);
        assertMessage(dir, file + " is not a complete run summary: a line lacks its name or end_step");
        Files.writeString(file, "{\"name\": \"x\", \"checkpoints\": [], \"lines\": [{\"name\": \"main\", \"end_step\": 4, \"loss\": \"low\"}]}",
                StandardCharsets.UTF_8);
        String message = assertThrows(SummaryFile.InvalidSummaryException.class, () -> SummaryFile.readRun(dir)).getMessage();
        assertTrue(message.startsWith(file + " is not a valid run summary: "), message);
    }

    private static void assertMessage(Path dir, String expected) {
        assertEquals(expected, assertThrows(SummaryFile.InvalidSummaryException.class, () -> SummaryFile.readRun(dir)).getMessage());
    }
}
