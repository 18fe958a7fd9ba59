package io.github.rivervalley.bigram.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.bigram.data.SyntheticBigrams;
import io.github.rivervalley.bigram.data.SyntheticGroup;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.LineSchedule;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DecaySharesTest {

    private final BigramData data = SyntheticBigrams.generate(16, Frequencies.UNIFORM, 1.0,
            List.of(SyntheticGroup.deterministic(0.5), SyntheticGroup.uniform(0.5, 4)), 1);

    /** A WSD-like schedule: main 0..100 stable, a branch forked at 60 decaying over [60, 70). */
    private static Schedule schedule() {
        Line main = new Line("main", Optional.empty(), 0, 100, t -> 1.0, List.of(new Phase(Phase.Kind.STABLE, 0, 100)));
        Line branch = new Line("branch-70", Optional.of("main"), 60, 70, t -> 0.5, List.of(new Phase(Phase.Kind.DECAY, 60, 70)));
        return new LineSchedule(1.0, List.of(main, branch), List.of());
    }

    @Test
    void dropsAreSplitByGroupWithTheStartReadFromTheParent() {
        Map<String, Double> rows = new HashMap<>();
        rows.put("main@60@loss", 3.0);
        rows.put("main@60@loss_det", 1.0);
        rows.put("main@60@loss_k4", 2.0);
        rows.put("branch-70@70@loss", 2.2);
        rows.put("branch-70@70@loss_det", 0.9);
        rows.put("branch-70@70@loss_k4", 1.3);
        List<DecayDrop> drops = DecayShares.of("wsd", schedule(), data,
                (line, step, column) -> rows.containsKey(line + "@" + step + "@" + column)
                        ? OptionalDouble.of(rows.get(line + "@" + step + "@" + column)) : OptionalDouble.empty());
        assertEquals(1, drops.size());
        DecayDrop d = drops.get(0);
        assertEquals("branch-70", d.line());
        assertEquals(0.8, d.drop(), 1e-15);
        assertEquals(0.1, d.groupDrop()[0], 1e-15);
        assertEquals(0.7, d.groupDrop()[1], 1e-15);
        assertEquals(0.7 / 0.8, d.hillShare(), 1e-15);
        String csv = DecayShares.csv(drops);
        assertTrue(csv.startsWith("run,line,decay_start,decay_end,loss_start,loss_end,drop,hill_share,drop_det,drop_k4,share_det,share_k4\n"), csv);
        assertTrue(csv.contains("wsd,branch-70,60,70,3.0,2.2,"), csv);
        assertTrue(DecayShares.text(drops).contains("87.5%"), DecayShares.text(drops));
    }

    @Test
    void aMissingRowIsReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DecayShares.of("wsd", schedule(), data, (line, step, column) -> OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("branch-70"), e.getMessage());
    }
}
