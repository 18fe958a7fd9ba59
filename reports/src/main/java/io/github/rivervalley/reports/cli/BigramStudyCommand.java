package io.github.rivervalley.reports.cli;

import io.github.rivervalley.bigram.study.BigramStudy;
import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.chart.ComparisonChart;
import io.github.rivervalley.reports.html.HtmlReport;
import io.github.rivervalley.simulator.results.read.Downsampler;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.spec.RunSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rivervalley bigram-study SPEC.yaml --out DIR}: WSD, WSD-S, cosine and constant learning rate at equal
 * compute on one bigram dataset and model, with the per-group split of every decay's loss drop.
 */
@Command(name = "bigram-study",
        mixinStandardHelpOptions = true,
        header = "Compare schedules on a bigram language model, split by token group.",
        description = {
            "Trains one bigram model with WSD, WSD-S, cosine and a constant learning rate",
            "at equal compute and splits every decay's loss drop by token group (river:",
            "every token's entropy <= 0.05 nats; hill: the others). Writes",
            "DIR/<name>-<schedule>/ run directories, decay-shares.csv, final-groups.csv,",
            "group-curves.csv, study.json, study.txt (with the schedules ranked by final",
            "loss), charts/excess-<group> (each group's excess over its entropy for every",
            "run, in every chart format or the --formats asked for) and the HTML report",
            "DIR/report/index.html. The results do not depend on --threads."
        })
final class BigramStudyCommand extends ChartCommand {

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "study spec (YAML); see README, Bigram study")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output directory")
    Path out;

    @Mixin
    ThreadsOption threads;

    @Override
    void run(ChartFormats chartFormats, PrintWriter stdout) {
        int n = threads.count();
        BigramStudy study = BigramStudy.read(spec);
        BigramStudy.Comparison result = study.run(out, n);
        // The study's runs as the report reads them back, straight from memory.
        List<RecordedRun> runs = new ArrayList<>();
        for (BigramStudy.Outcome o : result.outcomes()) {
            runs.add(Runs.of(out.resolve(o.run().name()), o.trace().summary(), o.specYaml(), Downsampler.of(o.trace(), o.run().schedule())));
        }
        for (int g = 0; g < result.data().groupCount(); g++) {
            String column = "excess_" + result.data().groupName(g);
            JFreeChart chart = ComparisonChart.of(column).onLogAxis().draw(runs); // the excess falls by orders of magnitude
            chart.setTitle("Excess over the entropy of " + result.data().groupLabel(g) + ", every run");
            ChartFiles.write(chart, out.resolve("charts"), column.replace('_', '-'), WIDTH, HEIGHT, chartFormats);
        }
        List<RecordedRun> byDirectory = runs.stream().sorted(Comparator.comparing(RecordedRun::directory)).toList(); // as Runs.find lists them
        HtmlReport.Written report = new HtmlReport(n, HtmlReport.PerRunCharts.AUTO, chartFormats)
                .write(out, byDirectory, out.resolve("report"));
        stdout.print(BigramStudy.text(result));
        stdout.println();
        stdout.println("wrote " + out + " (" + String.join(", ", study.runs().stream().map(RunSpec::name).toList())
                + ", decay-shares.csv, final-groups.csv, group-curves.csv, study.json, study.txt, charts/excess-<group> (" + chartFormats + "))");
        stdout.println("report: " + report.index());
    }

    /** Size of the per-group charts, in pixels (PNG) and user units (SVG). */
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
}
