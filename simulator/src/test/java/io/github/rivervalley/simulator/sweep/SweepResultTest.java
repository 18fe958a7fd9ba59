package io.github.rivervalley.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading sweep.csv back and averaging over seeds. */
class SweepResultTest {

    @Test
    void quotedCellsRoundTrip() {
        StringBuilder csv = new StringBuilder();
        SweepMerger.appendRow(csv, List.of("run", "landscape.hillCurvature", "seed", "status", "budget", "compute", "loss", "diverged", "wall_seconds"));
        SweepMerger.appendRow(csv, List.of("a", "[1, 2] \"x\"", "1", "done", "10", "11", "0.5", "0", ""));
        SweepResult result = SweepResult.parse(csv.toString());
        assertEquals(List.of("landscape.hillCurvature"), result.axes());
        assertEquals("[1, 2] \"x\"", result.rows().get(0).axis("landscape.hillCurvature"));
        assertTrue(Double.isNaN(result.rows().get(0).wallSeconds()));
        assertEquals(List.of(), result.numericAxes());
        assertEquals(Optional.of("landscape.hillCurvature"), result.familyAxis());
    }

    @Test
    void settingsAverageOverSeedsWithTheSampleStandardError() {
        String csv = """
                run,schedule.type,seed,status,budget,compute,loss,diverged,wall_seconds
                a,wsd,1,done,10,11,1.0,0,0.1
                a,wsd,1,done,20,22,0.5,0,0.1
                b,wsd,2,done,10,11,2.0,0,0.1
                b,wsd,2,done,20,22,0.7,0,0.1
                c,wsd,3,done,10,11,4.0,0,0.1
                c,wsd,3,done,20,22,,1,0.1
                d,cosine,1,failed,,,,,
                """;
        SweepResult result = SweepResult.parse(csv);
        List<SweepResult.Setting> settings = result.settings();
        assertEquals(2, settings.size());
        SweepResult.Setting ten = settings.get(0);
        assertEquals(10, ten.budget());
        // mean of 1, 2, 4 = 7/3; sample variance = ((1-7/3)^2 + (2-7/3)^2 + (4-7/3)^2) / 2 = 7/3; SE = sqrt(7/3 / 3)
        assertEquals(7.0 / 3, ten.loss(), 1e-15);
        assertEquals(Math.sqrt(7.0 / 9), ten.lossSe(), 1e-14);
        assertEquals(3, ten.seeds());
        SweepResult.Setting twenty = settings.get(1);
        assertEquals(0.6, twenty.loss(), 1e-15);
        assertEquals(2, twenty.seeds());
        assertEquals(1, twenty.diverged());
        assertEquals(20, result.finalBudget());
        assertEquals(6, result.done().size());
    }

    @Test
    void aTableWithoutTheSweepHeaderIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SweepResult.parse("line,step,loss\nmain,0,1\n"));
        assertThrows(IllegalArgumentException.class, () -> SweepResult.parse("run,seed,status\na,1\n"));
    }
}
