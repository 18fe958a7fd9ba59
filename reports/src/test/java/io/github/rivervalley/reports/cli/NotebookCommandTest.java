package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The launcher script runs {@code notebook}; the jar lists it and points a direct call at the script. */
class NotebookCommandTest {

    @Test
    void helpListsTheNotebookCommand() {
        CliRun help = CliRun.execute("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("notebook"), help.out());
    }

    @Test
    void aDirectCallSaysToUseTheLauncher() {
        CliRun result = CliRun.execute("notebook", "notebooks/01-river-valley.jsh");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("./rivervalley notebook notebooks/01-river-valley.jsh"), result.err());
    }
}
