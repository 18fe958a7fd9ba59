package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivervalley run}: files on success, exit 2 and nothing written on a bad spec. */
class RunCommandTest {

    private static final String SPEC = CliRun.tinyRunSpec("cli", 40);

    @Test
    void runWritesTheThreeFiles(@TempDir Path dir) throws Exception {
        CliRun result = CliRun.onSpec(dir, "run", SPEC, "--threads", "2");
        assertEquals(0, result.exit(), result.err());
        for (String file : List.of("trace.csv", "summary.json", "spec.yaml")) {
            assertTrue(Files.isRegularFile(dir.resolve("out/cli/" + file)), file);
        }
        assertTrue(result.out().contains("main: step 40"), result.out());
    }

    @Test
    void badSpecExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        CliRun result = CliRun.onSpec(dir, "run", SPEC.replace("replicas: 2", "replicas: 0"));
        result.assertRefused("error: replicas: 0 is not allowed");
        assertFalse(Files.exists(dir.resolve("out/cli")));
        assertEquals(Main.BAD_INPUT, CliRun.execute("run", CliRun.specFile(dir, "run").toString(), "--threads", "0").exit());
    }

    @Test
    void overridesChangeTheSpecAndNameTheRunAfterThem(@TempDir Path dir) throws Exception {
        CliRun result = CliRun.onSpec(dir, "run", SPEC, "schedule.peak=0.05", "optimizer.type=adam", "noise.type=none");
        assertEquals(0, result.exit(), result.err());
        try (var list = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("cli_peak-0.05_optimizer-type-adam_noise-type-none"), list.map(p -> p.getFileName().toString()).toList());
        }
        String resolved = Files.readString(dir.resolve("out/cli_peak-0.05_optimizer-type-adam_noise-type-none/spec.yaml"));
        assertTrue(resolved.contains("peak: 0.05"), resolved);
        assertTrue(resolved.contains("type: \"adam\"") || resolved.contains("type: adam"), resolved);
        assertFalse(Files.exists(dir.resolve("out/cli")), "the unmodified run's directory must not be written");
    }

    @Test
    void aBadOverrideIsRejectedLikeABadSweepAxis(@TempDir Path dir) throws Exception {
        CliRun misspelt = CliRun.onSpec(dir, "run", SPEC, "schedule.paek=0.05");
        misspelt.assertRefused("error: schedule.paek: 'paek' is not a field of schedule; did you mean 'peak'?");
        CliRun negative = CliRun.onSpec(dir, "run", SPEC, "schedule.peak=-1");
        negative.assertRefused("schedule.peak", "-1");
        CliRun noEquals = CliRun.onSpec(dir, "run", SPEC, "schedule.peak");
        noEquals.assertRefused("is not PATH=VALUE");
        // The field named once, by its path in the run spec, as without overrides.
        CliRun badValue = CliRun.onSpec(dir, "run", SPEC, "optimizer.type=adma");
        badValue.assertRefused("error: optimizer.type: with optimizer.type=adma: ");
        assertEquals(1, badValue.err().split("optimizer\\.type: ", -1).length - 1, badValue.err());
        // An error in the spec itself (not in an override) names the spec's field, not the sweep's "base.".
        CliRun specError = CliRun.onSpec(dir, "run", SPEC.replace("replicas: 2", "replicas: 0"), "schedule.peak=0.05");
        specError.assertRefused("error: replicas: ");
        assertFalse(specError.err().contains("base."), specError.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
