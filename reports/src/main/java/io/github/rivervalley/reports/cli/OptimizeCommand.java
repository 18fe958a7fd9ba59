package io.github.rivervalley.reports.cli;

import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.simulator.schedulesearch.OptimizeSpec;
import io.github.rivervalley.simulator.schedulesearch.ScheduleOptimization;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rivervalley optimize SPEC.yaml --out DIR}: the schedule that minimises the expected final loss. */
@Command(name = "optimize",
        mixinStandardHelpOptions = true,
        header = "Find the schedule with the lowest final loss for a valley or a fitted law and a budget.",
        description = {
            "Reads an optimize spec (a valley run without a schedule, or an objective: a",
            "law fitted by rivervalley fit; the budget and the constraints: peak, warmup,",
            "floor, non-increasing; see docs/spec.md), searches every step's rate on the",
            "exact expected loss (moment engine) or the fitted law's predicted loss",
            "(adjoint gradient, projected steps that keep the constraints) and the best",
            "WSD, cosine and constant schedules (BOBYQA), and writes DIR/<name>/:",
            "optimal.yaml (a run spec with a piecewise schedule), wsd.yaml, cosine.yaml,",
            "constant.yaml, comparison.csv, schedules.csv and optimize.json, and charts/",
            "(the schedules and their exact expected loss, in the --formats asked for).",
            "With a verify block it also simulates the four runs (DIR/<name>/runs/). For a",
            "fitted law the four yaml files are schedule files (rivervalley predict",
            "FIT.json optimal.yaml) and the peak is at most the fitted curves' peak unless",
            "objective.extrapolate is true. Deterministic: the same spec gives the same",
            "files."
        })
final class OptimizeCommand extends SpecCommand {

    @Mixin
    ThreadsOption threads;

    @Mixin
    FormatsOption formats;

    @Override
    void run(PrintWriter stdout) {
        ChartFormats chartFormats = formats.parse();
        OptimizeSpec optimizeSpec = SpecReader.instance().read(spec, OptimizeSpec.class);
        ScheduleOptimization.Outcome outcome = ScheduleOptimization.run(optimizeSpec, parentOf(spec), out, threads.count());
        OptimizeCharts.write(out.resolve(outcome.name()), outcome, chartFormats);
        stdout.println("wrote " + out.resolve(outcome.name()) + " (optimal.yaml, comparison.csv, schedules.csv, optimize.json,"
                + " charts/schedules and charts/expected-loss; " + outcome.iterations() + " iterations)");
        String what = outcome.fit() == null ? "expected" : "predicted";
        for (ScheduleOptimization.Entry e : outcome.schedules()) {
            stdout.println(String.format(Locale.ROOT, "  %-9s %s final loss %.10g (+%.3g)%s", e.schedule(), what, e.expectedLoss(),
                    e.gapToOptimal(), e.simulatedLoss() == null ? ""
                            : String.format(Locale.ROOT, "; simulated %.6g +- %.2g", e.simulatedLoss(), e.simulatedSe())));
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
