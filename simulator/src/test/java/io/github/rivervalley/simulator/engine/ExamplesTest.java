package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every run spec in {@code examples/} (sweep files aside) runs, and its resolved {@code spec.yaml} reproduces the same trace. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            // Sweep files (a 'base' run spec with axes) are checked by the sweep tests.
            List<Path> specs = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !SpecReader.instance().readTree(p).has("base")).sorted().toList();
            assertTrue(specs.size() >= 3, "run specs found in " + EXAMPLES.toAbsolutePath() + ": " + specs);
            return specs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleRunsAndItsResolvedSpecReproducesIt(Path example, @TempDir Path dir) throws IOException {
        RunSpec spec = SpecReader.instance().read(example, RunSpec.class);
        RunSummary summary = Simulation.run(spec, dir.resolve("first"), 2);
        Path out = dir.resolve("first").resolve(spec.name());
        String trace = Files.readString(out.resolve(RunDirectory.TRACE));
        assertTrue(trace.startsWith(TraceColumns.LINE + "," + String.join(",", TraceColumns.REQUIRED.subList(1, TraceColumns.REQUIRED.size()))));
        assertFalse(summary.lines().isEmpty());
        for (RunSummary.LineResult line : summary.lines()) {
            assertEquals(0, line.diverged(), example + " line " + line.name() + " should not diverge");
        }
        RunSpec resolved = SpecReader.instance().read(out.resolve(RunDirectory.SPEC), RunSpec.class);
        Simulation.run(resolved, dir.resolve("second"), 1);
        assertEquals(trace, Files.readString(dir.resolve("second").resolve(spec.name()).resolve(RunDirectory.TRACE)));
    }
}
