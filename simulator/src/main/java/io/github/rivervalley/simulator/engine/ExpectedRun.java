package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.StepObserver;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.theory.ExpectedRow;
import io.github.rivervalley.simulator.theory.MomentEngine;
import io.github.rivervalley.simulator.theory.RowSteps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An expected-value run ({@code replicas: expected}): the moment engine's rows, at the steps the record
 * block asks for, in the ordinary trace layout with the theory columns, streamed to the same observers
 * (CSV writer, summary) as a simulation. No random numbers: {@code loss}, {@code river_loss},
 * {@code hill_excess}, {@code river_coord} and {@code hill_disp} are exact expectations (equal to the
 * theory columns); {@code hill_dist}, {@code grad_norm}, {@code crossings} and {@code amplitude} are
 * expectations of non-linear functions of the iterate and have no value ({@code NaN} / empty).
 */
final class ExpectedRun {

    private ExpectedRun() {
    }

    static RunSummary execute(Run run, List<StepObserver> observers) {
        MomentEngine engine = MomentEngine.of(run.landscape(), run.optimizer(), run.noise(), run.schedule(), run.start());
        TraceLayout layout = new TraceLayout(false, false, false, List.of(), false, run.landscape().dimension(), true);
        SummaryCollector summary = new SummaryCollector(run, layout, true);
        List<StepObserver> all = new ArrayList<>(observers);
        all.add(summary);
        for (StepObserver observer : all) {
            observer.init(layout);
        }
        Map<String, RecordPlan> plans = new HashMap<>();
        RowSteps steps = new RowSteps() {
            @Override
            public long first(Line line) {
                return plan(line).first();
            }

            @Override
            public long next(Line line, long step) {
                return plan(line).next(step);
            }

            private RecordPlan plan(Line line) {
                return plans.computeIfAbsent(line.name(), n -> new RecordPlan(line, run.schedule(), run.record()));
            }
        };
        String[] current = {null};
        engine.run(steps, row -> {
            if (!row.line().equals(current[0])) {
                current[0] = row.line();
                for (StepObserver observer : all) {
                    observer.lineStarted(row.line(), run.schedule().line(row.line()));
                }
            }
            TraceRow traceRow = new TraceRow(row.line(), values(layout, row));
            for (StepObserver observer : all) {
                observer.handleStep(traceRow);
            }
        });
        RunSummary result = summary.summary();
        for (StepObserver observer : all) {
            observer.finish(result);
        }
        return result;
    }

    private static double[] values(TraceLayout layout, ExpectedRow row) {
        double[] values = new double[layout.width()];
        java.util.Arrays.fill(values, Double.NaN);
        values[TraceLayout.STEP] = row.step();
        values[TraceLayout.LR] = row.lr();
        values[TraceLayout.LOSS] = row.loss();
        values[TraceLayout.RIVER_LOSS] = row.riverLoss();
        values[TraceLayout.HILL_EXCESS] = row.hillExcess();
        values[TraceLayout.RIVER_COORD] = row.riverCoord();
        values[TraceLayout.HILL_DISP] = row.hillDisp();
        values[TraceLayout.DIVERGED] = 0;
        int t = layout.theory();
        values[t] = row.loss();
        values[t + 1] = row.riverLoss();
        values[t + 2] = row.hillExcess();
        values[t + 3] = row.riverCoord();
        return values;
    }
}
