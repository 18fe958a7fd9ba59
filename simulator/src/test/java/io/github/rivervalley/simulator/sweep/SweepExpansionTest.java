package io.github.rivervalley.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expansion of sweep specs into named, validated runs. */
class SweepExpansionTest {

    private static final String BASE = """
            base:
              seed: 10
              steps: 100
              schedule: {type: wsd, peak: 0.1, decayFraction: 0.2, budgets: [50, 100]}
            """;

    static Sweep expand(String yaml) {
        return Sweep.expand(SweepSpec.parse(SpecReader.instance().readTree(yaml, "test sweep"), "test"), new FakeEngine());
    }

    static SpecException invalid(String yaml) {
        return assertThrows(SpecException.class, () -> expand(yaml));
    }

    /** The sweep {@code yaml} must be rejected with a message that mentions every one of {@code fragments}. */
    private static SpecException assertRejectedMentioning(String yaml, String... fragments) {
        SpecException e = invalid(yaml);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
        return e;
    }

    @Test
    void gridIsCartesianWithFirstAxisSlowestAndSeedsFastest() {
        Sweep sweep = expand(BASE + """
                grid:
                  schedule.peak: [0.05, 0.1]
                  steps: [100, 200, 400]
                seeds: [5, 6]
                """);
        List<Double> peaks = List.of(0.05, 0.1);
        List<Integer> steps = List.of(100, 200, 400);
        List<Long> seeds = List.of(5L, 6L);
        assertEquals(12, sweep.runs().size());
        for (int p = 0; p < 2; p++) {
            for (int s = 0; s < 3; s++) {
                for (int k = 0; k < 2; k++) {
                    int index = (p * 3 + s) * 2 + k;
                    Sweep.Job run = sweep.runs().get(index);
                    assertEquals(index, run.index());
                    JsonNode spec = run.runSpec();
                    assertEquals(peaks.get(p), spec.at("/schedule/peak").asDouble());
                    assertEquals(steps.get(s), spec.get("steps").asInt());
                    assertEquals(seeds.get(k), spec.get("seed").asLong());
                    assertEquals(seeds.get(k), run.seed());
                    assertEquals(run.name(), spec.get("name").asText());
                    String expected = String.format(Locale.ROOT, "peak-%s_steps-%d_seed-%d", p == 0 ? "0.05" : "0.1", steps.get(s), seeds.get(k));
                    assertEquals(expected, run.name());
                    // fields no axis touches keep the base values
                    assertEquals(0.2, spec.at("/schedule/decayFraction").asDouble());
                    assertEquals(2, spec.at("/schedule/budgets").size());
                }
            }
        }
    }

    @Test
    void zipAxesVaryTogetherAfterTheGrid() {
        Sweep sweep = expand(BASE + """
                grid:
                  schedule.peak: [0.05, 0.1]
                zip:
                  steps: [100, 200, 300]
                  schedule.decayFraction: [0.1, 0.2, 0.3]
                """);
        assertEquals(6, sweep.runs().size());
        for (int i = 0; i < 6; i++) {
            JsonNode spec = sweep.runs().get(i).runSpec();
            int z = i % 3;
            assertEquals(i / 3 == 0 ? 0.05 : 0.1, spec.at("/schedule/peak").asDouble());
            assertEquals(100 * (z + 1), spec.get("steps").asInt());
            assertEquals(0.1 * (z + 1), spec.at("/schedule/decayFraction").asDouble(), 1e-15);
            assertEquals(10L, sweep.runs().get(i).seed(), "without seeds every run keeps the base seed");
        }
        assertEquals("peak-0.1_steps-300_decayFraction-0.3", sweep.runs().get(5).name());
        assertEquals(List.of("schedule.peak", "steps", "schedule.decayFraction"), sweep.axisPaths());
    }

    @Test
    void seedCountStartsAtTheBaseSeedAndIsRecordedExplicitly() {
        Sweep sweep = expand(BASE + "seeds: 3\n");
        assertEquals(List.of(10L, 11L, 12L), sweep.runs().stream().map(Sweep.Job::seed).toList());
        assertEquals(List.of("seed-10", "seed-11", "seed-12"), sweep.runs().stream().map(Sweep.Job::name).toList());
        assertEquals(List.of(10L, 11L, 12L), sweep.spec().seeds());
        // the recorded sweep re-expands to the same runs
        Sweep again = Sweep.expand(SweepSpec.parse(sweep.spec().toTree(), "x"), new FakeEngine());
        assertEquals(sweep.runs().stream().map(Sweep.Job::name).toList(), again.runs().stream().map(Sweep.Job::name).toList());
    }

    @Test
    void expansionIsDeterministic() {
        String yaml = BASE + "grid: {schedule.peak: [0.3, 0.1, 0.2]}\nseeds: [3, 1]\n";
        Sweep a = expand(yaml);
        Sweep b = expand(yaml);
        assertEquals(a.runs().size(), b.runs().size());
        for (int i = 0; i < a.runs().size(); i++) {
            assertEquals(a.runs().get(i).name(), b.runs().get(i).name());
            assertEquals(a.runs().get(i).runSpec(), b.runs().get(i).runSpec());
        }
        assertEquals("peak-0.3_seed-3", a.runs().get(0).name(), "values keep the order written, not sorted");
    }

    @Test
    void namesFollowTheDocumentedPatternAndAreFileSafe() {
        Sweep sweep = expand(BASE + """
                grid:
                  schedule.type: [wsd, cosine]
                  schedule.peak: [0.1, 0.0001]
                seeds: [3]
                """);
        assertEquals(List.of("type-wsd_peak-0.1_seed-3", "type-wsd_peak-0.0001_seed-3",
                "type-cosine_peak-0.1_seed-3", "type-cosine_peak-0.0001_seed-3"),
                sweep.runs().stream().map(Sweep.Job::name).toList());
    }

    @Test
    void sanitizedCollisionsAreDisambiguatedInExpansionOrder() {
        // "a/b" and "a b" both sanitize to "a-b"; "X" and "x" clash on case-insensitive file systems.
        assertEquals(List.of("k-a-b", "k-a-b-2", "k-a-b-3"), RunNames.unique(List.of("k-a-b", "k-a-b", "k-a-b")));
        assertEquals("a-b", RunNames.sanitize("a/b"));
        assertEquals("a-b", RunNames.sanitize("a b"));
        assertEquals("-1", RunNames.sanitize("-1"));
        assertEquals(List.of("k-X", "k-x-2"), RunNames.unique(List.of("k-X", "k-x")));
        // a suffix never takes a name another run already has
        assertEquals(List.of("k-a", "k-a-3", "k-a-2"), RunNames.unique(List.of("k-a", "k-a", "k-a-2")));

        Sweep sweep = expand(BASE + """
                grid:
                  schedule:
                    - {type: wsd, peak: 0.1, decayFraction: 0.1}
                    - {type: wsd, peak: 0.1, decayFraction: 0.2}
                    - {type: cosine, peak: 0.1}
                """);
        assertEquals(List.of("schedule-wsd", "schedule-wsd-2", "schedule-cosine"), sweep.runs().stream().map(Sweep.Job::name).toList());
        Set<String> lower = new HashSet<>();
        for (Sweep.Job run : sweep.runs()) {
            assertTrue(run.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*"), run.name());
            assertTrue(lower.add(run.name().toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void axesSharingALastKeyAreLabelledByTheirFullPath() {
        assertEquals(List.of("a-peak", "b-peak", "steps"), RunNames.labels(List.of("a.peak", "b.peak", "steps")));
        assertEquals(List.of("landscape-seed"), RunNames.labels(List.of("landscape.seed")), "never clashes with the seed component");
    }

    @Test
    void veryLongNamesAreShortenedUniquely() {
        String longText = "x".repeat(300);
        String a = RunNames.join(List.of(RunNames.component("k", longText)));
        String b = RunNames.join(List.of(RunNames.component("k", longText + "y")));
        assertTrue(a.length() <= 160 && b.length() <= 160);
        assertFalse(a.equals(b));
    }

    @Test
    void wholeMappingAxisCombinesWithDeeperAxes() {
        Sweep sweep = expand(BASE + """
                grid:
                  schedule: [{type: wsd, peak: 0.1, budgets: [50, 100]}, {type: cosine, peak: 0.1, budgets: [50, 100]}]
                  schedule.peak: [0.2, 0.4]
                """);
        assertEquals(List.of("schedule-wsd_peak-0.2", "schedule-wsd_peak-0.4", "schedule-cosine_peak-0.2", "schedule-cosine_peak-0.4"),
                sweep.runs().stream().map(Sweep.Job::name).toList());
        assertEquals("cosine", sweep.runs().get(3).runSpec().at("/schedule/type").asText());
        assertEquals(0.4, sweep.runs().get(3).runSpec().at("/schedule/peak").asDouble());
        assertFalse(sweep.runs().get(3).runSpec().get("schedule").has("decayFraction"), "a mapping value replaces the whole block");
    }

    @Test
    void changingATypeDropsKeysTheNewTypeDoesNotHave() {
        Sweep sweep = expand(BASE + "grid: {schedule.type: [wsd, cosine]}\n");
        Sweep.Job wsd = sweep.runs().get(0);
        Sweep.Job cosine = sweep.runs().get(1);
        assertEquals(0.2, wsd.runSpec().at("/schedule/decayFraction").asDouble());
        assertEquals(List.of(), wsd.dropped());
        assertFalse(cosine.runSpec().get("schedule").has("decayFraction"));
        assertEquals(List.of("schedule.decayFraction"), cosine.dropped());
        assertEquals(0.1, cosine.runSpec().at("/schedule/peak").asDouble(), "shared keys stay");
    }

    @Test
    void keysSetByAnAxisAreNeverDropped() {
        assertRejectedMentioning(BASE + "grid: {schedule.type: [wsd, cosine], schedule.decayFraction: [0.1]}\n",
                "type-cosine_decayFraction-0.1", "decayFraction");
    }

    @Test
    void overridingAFieldOfADefaultedBlockStartsFromItsResolvedValue() {
        // 'fail' is absent from the base; its resolved default (false) is a scalar, and a nested path
        // into a block missing from the base copies the resolved block (keeping its type).
        Sweep sweep = expand(BASE + "grid: {fail: [false, true]}\n");
        assertTrue(sweep.runs().get(1).runSpec().get("fail").asBoolean());
    }

    @Test
    void misspeltAxisFieldIsRejectedWithASuggestion() {
        assertEquals("grid.schedule.pek", assertRejectedMentioning(BASE + "grid: {schedule.pek: [0.1, 0.2]}\n", "did you mean 'peak'").field());
        assertEquals("zip.stpes", assertRejectedMentioning(BASE + "zip: {stpes: [1, 2]}\n", "did you mean 'steps'").field());
    }

    @Test
    void axisFieldThatDoesNotExistAnywhereIsRejectedNamingTheRun() {
        SpecException e = assertRejectedMentioning(BASE + "grid: {optimizer.momentum: [0.9]}\n", "unknown key 'optimizer'", "run 'momentum-0.9'");
        assertEquals("grid.optimizer.momentum", e.field());
    }

    @Test
    void valueInvalidForItsFieldIsRejectedNamingRunAndField() {
        SpecException e = assertRejectedMentioning(BASE + "grid: {schedule.peak: [0.1, -0.5]}\n", "run 'peak--0.5'",
                "schedule.peak: -0.5 is not allowed");
        assertEquals("grid.schedule.peak", e.field());
        assertRejectedMentioning(BASE + "grid: {steps: [100, fast]}\n", "run 'steps-fast'", "steps");
    }

    @Test
    void invalidBaseIsReportedUnderBase() {
        SpecException e = invalid("""
                base: {steps: 0, schedule: {type: wsd, peak: 0.1}}
                seeds: 2
                """);
        assertEquals("base.steps", e.field());
    }

    @Test
    void malformedSweepsAreRejected() {
        assertRejectedMentioning(BASE + "zip: {steps: [1, 2], schedule.peak: [0.1, 0.2, 0.3]}\n", "equal length");
        assertEquals("grid.steps", invalid(BASE + "grid: {steps: []}\n").field());
        assertEquals("grid", invalid(BASE + "grid: {}\n").field());
        assertEquals("grid.steps", invalid(BASE + "grid: {steps: 5}\n").field());
        assertEquals("grid.steps", invalid(BASE + "grid: {steps: [5, 5]}\n").field());
        assertEquals("zip.steps", invalid(BASE + "grid: {steps: [5]}\nzip: {steps: [6]}\n").field());
        assertEquals("grid.seed", invalid(BASE + "grid: {seed: [1, 2]}\n").field());
        assertEquals("seeds", invalid(BASE + "seeds: 0\n").field());
        assertEquals("seeds", invalid(BASE + "seeds: [1, 1]\n").field());
        assertEquals("seeds", invalid(BASE + "seeds: [1.5]\n").field());
        assertRejectedMentioning(BASE, "at least one axis");
        assertRejectedMentioning("grid: {steps: [1]}\n", "base");
        assertRejectedMentioning(BASE + "gird: {steps: [1]}\n", "did you mean 'grid'");
        assertEquals("grid.a..b", invalid(BASE + "grid: {a..b: [1]}\n").field());
        assertRejectedMentioning(BASE + "grid:\n  schedule.budgets[5]: [1]\n", "outside the list");
    }

    @Test
    void listIndicesCanBeSwept() {
        Sweep sweep = expand(BASE + "grid:\n  schedule.budgets[1]: [200, 400]\n");
        assertEquals(List.of("budgets-1-200", "budgets-1-400"), sweep.runs().stream().map(Sweep.Job::name).toList());
        assertEquals(400, sweep.runs().get(1).runSpec().at("/schedule/budgets/1").asInt());
        assertEquals(50, sweep.runs().get(1).runSpec().at("/schedule/budgets/0").asInt());
    }
}
