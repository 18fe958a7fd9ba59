package io.github.rivervalley.simulator.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.CurvedValley;
import io.github.rivervalley.landscapes.analytic.HillSpectrum;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The theory columns of a simulated trace and the summary's theory block. */
class TheoryColumnsTest {

    private static final StraightValley VALLEY = new StraightValley(new RiverProfile.Linear(0.3), HillSpectrum.geometric(5, 0.5, 3));

    @Test
    void theoryColumnsAreTheMomentEnginesRowsAndTheSummaryComparesThem() {
        Schedule schedule = Schedules.wsd(0.2, 10, 100, 300);
        Run run = Run.of("theory", VALLEY, schedule).withOptimizer(Optimizers.nesterov()).withNoise(Noises.isotropic(0.5))
                .withStart(0, 0.5, -0.5, 0.2).withReplicas(512).withSeed(4).withRecord(RecordSpec.every(7)).withFlow(true);
        Trace trace = Simulation.trace(run, 2);
        assertTrue(trace.layout().columns().containsAll(TraceColumns.THEORY));
        assertTrue(trace.toCsv().lines().findFirst().orElseThrow().contains(",theory_loss,theory_river_loss,theory_hill_excess,theory_river_coord"));
        MomentEngine engine = MomentEngine.of(VALLEY, run.optimizer(), run.noise(), schedule, run.start());
        MomentCursor cursor = engine.cursor();
        int t = trace.layout().theory();
        int sims = 0;
        double worst = 0;
        long above3 = 0;
        long compared = 0;
        for (TraceRow row : trace.rows()) {
            if (row.line().equals("flow")) {
                for (int k = 0; k < 4; k++) {
                    assertTrue(Double.isNaN(row.get(t + k)), "the flow line has no theory");
                }
                continue;
            }
            if (cursor.line() == null || !cursor.line().name().equals(row.line())) {
                cursor.start(schedule.line(row.line()));
            }
            ExpectedRow expected = cursor.rowAt(row.step());
            assertEquals(expected.loss(), row.get(t), 0.0);
            assertEquals(expected.riverLoss(), row.get(t + 1), 0.0);
            assertEquals(expected.hillExcess(), row.get(t + 2), 0.0);
            assertEquals(expected.riverCoord(), row.get(t + 3), 0.0);
            sims++;
            // The summary's z, recomputed independently from the named columns.
            double rowZ = -1;
            for (String[] c : new String[][] {{"loss", "loss_se", "theory_loss"}, {"river_loss", "river_loss_se", "theory_river_loss"},
                {"hill_excess", "hill_excess_se", "theory_hill_excess"}}) {
                double se = row.get(trace.layout().indexOf(c[1]));
                if (se > 0) {
                    rowZ = Math.max(rowZ, Math.abs(row.get(trace.layout().indexOf(c[0])) - row.get(trace.layout().indexOf(c[2]))) / se);
                }
            }
            if (rowZ >= 0) {
                compared++;
                worst = Math.max(worst, rowZ);
                above3 += rowZ > 3 ? 1 : 0;
            }
        }
        assertTrue(sims > 40);
        RunSummary.TheoryResult theory = trace.summary().theory();
        assertTrue(theory.exact());
        assertEquals(compared, theory.rows());
        assertEquals(worst, theory.maxAbsZ(), 0.0);
        assertEquals((double) above3 / compared, theory.fractionAbove3(), 0.0);
        for (RunSummary.CheckpointResult c : trace.summary().checkpoints()) {
            assertEquals(trace.value(c.line(), c.step(), TraceColumns.THEORY_LOSS), c.theoryLoss(), 0.0);
            assertEquals(trace.value(c.line(), c.step(), TraceColumns.THEORY_RIVER_COORD), c.theoryRiverCoord(), 0.0);
        }
    }

    @Test
    void runsWithoutExactTheoryHaveNoTheoryColumnsAndSayWhy() {
        Schedule schedule = Schedules.cosine(0.05, 0, 50);
        for (Run run : List.of(
                Run.of("adam", VALLEY, schedule).withOptimizer(Optimizers.adam()),
                Run.of("curved", new CurvedValley(new RiverProfile.Linear(0.1), 10, 0.5, 1), schedule))) {
            Trace trace = Simulation.trace(run, 1);
            assertEquals(-1, trace.layout().theory());
            assertFalse(trace.layout().columns().contains(TraceColumns.THEORY_LOSS));
            RunSummary.TheoryResult theory = trace.summary().theory();
            assertFalse(theory.exact());
            assertNotNull(theory.reason());
            assertNull(trace.summary().checkpoints().get(0).theoryLoss());
        }
    }
}
