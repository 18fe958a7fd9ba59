package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code phase} and {@code checkpoint} columns of {@code trace.csv} against the WSD-S layout written out
 * by hand (docs/science.md): budgets 100 and 200, decay fraction 0.2, warmup 10. Decay 1 is updates
 * [80, 100); training goes on from the decayed iterate at the peak; decay 2 starts at 0.8 * 200 + 20 = 180
 * and lasts 40 updates, so the line ends at step 220. The row at step s shows update s - 1 (step 0: update 0).
 */
class TracePhaseColumnTest {

    private static String expectedPhase(long step) {
        long u = Math.max(0, step - 1);
        if (u < 10) {
            return "warmup";
        }
        if (u < 80 || (u >= 100 && u < 180)) {
            return "stable";
        }
        return "decay";
    }

    @Test
    void everyRowCarriesItsPhaseAndTheCheckpointRowsTheirBudget(@TempDir Path dir) throws IOException {
        String yaml = """
                name: phases
                steps: 200
                landscape: {type: straight-valley, hillCurvature: 4}
                optimizer: {type: gd}
                schedule: {type: wsd-s, peak: 0.1, warmup: 10, decayFraction: 0.2, budgets: [100, 200]}
                record: {every: 1}
                """;
        RunSpec spec = SpecReader.instance().read(yaml, "test", RunSpec.class);
        Simulation.run(spec, dir, 1);
        List<String> lines = Files.readAllLines(dir.resolve("phases").resolve(io.github.rivervalley.simulator.results.RunDirectory.TRACE));
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int step = header.indexOf(TraceColumns.STEP);
        int phase = header.indexOf(TraceColumns.PHASE);
        int checkpoint = header.indexOf(TraceColumns.CHECKPOINT);
        assertEquals(header.size() - 2, phase, "phase is the last but one column");
        assertEquals(221, lines.size() - 1, "rows at steps 0..220");
        int marked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            long s = Long.parseLong(f[step]);
            assertEquals(expectedPhase(s), f[phase], "step " + s);
            String budget = s == 100 ? "100" : s == 220 ? "200" : "";
            assertEquals(budget, f[checkpoint], "step " + s);
            marked += budget.isEmpty() ? 0 : 1;
        }
        assertEquals(2, marked);
    }
}
