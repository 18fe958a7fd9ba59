package io.github.rivervalley.reports.cli;

import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.notebook.NotebookCharts;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.io.Csv;
import io.github.rivervalley.simulator.schedulesearch.PhaseDiagram;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rivervalley phase-diagram SPEC.yaml --out DIR}: which decay shape wins, against budget / relaxation time. */
@Command(name = "phase-diagram",
        mixinStandardHelpOptions = true,
        header = "Chart where a linear WSD decay beats an inverse-proportional one, and the reverse.",
        description = {
            "Reads a phase-diagram spec (budget, peak, river slope, hill noise levels,",
            "floor, and the values of budget / relaxation time N/T with T = 1/(2 eta",
            "lambda); see docs/spec.md), finds for each point the best decay fraction of a",
            "linear and of an inverse-proportional WSD decay on the exact expected loss of",
            "a one-mode straight valley, and writes DIR/<name>/phase.csv and",
            "charts/linear-advantage (the inverse-proportional loss minus the linear one:",
            "above 0 linear wins) and charts/decay-fraction (the winner's decay fraction),",
            "against log10(N/T), one line per noise level. Deterministic."
        })
final class PhaseDiagramCommand extends SpecCommand {

    @Mixin
    FormatsOption formats;

    @Override
    void run(PrintWriter stdout) {
        ChartFormats chartFormats = formats.parse();
        PhaseDiagram diagram = SpecReader.instance().read(spec, PhaseDiagram.class);
        List<PhaseDiagram.Point> points = diagram.compute();
        Path dir = out.resolve(diagram.name());
        StringBuilder csv = new StringBuilder("noise,budget_over_relaxation,linear_loss,inverse_proportional_loss,linear_advantage,"
                + "linear_fraction,inverse_proportional_fraction,winner\n");
        for (PhaseDiagram.Point p : points) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s%n", p.noise(), p.ratio(), p.linear(), p.inverse(),
                    p.linearAdvantage(), p.linearFraction(), p.inverseFraction(), Csv.field(p.linearAdvantage() >= 0 ? "linear" : "inverse-proportional")));
        }
        AtomicFile.writeString(dir.resolve("phase.csv"), csv.toString());
        List<NotebookCharts.Series> advantage = new ArrayList<>();
        List<NotebookCharts.Series> fraction = new ArrayList<>();
        for (double sigma : diagram.noise()) {
            List<PhaseDiagram.Point> line = points.stream().filter(p -> p.noise() == sigma).toList();
            double[] x = line.stream().mapToDouble(p -> Math.log10(p.ratio())).toArray();
            String name = "noise " + sigma;
            advantage.add(NotebookCharts.series(name, x, line.stream().mapToDouble(PhaseDiagram.Point::linearAdvantage).toArray()));
            fraction.add(NotebookCharts.series(name, x, line.stream().mapToDouble(PhaseDiagram.Point::optimalFraction).toArray()));
        }
        Path charts = dir.resolve("charts");
        String xLabel = "log10(budget / relaxation time at the peak)";
        ChartFiles.write(NotebookCharts.lines(diagram.name() + ": inverse-proportional loss - linear loss (> 0: linear wins)", xLabel,
                "loss difference", advantage.toArray(NotebookCharts.Series[]::new)), charts, "linear-advantage", 1000, 600, chartFormats);
        ChartFiles.write(NotebookCharts.lines(diagram.name() + ": decay fraction of the better shape", xLabel, "decay fraction",
                fraction.toArray(NotebookCharts.Series[]::new)), charts, "decay-fraction", 1000, 600, chartFormats);
        stdout.println("wrote " + dir + " (phase.csv, charts/linear-advantage, charts/decay-fraction)");
        for (PhaseDiagram.Point p : points) {
            stdout.println(String.format(Locale.ROOT, "  noise %-5s N/T %-8s %-20s by %.3g (fraction %.3f)", p.noise(), p.ratio(),
                    p.linearAdvantage() >= 0 ? "linear" : "inverse-proportional", Math.abs(p.linearAdvantage()), p.optimalFraction()));
        }
    }
}
