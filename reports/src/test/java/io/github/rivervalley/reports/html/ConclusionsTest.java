package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.reports.analysis.Conclusions;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "What to conclude" box and the captions say what the checkpoints say, and nothing else. */
class ConclusionsTest {

    /** A run of a schedule of {@code family} with the given checkpoints {budget, compute, loss, lossSe}; no trace. */
    static RecordedRun run(String name, String family, long seed, double[]... checkpoints) {
        return io.github.rivervalley.reports.SyntheticRuns.checkpointsOnly(name, family, seed, checkpoints);
    }

    @Test
    void whenCosineIsLowerTheBoxAndTheCaptionSayCosine() {
        List<RecordedRun> runs = List.of(run("wsd", "wsd", 1, new double[] {1000, 1000, 0.30, 0.001}),
                run("cosine", "cosine", 1, new double[] {1000, 1000, 0.20, 0.001}));
        Conclusions c = Conclusions.of(runs);
        Conclusions.Comparison at = onlyComparison(c);
        assertEquals("cosine", at.winner().group().label());
        // margin 0.1, SE sqrt(2) * 0.001: decisive
        assertEquals(0.1, at.margin(), 1e-15);
        assertTrue(at.decisive());
        String box = HeadlinesSection.box(runs, c);
        assertSaysButNot(box, "cosine has the lowest loss", "wsd has the lowest loss");
        String caption = Captions.compareLoss(runs, c);
        assertSaysButNot(caption, "wsd ends above cosine", "below cosine");
    }

    @Test
    void whenWsdIsLowerTheCaptionSaysBelowAndWithoutCosineItSaysNothingAboutCosine() {
        List<RecordedRun> both = List.of(run("wsd", "wsd", 1, new double[] {1000, 1000, 0.10, 0.001}),
                run("cosine", "cosine", 1, new double[] {1000, 1000, 0.20, 0.001}));
        assertTrue(Captions.compareLoss(both, Conclusions.of(both)).contains("wsd ends below cosine"));
        List<RecordedRun> alone = List.of(run("wsd", "wsd", 1, new double[] {1000, 1000, 0.10, 0.001}),
                run("constant", "constant", 1, new double[] {1000, 1000, 0.20, 0.001}));
        assertFalse(Captions.compareLoss(alone, Conclusions.of(alone)).contains("cosine"));
    }

    @Test
    void seedsAreAveragedNotPickedAndAMarginWithinTwoStandardErrorsIsLevel() {
        // wsd seeds 0.1, 0.2, 0.3: mean 0.2, SE = sd / sqrt(3) = 0.1 / sqrt(3). Its best seed (0.1) would beat
        // every cosine seed, but the means differ by 0.06 with SE sqrt(0.1^2/3 + 0.01^2/3) = 0.058: level.
        List<RecordedRun> runs = List.of(
                run("wsd_seed-1", "wsd", 1, new double[] {1000, 1000, 0.1, 0.001}),
                run("wsd_seed-2", "wsd", 2, new double[] {1000, 1000, 0.2, 0.001}),
                run("wsd_seed-3", "wsd", 3, new double[] {1000, 1000, 0.3, 0.001}),
                run("cosine_seed-1", "cosine", 1, new double[] {1000, 1000, 0.25, 0.001}),
                run("cosine_seed-2", "cosine", 2, new double[] {1000, 1000, 0.26, 0.001}),
                run("cosine_seed-3", "cosine", 3, new double[] {1000, 1000, 0.27, 0.001}));
        Conclusions c = Conclusions.of(runs);
        Conclusions.Comparison at = onlyComparison(c);
        assertEquals(3, at.winner().loss().seeds());
        // Means of three doubles: a few ULPs.
        assertEquals(0.2, at.winner().loss().mean(), 1e-15);
        assertEquals(0.1 / Math.sqrt(3), at.winner().loss().se(), 1e-15);
        assertEquals(0.26, at.runnerUp().loss().mean(), 1e-15);
        assertEquals(Math.sqrt(0.01 / 3 + 0.0001 / 3), at.marginSe(), 1e-15);
        assertFalse(at.decisive());
        String box = HeadlinesSection.box(runs, c);
        assertSaysButNot(box, "are level", "has the lowest loss");
    }

    @Test
    void schedulesThatSpentDifferentComputeOnABudgetAreNotRanked() {
        // Budget 2000: wsd and wsd-s spend 2100 (their extra decay steps), constant 2000, cosine 3000.
        List<RecordedRun> runs = List.of(run("wsd", "wsd", 1, new double[] {2000, 2100, 0.125, 0.001}),
                run("wsd-s", "wsd-s", 1, new double[] {2000, 2100, 0.121, 0.001}),
                run("constant", "constant", 1, new double[] {2000, 2000, 0.268, 0.001}),
                run("cosine", "cosine", 1, new double[] {2000, 3000, 0.100, 0.001}));
        Conclusions c = Conclusions.of(runs);
        Conclusions.Comparison at = onlyComparison(c);
        assertEquals(2100, at.compute());
        assertEquals(List.of("wsd-s", "wsd"), at.ranking().stream().map(e -> e.group().label()).toList());
        assertEquals(List.of("constant", "cosine"), c.unmatched().stream().map(u -> u.entry().group().label()).toList());
        String box = HeadlinesSection.box(runs, c);
        assertTrue(box.contains("cosine spent 3000 steps"), box);
        assertTrue(box.contains("below wsd-s despite spending more"), box);
    }

    /** The one comparison {@code c} draws: the runs of these tests share a single budget. */
    private static Conclusions.Comparison onlyComparison(Conclusions c) {
        assertEquals(1, c.comparisons().size());
        return c.comparisons().get(0);
    }

    private static void assertSaysButNot(String text, String says, String doesNotSay) {
        assertTrue(text.contains(says), text);
        assertFalse(text.contains(doesNotSay), text);
    }
}
