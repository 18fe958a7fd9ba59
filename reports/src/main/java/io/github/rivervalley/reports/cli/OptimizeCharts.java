package io.github.rivervalley.reports.cli;

import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.notebook.NotebookCharts;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.LineSchedule;
import io.github.rivervalley.simulator.schedulesearch.KnotSchedule;
import io.github.rivervalley.simulator.schedulesearch.ScheduleOptimization;
import io.github.rivervalley.simulator.spec.RunSpec;
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
 * against step ({@code schedules}) and their exact expected loss along the way ({@code expected-loss}),
 * each from the run spec the search wrote (so what is drawn is what a run would use).
 */
final class OptimizeCharts {

    private static final int POINTS = 600;

    private OptimizeCharts() {
    }

    static List<Path> write(Path dir, ScheduleOptimization.Outcome outcome) {
        List<NotebookCharts.Series> rates = new ArrayList<>();
        List<NotebookCharts.Series> losses = new ArrayList<>();
        for (ScheduleOptimization.Entry e : outcome.schedules()) {
            Run run = Simulation.prepare(SpecReader.instance().read(dir.resolve(e.file()), RunSpec.class));
            double[] r = KnotSchedule.rates(run.schedule());
            double[] steps = new double[r.length];
            for (int t = 0; t < r.length; t++) {
                steps[t] = t;
            }
            rates.add(NotebookCharts.series(e.schedule(), steps, r));
            // The path to the final checkpoint as one line (WSD: the main line, then its last branch).
            Line path = new Line(Line.MAIN, Optional.empty(), 0, r.length, t -> r[(int) t], List.of());
            List<ExpectedRow> rows = MomentEngine.of(run.landscape(), run.optimizer(), run.noise(),
                    new LineSchedule(run.schedule().peak(), List.of(path), List.of()), run.start())
                    .rows(RowSteps.every(Math.max(1, r.length / POINTS)));
            losses.add(NotebookCharts.series(e.schedule(), rows.stream().mapToDouble(ExpectedRow::step).toArray(),
                    rows.stream().mapToDouble(ExpectedRow::loss).toArray()));
        }
        Path charts = dir.resolve("charts");
        List<Path> written = new ArrayList<>();
        written.add(ChartFiles.write(NotebookCharts.lines(outcome.name() + ": schedules", "step", "learning rate",
                rates.toArray(NotebookCharts.Series[]::new)), charts, "schedules", 1000, 600).png());
        written.add(ChartFiles.write(NotebookCharts.lines(outcome.name() + ": exact expected loss", "step", "expected loss",
                losses.toArray(NotebookCharts.Series[]::new)), charts, "expected-loss", 1000, 600).png());
        return written;
    }
}
