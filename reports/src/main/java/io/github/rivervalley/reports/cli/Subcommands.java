package io.github.rivervalley.reports.cli;

import picocli.CommandLine;

/** The list of subcommands of {@code rivervalley}: one line per command. */
final class Subcommands {

    private Subcommands() {
    }

    static void registerAll(CommandLine cli) {
        // Each subcommand is a picocli @Command class in this package.
        cli.addSubcommand(new ReportCommand());
        cli.addSubcommand(new ScheduleCommand());
        cli.addSubcommand(new RunCommand());
        cli.addSubcommand(new OptimizeCommand());
        cli.addSubcommand(new PhaseDiagramCommand());
        cli.addSubcommand(new SweepCommand());
        cli.addSubcommand(new MergeCommand());
        cli.addSubcommand(new DemoCommand());
        cli.addSubcommand(new BigramStudyCommand());
        cli.addSubcommand(new NotebookCommand());
        cli.addSubcommand(new ProbeCommand());
        cli.addSubcommand(new FitCommand());
        cli.addSubcommand(new PredictCommand());
    }
}
