package io.github.rivervalley.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad schedule specs are rejected with one message that names the field by its path, shows the bad
 * value and says what is allowed.
 */
class ScheduleSpecRejectionTest {

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("unknown key with a suggestion", "steps: 100\nschedule: {type: wsd, peak: 1, warmpu: 5}",
                        "schedule.warmpu", "unknown key 'warmpu'", "did you mean 'warmup'?"),
                bad("unknown top-level key", "steps: 100\nschedul: {type: wsd, peak: 1}",
                        "schedul", "did you mean 'schedule'?"),
                bad("typo in the type name", "steps: 100\nschedule: {type: wsd-z, peak: 1}",
                        "schedule.type", "'wsd-z' is not a known type", "did you mean 'wsd-s'?", "cyclic-cosine"),
                bad("missing type", "steps: 100\nschedule: {peak: 1}", "schedule.type", "missing"),
                bad("negative steps", "steps: -5\nschedule: {type: constant, peak: 1}", "steps", "-5", "> 0"),
                bad("missing peak", "steps: 5\nschedule: {type: constant}", "schedule.peak", "required"),
                bad("floor above 1", "steps: 100\nschedule: {type: wsd, peak: 1, floor: 1.5}", "schedule.floor", "1.5", "[0.0, 1.0]"),
                bad("floor below 0", "steps: 100\nschedule: {type: cosine, peak: 1, floor: -0.1}", "schedule.floor", "-0.1"),
                bad("floor 0 for exponential decay", "steps: 100\nschedule: {type: wsd, peak: 1, floor: 0, decayShape: exponential}",
                        "schedule.floor", "(0, 1]", "exponential"),
                bad("unknown decay shape", "steps: 100\nschedule: {type: wsd, peak: 1, decayShape: cosin}",
                        "schedule.decayShape", "'cosin'", "inverse-proportional"),
                bad("warmup longer than the run", "steps: 100\nschedule: {type: constant, peak: 1, warmup: 101}",
                        "schedule.warmup", "101", "[0, 100]"),
                bad("warmup past the first decay", "steps: 1000\nschedule: {type: wsd, peak: 1, warmup: 950}",
                        "schedule.warmup", "950", "[0, 900]"),
                bad("cosine warmup as long as the run", "steps: 100\nschedule: {type: cosine, peak: 1, warmup: 100}",
                        "schedule.warmup", "100", "[0, 99]"),
                bad("budgets not increasing", "steps: 100\nschedule: {type: wsd, peak: 1, budgets: [50, 40, 100]}",
                        "schedule.budgets", "[50, 40, 100]", "strictly increasing"),
                bad("last budget is not steps", "steps: 100\nschedule: {type: wsd-s, peak: 1, budgets: [50, 90]}",
                        "schedule.budgets", "[50, 90]", "steps (100)"),
                bad("decay fraction of 1", "steps: 100\nschedule: {type: wsd, peak: 1, decayFraction: 1.0}",
                        "schedule.decayFraction", "1.0", "(0, 1)"),
                bad("decay rounds to no step", "steps: 100\nschedule: {type: wsd, peak: 1, decayFraction: 0.001}",
                        "schedule.decayFraction", "0.001", "at least one step"),
                bad("re-warmup longer than the stable stretch",
                        "steps: 200\nschedule: {type: wsd-s, peak: 1, budgets: [100, 200], rewarmup: 91}",
                        "schedule.rewarmup", "91", "at most 90"),
                bad("re-warmup filling a whole cycle",
                        "steps: 200\nschedule: {type: cyclic-cosine, peak: 1, budgets: [100, 200], rewarmup: 110}",
                        "schedule.rewarmup", "110", "at most 109"),
                bad("negative re-warmup", "steps: 100\nschedule: {type: wsd-s, peak: 1, rewarmup: -1}", "schedule.rewarmup", "-1"),
                bad("steps as text", "steps: '100'\nschedule: {type: constant, peak: 1}", "steps", "whole number"),
                bad("gap between phases", "steps: 100\nschedule: {type: piecewise, peak: 1, phases: ["
                        + "{kind: warmup, steps: 10}, {kind: constant, start: 12, end: 100}]}",
                        "schedule.phases[1].start", "12", "10, where the previous phase ends", "without gaps or overlaps"),
                bad("overlapping phases", "steps: 100\nschedule: {type: piecewise, peak: 1, phases: ["
                        + "{kind: warmup, end: 10}, {kind: constant, end: 8}, {kind: constant, end: 100}]}",
                        "schedule.phases[1].end", "8", "a step after the phase's start 10", "without gaps or overlaps"),
                bad("phases short of steps", "steps: 100\nschedule: {type: piecewise, peak: 1, phases: [{kind: constant, steps: 90}]}",
                        "schedule.phases", "ending at step 90", "[0, 100)"),
                bad("phase with zero steps", "steps: 100\nschedule: {type: piecewise, peak: 1, phases: [{kind: constant, steps: 0}]}",
                        "schedule.phases[0].steps", "0", "> 0"),
                bad("phase with both steps and end", "steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: constant, steps: 10, end: 10}]}",
                        "schedule.phases[0].end", "one of steps and end"),
                bad("misspelt phase kind", "steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: decya, steps: 10, to: 0.1}]}",
                        "schedule.phases[0].kind", "'decya'", "did you mean 'decay'?"),
                bad("decay without a target", "steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: decay, steps: 10}]}",
                        "schedule.phases[0].to", "the ratio of the peak the decay ends at"),
                bad("decay that rises", "steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: decay, steps: 10, from: 0.2, to: 0.5}]}",
                        "schedule.phases[0].to", "0.5", "<= from"),
                bad("shape on a constant phase", "steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: constant, steps: 10, shape: linear}]}",
                        "schedule.phases[0].shape", "no shape on a constant phase"),
                bad("branch of an unknown line", "steps: 10\nschedule: {type: piecewise, peak: 1, lines: ["
                        + "{name: main, phases: [{kind: constant, steps: 10}]},"
                        + "{name: b, parent: mian, phases: [{kind: decay, start: 5, steps: 5, to: 0.1}]}]}",
                        "schedule.lines[1].parent", "mian", "[main]"),
                bad("branch forked after its parent ends", "steps: 20\nschedule: {type: piecewise, peak: 1, lines: ["
                        + "{name: main, phases: [{kind: constant, steps: 10}]},"
                        + "{name: b, parent: main, phases: [{kind: decay, start: 11, steps: 9, to: 0.1}]}]}",
                        "schedule.lines[1].phases[0].start", "11", "[0, 10]"),
                bad("both phases and lines", "steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: constant, steps: 10}],"
                        + " lines: [{name: main, phases: [{kind: constant, steps: 10}]}]}",
                        "schedule.lines", "not both"),
                // Issue 17, item 6: a line name is a CSV field of trace.csv, restricted as run names are.
                bad("line name with a comma", "steps: 10\nschedule: {type: piecewise, peak: 1,"
                        + " lines: [{name: main, phases: [{kind: constant, steps: 10}]}, {name: 'a,b', parent: main, phases: [{kind: decay, start: 5, end: 10, to: 0.1}]}]}",
                        "schedule.lines[1].name", "'a,b'", "letters, digits, '.', '_' and '-'"),
                bad("line name with a line break", "steps: 10\nschedule: {type: piecewise, peak: 1,"
                        + " lines: [{name: \"x\\ny\", phases: [{kind: constant, steps: 10}]}]}",
                        "schedule.lines[0].name", "letters, digits"));
    }

    private static Arguments bad(String name, String yaml, String field, String... phrases) {
        return Arguments.of(name, yaml, field, phrases);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void isRejectedWithAClearMessage(String name, String yaml, String field, String[] phrases) {
        SpecReader reader = SpecReader.instance();
        SpecException e = assertThrows(SpecException.class, () -> reader.read(yaml, "spec.yaml", ScheduleFileSpec.class).build());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), "'" + phrase + "' missing from: " + e.getMessage());
        }
    }
}
