package io.github.rivervalley.reports.cli;

import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.demo.DemoStudy;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rivervalley demo [--out DIR]}: runs the built-in study and writes its report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Run the built-in study of five schedules and write its HTML report.",
        description = {"Runs the built-in study: SGD in a winding river valley under WSD,",
            "WSD-S, cosine, cyclic cosine and constant LR with checkpoint budgets",
            "1000:2000:4000. Writes its HTML report, prints the loss at each budget",
            "and the path of index.html. Takes well under a minute."})
final class DemoCommand extends ChartCommand {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rivervalley-demo",
            description = {"output directory for specs/, runs/ and report/",
                "(default: ${DEFAULT-VALUE})"})
    Path out;

    @Mixin
    ThreadsOption threads;

    @Override
    void run(ChartFormats chartFormats, PrintWriter log) {
        int n = threads.count();
        long start = System.nanoTime();
        DemoStudy.Study result = DemoStudy.run(out, n, log, chartFormats);
        log.println();
        log.print(DemoStudy.table(result.summaries()));
        log.printf("%nthe study took %.1f s; open the report:%n%s%n", (System.nanoTime() - start) / 1e9, result.report().index());
    }
}
