package io.github.rivervalley.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.BoundRun;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on the real engine binds each run once: the spec becomes a landscape, schedule and optimizer
 * when the sweep is expanded (which validates it), and that bound run is what executes. Counted through
 * the executor's binder seam, which every bind of the executor goes through.
 */
class EngineExecutorBindsOnceTest {

    private static final String SWEEP = """
            base:
              steps: 60
              landscape: {type: straight-valley, dimension: 2, hillCurvature: 10}
              optimizer: {type: sgd}
              noise: {type: hill, sigma: 0.5}
              schedule: {type: wsd, peak: 0.05, budgets: [30, 60]}
              record: {every: 10}
            grid:
              schedule.peak: [0.02, 0.05, 0.1]
            seeds: 2
            """;

    @Test
    void eachRunIsBoundOnceAndRunsOnOneSharedLandscape(@TempDir Path dir) {
        AtomicInteger binds = new AtomicInteger();
        List<BoundRun> bound = Collections.synchronizedList(new ArrayList<>());
        EngineExecutor counting = new EngineExecutor((spec, landscapes) -> {
            binds.incrementAndGet();
            BoundRun run = Simulation.bind(spec, landscapes);
            bound.add(run);
            return run;
        });
        Sweep sweep = Sweep.expand(SweepSpec.parse(SpecReader.instance().readTree(SWEEP, "sweep.yaml"), "binds"), counting);
        assertEquals(6, sweep.runs().size());
        assertEquals(1 + 6, binds.get(), "the base spec and each run, at expansion");

        SweepRunner.Outcome outcome = new SweepRunner(sweep, dir).run(2, Shard.ALL, false, new SweepRunner.Listener() { });
        assertEquals(6, outcome.executed());
        assertTrue(outcome.merge().complete());
        assertEquals(1 + 6, binds.get(), "running binds nothing again");
        for (Sweep.Job run : sweep.runs()) {
            assertTrue(Files.isRegularFile(dir.resolve(run.name()).resolve(RunDirectory.SUMMARY)), run.name());
        }

        // Runs whose landscape specs are equal (all of them here) share one landscape, built once.
        for (BoundRun run : bound) {
            assertSame(bound.get(0).run().landscape(), run.run().landscape());
        }
    }

    /**
     * {@code rivervalley run SPEC PATH=VALUE}: the overrides are validated by the executor (as a one-run sweep),
     * and the run then binds with the same executor, so its landscape (a bigram model's data, say) is the one
     * built while validating, not a second one.
     */
    @Test
    void aRunWithOverridesReusesTheLandscapeBuiltToValidateThem() {
        List<BoundRun> bound = Collections.synchronizedList(new ArrayList<>());
        EngineExecutor recording = new EngineExecutor((spec, landscapes) -> {
            BoundRun run = Simulation.bind(spec, landscapes);
            bound.add(run);
            return run;
        });
        var base = (com.fasterxml.jackson.databind.node.ObjectNode) SpecReader.instance().readTree("""
                name: base
                steps: 60
                landscape: {type: straight-valley, dimension: 2, hillCurvature: 10}
                optimizer: {type: sgd}
                noise: {type: hill, sigma: 0.5}
                schedule: {type: wsd, peak: 0.05, budgets: [30, 60]}
                """, "run.yaml");
        var spec = Overrides.apply(base, List.of("schedule.peak=0.02"), recording);
        int validating = bound.size();
        assertTrue(validating > 0, "the overrides were validated by binding");
        BoundRun run = recording.bind(spec);
        assertEquals(0.02, spec.path("schedule").path("peak").asDouble(), "the overridden spec");
        assertEquals(spec.path("name").asText(), run.spec().name(), "is the one bound");
        assertSame(bound.get(0).run().landscape(), run.run().landscape(), "and runs on the landscape built to validate it");
    }
}
