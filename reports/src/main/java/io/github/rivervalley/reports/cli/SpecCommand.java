package io.github.rivervalley.reports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command of the form {@code rivervalley NAME SPEC.yaml [--out DIR]} ({@code run}, {@code optimize},
 * {@code phase-diagram}): it reads one spec, writes what it computes under {@code DIR/<name>/} and says so on
 * standard output. Those options and the printing are declared here once; a subclass names the command (its
 * {@code @Command}) and does the work in {@link #run}.
 */
abstract class SpecCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "${COMMAND-NAME} spec (YAML); see docs/spec.md")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public final Integer call() {
        PrintWriter stdout = command.commandLine().getOut();
        run(stdout);
        stdout.flush();
        return 0;
    }

    /** Reads {@link #spec}, writes under {@link #out} and prints what it wrote to {@code stdout}. */
    abstract void run(PrintWriter stdout);
}
