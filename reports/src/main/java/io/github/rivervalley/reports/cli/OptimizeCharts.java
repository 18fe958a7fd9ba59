package io.github.rivervalley.reports.cli;

import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.chart.SecondHalfAxis;
import io.github.rivervalley.reports.notebook.NotebookCharts;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.fit.Curve;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.LineSchedule;
import io.github.rivervalley.simulator.schedulesearch.FittedObjective;
import io.github.rivervalley.simulator.schedulesearch.KnotSchedule;
import io.github.rivervalley.simulator.schedulesearch.ScheduleOptimization;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.theory.ExpectedRow;
import io.github.rivervalley.simulator.theory.MomentEngine;
import io.github.rivervalley.simulator.theory.RowSteps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The charts of {@code rivervalley optimize}, into {@code DIR/<name>/charts/}: the four schedules' rates
 * against step ({@code schedules}) and their exact expected loss along the way ({@code expected-loss};
 * for a fitted law its predicted loss), each from the spec the search wrote (so what is drawn is what a
 * run would use).
 */
final class OptimizeCharts {

    private static final int POINTS = 600;

    private OptimizeCharts() {
    }

    static void write(Path dir, ScheduleOptimization.Outcome outcome, ChartFormats formats) {
        List<NotebookCharts.Series> rates = new ArrayList<>();
        List<NotebookCharts.Series> losses = new ArrayList<>();
        for (ScheduleOptimization.Entry e : outcome.schedules()) {
            if (outcome.fit() != null) {
                fittedSeries(dir, outcome, e, rates, losses);
                continue;
            }
            Run run = Simulation.prepare(SpecReader.instance().read(dir.resolve(e.file()), RunSpec.class));
            double[] r = KnotSchedule.rates(run.schedule());
            rates.add(NotebookCharts.series(e.schedule(), stepAxis(r.length), r));
            // The path to the final checkpoint as one line (WSD: the main line, then its last branch).
            Line path = new Line(Line.MAIN, Optional.empty(), 0, r.length, t -> r[(int) t], List.of());
            List<ExpectedRow> rows = MomentEngine.of(run.landscape(), run.optimizer(), run.noise(),
                    new LineSchedule(run.schedule().peak(), List.of(path), List.of()), run.start())
                    .rows(RowSteps.every(Math.max(1, r.length / POINTS)));
            losses.add(NotebookCharts.series(e.schedule(), rows.stream().mapToDouble(ExpectedRow::step).toArray(),
                    rows.stream().mapToDouble(ExpectedRow::loss).toArray()));
        }
        String lossLabel = outcome.fit() == null ? "exact expected loss" : "predicted loss (" + outcome.law() + " fit)";
        Path charts = dir.resolve("charts");
        ChartFiles.write(NotebookCharts.rateLines(outcome.name() + ": schedules", "step",
                rates.toArray(NotebookCharts.Series[]::new)), charts, "schedules", 1000, 600, formats);
        // the loss falls from far above its end, where the schedules differ: fit the axis to the second half
        ChartFiles.write(SecondHalfAxis.fitToSecondHalf(NotebookCharts.lines(outcome.name() + ": " + lossLabel, "step", lossLabel,
                losses.toArray(NotebookCharts.Series[]::new))), charts, "expected-loss", 1000, 600, formats);
    }

    /** A fitted law's schedule file: its rates and the law's predicted loss along the way. */
    private static void fittedSeries(Path dir, ScheduleOptimization.Outcome outcome, ScheduleOptimization.Entry e,
            List<NotebookCharts.Series> rates, List<NotebookCharts.Series> losses) {
        double[] r = KnotSchedule.rates(SpecReader.instance().read(dir.resolve(e.file()), ScheduleFileSpec.class).build());
        rates.add(NotebookCharts.series(e.schedule(), stepAxis(r.length), r));
        int every = Math.max(1, r.length / POINTS);
        long[] rows = new long[r.length / every];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (long) (i + 1) * every;
        }
        Fit fit = FittedObjective.read(Path.of(outcome.fit()), outcome.law()).fit();
        losses.add(NotebookCharts.series(e.schedule(), java.util.Arrays.stream(rows).asDoubleStream().toArray(),
                fit.predict(Curve.ofSchedule(e.schedule(), rows, r))));
    }

    private static double[] stepAxis(int n) {
        double[] steps = new double[n];
        for (int t = 0; t < n; t++) {
            steps[t] = t;
        }
        return steps;
    }
}
