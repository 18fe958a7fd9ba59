package io.github.rivervalley.reports.cli;

import io.github.rivervalley.reports.chart.ChartFormats;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that writes charts and reports on standard output ({@code bigram-study}, {@code demo},
 * {@code fit}, {@code probe}, {@code report}): the {@code --formats} option is checked before any work
 * starts, and standard output is flushed once the work is done. A subclass names the command (its
 * {@code @Command}), declares its other options and does the work in {@link #run}.
 */
abstract class ChartCommand implements Callable<Integer> {

    @Mixin
    FormatsOption formats;

    @Spec
    CommandSpec command;

    @Override
    public final Integer call() {
        ChartFormats chartFormats = formats.parse();
        PrintWriter stdout = command.commandLine().getOut();
        run(chartFormats, stdout);
        stdout.flush();
        return 0;
    }

    /** Does the command's work, writing charts in {@code chartFormats} and printing what it wrote to {@code stdout}. */
    abstract void run(ChartFormats chartFormats, PrintWriter stdout);
}
