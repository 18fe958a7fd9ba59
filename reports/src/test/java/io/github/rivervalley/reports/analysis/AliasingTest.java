package io.github.rivervalley.reports.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceReader;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GD on one quadratic hill, {@code h <- (1 - eta lambda) h}: with {@code eta lambda > 1} the iterate changes
 * side every step (period 2), with {@code eta lambda < 1} it never does. Rows recorded every k steps
 * resolve a period-2 oscillation only when k = 1.
 */
class AliasingTest {

    private static Optional<Aliasing.Note> note(Path dir, String landscape, double rateTimesCurvature, int every) {
        // lambda = 10 on the straight valley (curvature 10); 10 * (1 + (A k)^2) at the curved valley's crests.
        String spec = "name: alias-" + every + "\nsteps: 200\n"
                + "landscape: " + landscape + "\n"
                + "start: [0, 0.5]\n"
                + "optimizer: {type: gd}\n"
                + "schedule: {type: constant, peak: " + rateTimesCurvature / 10 + "}\n"
                + "record: {every: " + every + (landscape.contains("curved") ? ", sharpnessEvery: 10" : "") + "}\n";
        RunSpec runSpec = SpecReader.instance().read(spec, "test", RunSpec.class);
        Simulation.run(runSpec, dir, 1);
        RecordedRun run = Runs.read(dir.resolve("alias-" + every), new TraceReader());
        return Aliasing.check(run);
    }

    @ParameterizedTest(name = "straight valley, eta lambda {0}, every {1}: aliased {2}")
    @CsvSource({"1.99, 1, false", "1.99, 2, true", "1.99, 3, true", "0.5, 2, false", "0.5, 5, false"})
    void crossingsCountedEveryStepRevealAliasing(double rateTimesCurvature, int every, boolean aliased, @TempDir Path dir) {
        Optional<Aliasing.Note> note = note(dir, "{type: straight-valley, hillCurvature: 10}", rateTimesCurvature, every);
        assertEquals(aliased, note.isPresent(), note.toString());
        note.ifPresent(n -> {
            assertEquals(every, n.interval());
            // Every step crosses the floor, so each row after the first counts `every` crossings.
            assertTrue(n.text().contains("up to " + every + ".0 times"), n.text());
        });
    }

    @ParameterizedTest(name = "curved valley, eta lambda {0}, every {1}: aliased {2}")
    @CsvSource({"1.5, 1, false", "1.5, 2, true", "1.5, 4, true", "0.6, 2, false"})
    void rateTimesSharpnessAboveOneWithAnEvenIntervalIsAliased(double rateTimesCurvature, int every, boolean aliased, @TempDir Path dir) {
        // Curved valley, amplitude 0.5, wavenumber 0.5: sharpness between 10 and 10 * (1 + 0.0625), so eta * sharpness
        // stays on the same side of 1 as eta * 10 for these rates.
        Optional<Aliasing.Note> note = note(dir, "{type: curved-valley, hillCurvature: 10, amplitude: 0.5, wavenumber: 0.5}",
                rateTimesCurvature, every);
        assertEquals(aliased, note.isPresent(), note.toString());
        note.ifPresent(n -> assertTrue(n.text().contains("flips to the other wall every step"), n.text()));
    }
}
