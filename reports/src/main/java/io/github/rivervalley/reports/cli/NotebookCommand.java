package io.github.rivervalley.reports.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rivervalley notebook [FILE.jsh]}. The {@code rivervalley} launcher script handles this command
 * itself (it starts jshell); the jar only explains how, so that {@code --help} lists it and a direct
 * {@code java -jar} call gets directions instead of an unknown-command error.
 */
@Command(name = "notebook",
        mixinStandardHelpOptions = true,
        header = "Open jshell with the notebook API, or run a notebook.",
        description = {
            "Opens jshell with the project on the class path and the notebook API imported",
            "(notebooks/startup.jsh; type help() inside). With FILE.jsh, runs that notebook",
            "unattended, e.g. ./rivervalley notebook notebooks/02-wsd-vs-cosine.jsh. Charts",
            "are saved as PNG, 2x PNG, SVG and PDF under notebooks/out/ (or",
            "$RIVERVALLEY_NOTEBOOK_OUT). Started by the ./rivervalley launcher script, not",
            "by the jar itself."
        })
final class NotebookCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.jsh", description = "a notebook to run unattended")
    String file;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().getErr().println("rivervalley notebook runs through the launcher script: ./rivervalley notebook"
                + (file == null ? "" : " " + file) + "\n(it starts jshell with this jar on the class path and notebooks/startup.jsh)");
        return 2;
    }
}
