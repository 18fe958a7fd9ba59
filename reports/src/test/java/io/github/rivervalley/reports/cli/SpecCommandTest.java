package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The options {@link SpecCommand} declares once show in the help of every command built on it, named for that command. */
class SpecCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"run", "optimize", "phase-diagram"})
    void helpNamesTheCommandsOwnSpecAndTheSharedOptions(String command) {
        CliRun help = CliRun.execute(command, "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains(command + " spec (YAML); see docs/spec.md"), help.out());
        assertTrue(help.out().contains("--out=DIR") && help.out().contains("output directory (default: runs)"), help.out());
    }
}
