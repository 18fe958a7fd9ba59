package io.github.rivervalley.reports.cli;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.io.IoErrors;
import io.github.rivervalley.simulator.spec.SpecException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code rivervalley} command line.
 *
 * <p>Exit codes: 0 success, 1 a failure while running (an I/O error, say), 2 bad input (an invalid
 * spec or option; the message names the field, the value and what is allowed), 3 a merge with missing
 * runs, 4 a sweep directory in use by another process.
 */
public final class Main {

    /** Exit code for input the program rejects. */
    public static final int BAD_INPUT = 2;

    /** Exit code when the directory is in use by another process (a sweep's lock is held). */
    public static final int BUSY = 4;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        System.exit(run(args));
    }

    /** Runs the command line with the given arguments and returns its exit code (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, with every subcommand registered. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RiverValleyCommand());
        Subcommands.registerAll(cli);
        return configure(cli);
    }

    /**
     * Gives {@code cli} the program's error handling (the exit codes above, messages without stack traces) and
     * case-insensitive enum values; the benchmark jar's {@code bench} command uses it too.
     */
    public static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof SpecException || e instanceof InvalidValueException
                || e instanceof io.github.rivervalley.simulator.results.read.TraceFormatException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof io.github.rivervalley.simulator.sweep.SweepLock.DirectoryBusyException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BUSY;
        }
        // I/O errors carry the system's reason ("No space left on device") in their cause: show it.
        err.println("error: " + (e.getMessage() == null && !IoErrors.involvesIo(e) ? e.toString() : IoErrors.describe(e)));
        if (Boolean.getBoolean("rivervalley.debug")) {
            e.printStackTrace(err);
        } else {
            err.println("(run with JAVA_OPTS=-Drivervalley.debug=true for the stack trace)");
        }
        err.flush();
        return 1;
    }
}
