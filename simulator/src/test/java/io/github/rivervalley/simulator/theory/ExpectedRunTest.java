package io.github.rivervalley.simulator.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected-value runs ({@code replicas: expected}): the moment engine through the spec and the run files. */
class ExpectedRunTest {

    private static final String SPEC = """
            name: expected-wsd
            steps: 3000
            replicas: expected
            landscape: {type: straight-valley, dimension: 6, hillCurvature: 10, spread: {type: geometric, min: 0.5},
                        river: {type: linear, slope: 1}}
            start: [0, 0.5, 0.5, 0.5, 0.5, 0.5]
            optimizer: {type: momentum, momentum: 0.8}
            noise: {type: hill, sigma: 1.0}
            schedule: {type: wsd, peak: 0.02, warmup: 100, decayFraction: 0.2, floor: 0.1, budgets: [1000, 3000]}
            record: {every: 50}
            """;

    private static RunSpec spec(String yaml) {
        return SpecReader.instance().read(yaml, "test spec", RunSpec.class);
    }

    @Test
    void anExpectedRunWritesTheMomentEnginesRows(@TempDir Path dir) throws Exception {
        RunSpec spec = spec(SPEC);
        assertTrue(spec.isExpected());
        RunSummary summary = Simulation.run(spec, dir, 1);
        assertTrue(summary.theory().exact());
        assertTrue(summary.theory().expectedOnly());
        assertTrue(Files.readString(dir.resolve("expected-wsd/spec.yaml")).contains("replicas: \"expected\"")
                || Files.readString(dir.resolve("expected-wsd/spec.yaml")).contains("replicas: expected"));
        assertTrue(Files.readString(dir.resolve("expected-wsd/summary.json")).contains("\"expected_only\" : true"));
        String header = Files.readAllLines(dir.resolve("expected-wsd/trace.csv")).get(0);
        assertTrue(header.contains(TraceColumns.THEORY_LOSS) && !header.contains(TraceColumns.LOSS_SE), header);

        Run run = Simulation.prepare(spec);
        Trace trace = Simulation.trace(spec, 1);
        MomentEngine engine = MomentEngine.of(run.landscape(), run.optimizer(), run.noise(), run.schedule(), run.start());
        MomentCursor cursor = engine.cursor();
        int rows = 0;
        for (TraceRow row : trace.rows()) {
            if (cursor.line() == null || !cursor.line().name().equals(row.line())) {
                cursor.start(run.schedule().line(row.line()));
            }
            ExpectedRow expected = cursor.rowAt(row.step());
            assertEquals(expected.loss(), trace.value(row.line(), row.step(), TraceColumns.LOSS), 0.0);
            assertEquals(expected.loss(), trace.value(row.line(), row.step(), TraceColumns.THEORY_LOSS), 0.0);
            assertEquals(expected.hillExcess(), trace.value(row.line(), row.step(), TraceColumns.HILL_EXCESS), 0.0);
            assertEquals(expected.riverCoord(), trace.value(row.line(), row.step(), TraceColumns.RIVER_COORD), 0.0);
            assertEquals(expected.lr(), trace.value(row.line(), row.step(), TraceColumns.LR), 0.0);
            assertTrue(Double.isNaN(trace.value(row.line(), row.step(), TraceColumns.HILL_DIST)), "no closed form for E|h|");
            rows++;
        }
        assertTrue(rows > 60, rows + " rows");
        for (RunSummary.CheckpointResult c : summary.checkpoints()) {
            assertEquals(c.loss(), c.theoryLoss(), 0.0);
        }
    }

    @Test
    void expectedIsRefusedWhereThereIsNoTheoryAndBadValuesNameTheField() {
        SpecException adam = assertThrows(SpecException.class,
                () -> Simulation.prepare(spec(SPEC.replace("{type: momentum, momentum: 0.8}", "{type: adam}"))));
        assertEquals("replicas", adam.field());
        assertTrue(adam.getMessage().contains("Adam"), adam.getMessage());
        SpecException word = assertThrows(SpecException.class, () -> spec(SPEC.replace("replicas: expected", "replicas: many")));
        assertEquals("replicas", word.field());
        assertTrue(word.getMessage().contains("'many'") && word.getMessage().contains("expected"), word.getMessage());
        SpecException zero = assertThrows(SpecException.class, () -> spec(SPEC.replace("replicas: expected", "replicas: -3")));
        assertEquals("replicas", zero.field());
        SpecException flow = assertThrows(SpecException.class, () -> Simulation.prepare(spec(SPEC + "flow: true\n")));
        assertEquals("flow", flow.field());
        assertFalse(spec(SPEC.replace("replicas: expected", "replicas: 3")).isExpected());
    }
}
