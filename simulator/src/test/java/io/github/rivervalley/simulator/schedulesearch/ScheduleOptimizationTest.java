package io.github.rivervalley.simulator.schedulesearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optimize command's work: files, the runnable optimal spec, determinism, and clear errors. */
class ScheduleOptimizationTest {

    private static final String SPEC = """
            name: small
            steps: 600
            landscape: {type: straight-valley, hillCurvature: [8, 2], river: {type: linear, slope: 0.02}}
            start: [0, 0.5, 0.5]
            optimizer: {type: momentum, momentum: 0.5}
            noise: {type: hill, sigma: 2.0}
            constraints: {peak: 0.05, warmup: 20}
            segments: 30
            iterations: 300
            """;

    private static OptimizeSpec spec(String yaml) {
        return SpecReader.instance().read(yaml, "optimize spec", OptimizeSpec.class);
    }

    @Test
    void writesARunnableOptimumAndTheSameFilesTwice(@TempDir Path dir) throws Exception {
        ScheduleOptimization.Outcome a = ScheduleOptimization.run(spec(SPEC), dir.resolve("a"), 1);
        ScheduleOptimization.run(spec(SPEC), dir.resolve("b"), 1);
        for (String file : List.of("optimal.yaml", "wsd.yaml", "cosine.yaml", "constant.yaml", "comparison.csv", "schedules.csv", "optimize.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a/small/" + file)), Files.readAllBytes(dir.resolve("b/small/" + file)), file);
        }
        assertEquals(List.of("optimal", "wsd", "cosine", "constant").size(), a.schedules().size());
        RunSpec optimal = SpecReader.instance().read(dir.resolve("a/small/optimal.yaml"), RunSpec.class);
        double[] rates = KnotSchedule.rates(Simulation.prepare(optimal).schedule());
        assertTrue(spec(SPEC).bounds().admits(rates, 1e-12));
        assertEquals(600, rates.length);
        // The optimum's expected loss is the expected-value run of its own spec.
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) SpecReader.instance().toTree(optimal);
        RunSpec expected = SpecReader.instance().bind(tree.put("replicas", "expected"), RunSpec.class);
        double theory = Simulation.trace(expected, 1).summary().lines().get(0).loss(); // the final state of the one line
        assertEquals(a.schedules().get(0).expectedLoss(), theory, 1e-12 * Math.abs(theory));
    }

    @Test
    void refusesValleysWithoutExactTheory(@TempDir Path dir) {
        SpecException e = assertThrows(SpecException.class,
                () -> ScheduleOptimization.run(spec(SPEC.replace("{type: momentum, momentum: 0.5}", "{type: adam}")), dir, 1));
        assertTrue(e.getMessage().contains("Adam"), e.getMessage());
        SpecException warmup = assertThrows(SpecException.class,
                () -> ScheduleOptimization.run(spec(SPEC.replace("warmup: 20", "warmup: 600")), dir, 1));
        assertEquals("constraints.warmup", warmup.field());
        assertTrue(Files.notExists(dir.resolve("small")), "nothing written");
    }
}
