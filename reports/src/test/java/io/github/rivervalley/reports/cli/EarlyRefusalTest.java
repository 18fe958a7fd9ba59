package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs that could only fail late, or that would be silently reinterpreted, are refused up front with a
 * message that says what is wrong (issue 17, item 11).
 */
class EarlyRefusalTest {

    private static final String RUN = """
            name: early
            steps: 100
            landscape: {type: straight-valley, hillCurvature: 3.0}
            optimizer: {type: gd}
            schedule: {type: constant, peak: 0.1}
            """;

    @TempDir
    Path tmp;

    private String refused(String command, String yaml) throws IOException {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), yaml);
        CliRun run = CliRun.execute(command, spec.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, run.exit(), run.err());
        assertFalse(Files.exists(tmp.resolve("out")) && tmp.resolve("out").toFile().list().length > 0, "nothing written");
        return run.err();
    }

    @Test
    void aStudyNameTooLongForItsRunDirectoriesIsRefusedBeforeTheFirstRun() throws IOException {
        String study = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("examples/bigram/bigram-synthetic.yaml"))
                .replace("name: bigram-synthetic", "name: " + "n".repeat(250));
        String err = refused("bigram-study", study);
        assertTrue(err.startsWith("error: name: a name of 250 characters is not allowed; expected at most"), err);
        String run = refused("run", RUN.replace("name: early", "name: " + "r".repeat(250)));
        assertTrue(run.startsWith("error: name: a name of 250 characters is not allowed; expected at most 200"), run);
    }

    @Test
    void aRewarmupWithASingleBudgetIsRefused() throws IOException {
        String err = refused("run", RUN.replace("{type: constant, peak: 0.1}", "{type: wsd-s, peak: 0.1, rewarmup: 1000000}"));
        assertTrue(err.startsWith("error: schedule.rewarmup: 1000000 is not allowed; expected 0 with a single budget"), err);
    }

    @Test
    void aNumberWhereTextBelongsIsRefused() throws IOException {
        String err = refused("run", RUN.replace("name: early", "name: 123"));
        assertTrue(err.startsWith("error: name: "), err);
        assertTrue(err.contains("text"), err);
    }

    @Test
    void aliasesAndMergeKeysAreRefusedSayingSo() throws IOException {
        String alias = refused("run", "seed: &st 7\n" + RUN.replace("steps: 100", "steps: 100\nreplicas: *st"));
        assertTrue(alias.contains("alias"), alias);
        String merge = refused("run", RUN.replace("optimizer: {type: gd}", "defaults: &d {type: gd}\noptimizer: {<<: *d}"));
        assertTrue(merge.contains("alias") || merge.contains("merge key"), merge);
    }
}
