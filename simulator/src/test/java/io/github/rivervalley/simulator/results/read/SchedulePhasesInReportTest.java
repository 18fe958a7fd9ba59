package io.github.rivervalley.simulator.results.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.ScheduleFamily;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report shades a run's phases as its schedule defines them, on a WSD-S run where the learning rate
 * alone is ambiguous: the decays end at a floor of 1 (the rate never falls) and each re-warmup lasts one
 * step, so the rate is flat from the warmup's end to the last step.
 */
class SchedulePhasesInReportTest {

    private static final String SPEC = """
            name: flat-wsd-s
            steps: 400
            landscape: {type: straight-valley, dimension: 2, hillCurvature: 10}
            optimizer: {type: gd}
            schedule: {type: wsd-s, peak: 0.05, warmup: 20, floor: 1.0, rewarmup: 1, budgets: [100, 200, 400]}
            """;

    @Test
    void theShadedPhasesAreTheSchedules(@TempDir Path dir) {
        SpecReader reader = SpecReader.instance();
        RunSpec spec = reader.bind(reader.readTree(SPEC, "flat-wsd-s.yaml"), RunSpec.class);
        Simulation.run(spec, dir, 1);
        RecordedRun run = Runs.read(dir.resolve("flat-wsd-s"), new TraceReader());
        Schedule schedule = run.schedule().orElseThrow();
        assertEquals(ScheduleFamily.WSD_S, schedule.family());
        assertEquals("wsd-s", run.family());
        // Closed forms (p = 0.1): decays of p B_k = 10, 20, 40 steps ending at e_k = B_k + sum_{j<k} p B_j = 100,
        // 210, 430, each followed (but the last) by the one-step re-warmup; the line ends with its last decay.
        List<Phase> expected = List.of(new Phase(Phase.Kind.WARMUP, 0, 20), new Phase(Phase.Kind.STABLE, 20, 90),
                new Phase(Phase.Kind.DECAY, 90, 100), new Phase(Phase.Kind.REWARMUP, 100, 101),
                new Phase(Phase.Kind.STABLE, 101, 190), new Phase(Phase.Kind.DECAY, 190, 210),
                new Phase(Phase.Kind.REWARMUP, 210, 211), new Phase(Phase.Kind.STABLE, 211, 390),
                new Phase(Phase.Kind.DECAY, 390, 430));
        assertEquals(expected, schedule.phasesOf(Line.MAIN));
        RecordedTrace main = run.trace(Line.MAIN).orElseThrow();
        assertEquals(expected, main.phases());
        // The boundary rows (the states where each phase starts) are kept exactly for the headline numbers.
        for (Phase p : expected) {
            assertTrue(main.exact(p.start(), "loss").isPresent(), "exact row at " + p.start());
        }
    }
}
