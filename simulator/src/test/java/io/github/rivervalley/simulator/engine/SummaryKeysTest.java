package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented key of {@code summary.json} is present even when a line diverged completely (the
 * issue's repro: GD with eta lambda = 9 * 0.2234 = 2.0106 > 2, so |h| grows by 1.0106 per step).
 */
class SummaryKeysTest {

    /** The keys docs/spec.md (section "summary.json") promises. */
    private static final Set<String> TOP = Set.of("name", "steps", "replicas", "seed", "landscape", "schedule",
            "total_compute", "lines", "checkpoints", "theory");
    private static final Set<String> LINE = Set.of("name", "parent", "fork_step", "end_step", "loss", "river_loss",
            "hill_excess", "river_coord", "hill_dist", "diverged", "first_divergence_step");
    private static final Set<String> CHECKPOINT = Set.of("budget", "line", "step", "compute", "loss", "river_loss",
            "hill_excess", "river_coord", "loss_se", "diverged", "theory_loss", "theory_river_loss", "theory_hill_excess",
            "theory_river_coord");

    private static final String DIVERGING = """
            name: div
            seed: 1
            steps: 2000
            replicas: 1
            landscape: {type: straight-valley, hillCurvature: 9.0}
            start: [0, 0.5]
            optimizer: {type: gd}
            schedule: {type: constant, peak: 0.2234}
            """;

    @Test
    void fullyDivergedLineKeepsEveryKeyWithNullValues(@TempDir Path dir) throws IOException {
        RunSpec spec = SpecReader.instance().read(DIVERGING, "test spec", RunSpec.class);
        Simulation.run(spec, dir, 1);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("div").resolve(RunDirectory.SUMMARY).toFile());
        assertEquals(TOP, keys(json));
        JsonNode line = json.get("lines").get(0);
        assertEquals(LINE, keys(line));
        JsonNode checkpoint = json.get("checkpoints").get(0);
        assertEquals(CHECKPOINT, keys(checkpoint));
        // The single replica diverged: every value is null, the counts say why.
        for (String key : List.of("loss", "river_loss", "hill_excess", "river_coord", "hill_dist")) {
            assertTrue(line.get(key).isNull(), key);
        }
        for (String key : List.of("loss", "river_loss", "hill_excess", "river_coord", "loss_se")) {
            assertTrue(checkpoint.get(key).isNull(), key);
        }
        assertTrue(line.get("parent").isNull(), "main has no parent");
        assertEquals(1, line.get("diverged").asInt());
        // |h_t| = 0.5 * 1.0106^t first exceeds the divergence threshold well before step 2000.
        assertTrue(line.get("first_divergence_step").asLong() < 2000);
    }

    private static Set<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }
}
