package io.github.rivervalley.simulator.sweep;

import io.github.rivervalley.simulator.results.RunDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compares sweep directories file by file, leaving out what legitimately differs: wall times and lock files. */
final class SweepFiles {

    private SweepFiles() {
    }

    /** Relative path to content of every file, with timing files left out and the wall_seconds column blanked. */
    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                // Lock files (.sweep*.lock) hold the process that last locked the directory. A kill while a
                // finished run's timing.json is written leaves its hidden temporary (.timing.json.tmp); the
                // resume keeps the finished run, and timing files are not outputs.
                String base = file.getFileName().toString();
                if (base.startsWith(RunDirectory.TIMING) || base.equals("." + RunDirectory.TIMING + ".tmp") || name.endsWith(".lock")) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                files.put(name, name.equals(RunDirectory.SWEEP_CSV) ? withoutWallTime(text) : text);
            }
        }
        return files;
    }

    /** The CSV with its last column (wall_seconds) removed. */
    static String withoutWallTime(String csv) {
        List<String> out = new ArrayList<>();
        for (String line : csv.split("\n", -1)) {
            int comma = line.lastIndexOf(',');
            out.add(comma < 0 ? line : line.substring(0, comma));
        }
        return String.join("\n", out);
    }

    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        Map<String, String> a = contents(expected);
        Map<String, String> b = contents(actual);
        assertEquals(a.keySet(), b.keySet(), "same files");
        for (String name : a.keySet()) {
            assertEquals(a.get(name), b.get(name), "content of " + name);
        }
    }
}
