package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.StepObserver;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.theory.Exactness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@code summary.json} from the rows as they stream past: each line's last row and the checkpoint rows. */
final class SummaryCollector implements StepObserver {

    private final Run run;
    private final TraceLayout layout;
    private final List<Checkpoint> checkpoints;
    private final Map<String, TraceRow> lastRows = new LinkedHashMap<>();
    private final Map<String, Line> lines = new HashMap<>();
    private final Map<String, long[]> divergence = new HashMap<>();
    private final TraceRow[] checkpointRows;
    private final TheoryAgreement agreement;

    private final boolean expectedOnly;

    SummaryCollector(Run run, TraceLayout layout) {
        this(run, layout, false);
    }

    /** With {@code expectedOnly}: the summary of an expected-value run (theory only, nothing to compare). */
    SummaryCollector(Run run, TraceLayout layout, boolean expectedOnly) {
        this.expectedOnly = expectedOnly;
        this.run = run;
        this.layout = layout;
        this.checkpoints = Engine.checkpoints(run);
        this.checkpointRows = new TraceRow[checkpoints.size()];
        this.agreement = new TheoryAgreement(layout);
    }

    @Override
    public void lineStarted(String name, Line line) {
        lastRows.put(name, null);
        if (line != null) {
            lines.put(name, line);
        }
    }

    @Override
    public void handleStep(TraceRow row) {
        lastRows.put(row.line(), row);
        agreement.add(row);
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint c = checkpoints.get(i);
            if (c.line().equals(row.line()) && c.step() == row.step()) {
                checkpointRows[i] = row;
            }
        }
    }

    /** Records how many replicas of {@code line} diverged, and when the first did. */
    void lineFinished(Line line, Replica[] replicas) {
        long count = 0;
        long first = Long.MAX_VALUE;
        for (Replica r : replicas) {
            if (r.diverged) {
                count++;
                first = Math.min(first, r.divergedAt);
            }
        }
        divergence.put(line.name(), new long[] {count, count == 0 ? -1 : first});
    }

    RunSummary summary() {
        List<RunSummary.LineResult> lineResults = new ArrayList<>();
        for (Map.Entry<String, TraceRow> entry : lastRows.entrySet()) {
            String name = entry.getKey();
            double[] v = entry.getValue().values();
            Line line = lines.get(name);
            long[] div = divergence.getOrDefault(name, new long[] {0, -1});
            Line main = run.schedule().lines().get(0);
            lineResults.add(new RunSummary.LineResult(name,
                    line == null ? null : line.parent().orElse(null),
                    line == null ? main.forkStep() : line.forkStep(),
                    line == null ? main.endStep() : line.endStep(),
                    boxed(v[TraceLayout.LOSS]), boxed(v[TraceLayout.RIVER_LOSS]), boxed(v[TraceLayout.HILL_EXCESS]),
                    boxed(v[TraceLayout.RIVER_COORD]), boxed(v[TraceLayout.HILL_DIST]),
                    (int) div[0], div[1] < 0 ? null : div[1]));
        }
        List<RunSummary.CheckpointResult> checkpointResults = new ArrayList<>();
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint c = checkpoints.get(i);
            double[] v = checkpointRows[i].values();
            checkpointResults.add(new RunSummary.CheckpointResult(c.budget(), c.line(), c.step(), c.compute(),
                    boxed(v[TraceLayout.LOSS]), boxed(v[TraceLayout.RIVER_LOSS]), boxed(v[TraceLayout.HILL_EXCESS]),
                    boxed(v[TraceLayout.RIVER_COORD]), layout.lossSe() >= 0 ? boxed(v[layout.lossSe()]) : null,
                    (int) v[TraceLayout.DIVERGED], theory(v, 0), theory(v, 1), theory(v, 2), theory(v, 3)));
        }
        Exactness exactness = Exactness.of(run.landscape(), run.optimizer(), run.noise());
        RunSummary.TheoryResult theory = expectedOnly ? new RunSummary.TheoryResult(true, null, true, null, null, null, null, null, null)
                : exactness.exact() ? agreement.result()
                : new RunSummary.TheoryResult(false, exactness.reason(), null, null, null, null, null, null, null);
        return new RunSummary(run.name(), run.steps(), run.replicas(), run.seed(), run.landscape().toString(),
                run.schedule().family().label(), run.schedule().totalCompute(), lineResults, checkpointResults, theory);
    }

    /** Theory column {@code k} of a row, or null without theory columns. */
    private Double theory(double[] values, int k) {
        return layout.theory() < 0 ? null : boxed(values[layout.theory() + k]);
    }

    /** NaN (no replica left) becomes null in JSON. */
    private static Double boxed(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
