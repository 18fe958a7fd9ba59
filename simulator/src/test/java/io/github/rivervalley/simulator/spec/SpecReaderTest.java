package io.github.rivervalley.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages of {@link SpecReader}: field paths, did-you-mean hints, wrong kinds of value, bad files. */
class SpecReaderTest {

    private final SpecReader reader = SpecReader.instance();

    private SpecException reject(String yaml) {
        return assertThrows(SpecException.class, () -> reader.read(yaml, "spec.yaml", ScheduleFileSpec.class).build());
    }

    private static void assertMessage(SpecException e, String field, String... phrases) {
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase), "'" + phrase + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void unknownKeyInsideAListElementGetsTheFullPathAndASuggestion() {
        SpecException e = reject("steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: warmup, steps: 5}, {kind: constant, stpes: 5}]}");
        assertMessage(e, "schedule.phases[1].stpes", "unknown key 'stpes'", "did you mean 'steps'?", "allowed keys: end, from, kind, level");
    }

    @Test
    void unknownKeyFarFromEveryValidKeyGetsNoSuggestionButTheList() {
        SpecException e = reject("steps: 10\nschedule: {type: constant, peak: 1, zzzzqq: 3}");
        assertMessage(e, "schedule.zzzzqq", "unknown key 'zzzzqq'", "allowed keys: budgets, peak, warmup, warmupShape");
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
        assertFalse(e.getMessage().contains("type,"), "the type property is not listed as a key: " + e.getMessage());
    }

    @Test
    void misspeltRequiredKeyIsReportedAsAMisspellingNotAsMissing() {
        SpecException e = reject("steps: 10\nschedule: {type: constant, peek: 1}");
        assertMessage(e, "schedule.peek", "unknown key 'peek'", "did you mean 'peak'?");
        SpecException top = reject("stesp: 10\nschedule: {type: constant, peak: 1}");
        assertMessage(top, "stesp", "did you mean 'steps'?");
    }

    @Test
    void wrongKindsOfValueNameTheExpectedKind() {
        assertMessage(reject("steps: [1, 2]\nschedule: {type: constant, peak: 1}"), "steps", "wrong kind of value", "a whole number");
        assertMessage(reject("steps: 10\nschedule: {type: constant, peak: high}"), "schedule.peak", "a number");
        assertMessage(reject("steps: 10.5\nschedule: {type: constant, peak: 1}"), "steps", "a whole number");
        assertMessage(reject("steps: 10\nschedule: {type: constant, peak: 1, budgets: 10}"), "schedule.budgets", "a list");
        assertMessage(reject("steps: 10\nschedule: {type: constant, peak: 1, warmupShape: sqrt}"), "schedule.warmupShape",
                "'sqrt' is not allowed", "one of linear, cosine, 1-sqrt");
    }

    @Test
    void recordValidationGetsThePathOfTheRecordPrefixed() {
        SpecException e = reject("steps: 10\nschedule: {type: piecewise, peak: 1, phases: [{kind: constant, steps: 10, level: 2.0}]}");
        assertMessage(e, "schedule.phases[0].level", "2.0 is not allowed", "(0, 1]");
        assertTrue(e.getCause() != null, "the cause is kept for --debug stack traces");
    }

    @Test
    void unknownTypeNameSuggestsTheClosestAndListsAll() {
        SpecException e = reject("steps: 10\nschedule: {type: cyclic-cosin, peak: 1}");
        assertMessage(e, "schedule.type", "'cyclic-cosin' is not a known type", "did you mean 'cyclic-cosine'?",
                "constant, cosine, cyclic-cosine, piecewise, wsd, wsd-s");
    }

    @Test
    void badFilesAreOneClearMessage(@TempDir Path dir) throws Exception {
        SpecException missing = assertThrows(SpecException.class, () -> reader.read(dir.resolve("nope.yaml"), ScheduleFileSpec.class));
        assertTrue(missing.getMessage().contains("nope.yaml does not exist"), missing.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertTrue(assertThrows(SpecException.class, () -> reader.read(empty, ScheduleFileSpec.class)).getMessage().contains("is empty"));
        Path list = Files.writeString(dir.resolve("list.yaml"), "- 1\n- 2\n");
        assertTrue(assertThrows(SpecException.class, () -> reader.read(list, ScheduleFileSpec.class)).getMessage()
                .contains("expected a YAML mapping"));
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "steps: 10\nschedule: {type: constant, peak: 1\n");
        String message = assertThrows(SpecException.class, () -> reader.read(broken, ScheduleFileSpec.class)).getMessage();
        assertTrue(message.contains("not valid YAML") && message.contains("line"), message);
    }

    @Test
    void specsWrittenBackReadAsTheSameRecord() {
        ScheduleFileSpec spec = reader.read("steps: 100\nschedule: {type: wsd-s, peak: 0.5, warmup: 5, budgets: [50, 100],"
                + " decayShape: 1-sqrt, rewarmup: 3}", "spec.yaml", ScheduleFileSpec.class);
        String yaml = reader.toYaml(spec);
        assertTrue(yaml.contains("type: wsd-s") && yaml.contains("1-sqrt"), yaml);
        assertEquals(spec, reader.read(yaml, "again.yaml", ScheduleFileSpec.class));
    }

    @Test
    void suggestionsAllowAboutOneEditInThree() {
        assertEquals(Optional.of("warmup"), Suggestions.closest("warmpu", List.of("peak", "warmup", "floor")));
        assertEquals(Optional.of("decayShape"), Suggestions.closest("DecayShape", List.of("decayShape", "warmupShape")));
        assertEquals(Optional.empty(), Suggestions.closest("zzzzqq", List.of("peak", "warmup", "floor")));
        assertEquals(Optional.of("wsd"), Suggestions.closest("wsx", List.of("wsd", "cosine")));
        assertEquals(1, Suggestions.editDistance("ab", "ba"), "a transposition is one edit");
    }
}
