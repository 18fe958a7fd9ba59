package io.github.rivervalley.simulator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Synced or not, a write leaves the complete content under the target's name and nothing else beside it. */
class AtomicFileTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void replacesTheTargetWhole(boolean sync, @TempDir Path dir) throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFile.writeString(target, "first\n", sync);
        AtomicFile.writeString(target, "second, longer\n", sync);
        assertEquals("second, longer\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("summary.json"), names(dir), "no temporary file left beside the target");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anAbandonedWriteLeavesTheTargetAsItWas(boolean sync, @TempDir Path dir) throws IOException {
        Path target = dir.resolve("trace.csv");
        AtomicFile.writeString(target, "old\n", sync);
        try (AtomicFile file = AtomicFile.begin(target, sync)) {
            file.stream().write("half a new trace".getBytes(StandardCharsets.UTF_8));
            // no commit: closing abandons the write
        }
        assertEquals("old\n", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of("trace.csv"), names(dir));
        assertFalse(Files.exists(dir.resolve(".trace.csv.tmp")));
    }
}
