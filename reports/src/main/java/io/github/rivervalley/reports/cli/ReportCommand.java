package io.github.rivervalley.reports.cli;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.html.HtmlReport;
import io.github.rivervalley.simulator.results.read.TraceReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rivervalley report DIR --out REPORTDIR}: the static HTML report of every run under DIR. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write an HTML report with charts of every run under a directory.",
        description = {"Writes a static HTML report (index.html and every chart as PNG, 2x PNG,",
            "SVG and PDF, or the --formats asked for) of every run under DIR",
            "(directories holding a summary.json, as written by 'rivervalley run'",
            "or 'rivervalley sweep'). Re-running replaces it; a REPORTDIR that is",
            "neither empty nor an earlier report is refused."})
final class ReportCommand extends ChartCommand {

    /** The most points per line a report draws (far more than a chart has pixels). */
    static final int MAX_POINTS = 1 << 20;

    @Parameters(index = "0", paramLabel = "DIR", description = "directory of runs (searched recursively)")
    Path directory;

    @Option(names = "--out", paramLabel = "REPORTDIR", description = "where to write the report (default: DIR/report)")
    Path out;

    @Option(names = "--points", paramLabel = "N", defaultValue = "1024",
            description = "points per line and chart (default: ${DEFAULT-VALUE}); longer traces are bucketed, keeping min, max and mean")
    int points;

    @Option(names = "--per-run-charts", paramLabel = "WHEN", defaultValue = "auto",
            description = "charts of each run: auto (default: not for a sweep of more than "
                + HtmlReport.SUMMARY_ABOVE + " runs, whose report is a summary), always, never")
    HtmlReport.PerRunCharts perRunCharts;

    @Mixin
    ThreadsOption threads;

    @Override
    void run(ChartFormats chartFormats, PrintWriter stdout) {
        if (points < 2 || points % 2 != 0 || points > MAX_POINTS) {
            // Each point keeps mean, min and max of every column of every line: cap it well below the heap.
            throw new InvalidValueException("--points", points, "an even number in [2, " + MAX_POINTS + "]");
        }
        int n = threads.count();
        Path target = out != null ? out : directory.resolve("report");
        long start = System.nanoTime();
        HtmlReport.Written result = new HtmlReport(new TraceReader(points), n, perRunCharts, chartFormats).write(directory, target);
        stdout.printf("report: %d run%s, %d charts in %.1f s%n%s%n", result.runs(), result.runs() == 1 ? "" : "s",
                result.charts(), (System.nanoTime() - start) / 1e9, result.index());
    }
}
