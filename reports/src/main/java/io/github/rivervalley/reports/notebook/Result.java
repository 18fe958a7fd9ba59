package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.reports.chart.FiniteRange;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Line;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finished run as a notebook sees it: the run, its in-memory trace, and the <b>final path</b>, the
 * rows a single model went through to reach the last checkpoint. For one-line schedules that is the
 * line itself; for WSD it is the main line up to the last branch's fork step, then that branch. Column
 * reads, tables, sparklines and plots follow the final path unless a line is named.
 *
 * <p>Headline numbers ({@link #loss()}, {@link #riverLoss()}, {@link #hillExcess()}, {@link #diverged()})
 * are those of the last checkpoint in the run's summary: replica means over the replicas that did not
 * diverge. Immutable.
 */
public final class Result {

    /** Columns of {@link #table} when none are named. */
    public static final List<String> TABLE_COLUMNS = List.of(TraceColumns.STEP, TraceColumns.LR, TraceColumns.LOSS,
            TraceColumns.RIVER_LOSS, TraceColumns.HILL_EXCESS, TraceColumns.HILL_DIST);
    /** Width of sparklines and plots in characters. */
    public static final int WIDTH = 64;
    /** Height of plots in rows. */
    public static final int HEIGHT = 12;

    private final Run run;
    private final Trace trace;
    private final List<TraceRow> path;

    Result(Run run, Trace trace) {
        this(run, trace, finalPath(run, trace));
    }

    private Result(Run run, Trace trace, List<TraceRow> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("no recorded rows on the final path of run " + run.name());
        }
        this.run = run;
        this.trace = trace;
        this.path = Collections.unmodifiableList(path);
    }

    /**
     * The same result with the final path cut to the rows at or after {@code step}, to zoom tables,
     * sparklines, plots and charts past the first descent; headline numbers are unchanged.
     */
    public Result after(long step) {
        List<TraceRow> rows = new ArrayList<>();
        for (TraceRow row : path) {
            if (row.step() >= step) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("step " + step + " is after the last recorded step " + path.get(path.size() - 1).step());
        }
        return new Result(run, trace, rows);
    }

    /** The same result with the final path cut to the rows up to {@code step}; headline numbers are unchanged. */
    public Result until(long step) {
        List<TraceRow> rows = new ArrayList<>();
        for (TraceRow row : path) {
            if (row.step() <= step) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("step " + step + " is before the first recorded step " + path.get(0).step());
        }
        return new Result(run, trace, rows);
    }

    /** The last step on the (possibly cut) final path. */
    public long lastStep() {
        return path.get(path.size() - 1).step();
    }

    /** The first step on the (possibly cut) final path. */
    public long firstStep() {
        return path.get(0).step();
    }

    /** The step where the last checkpoint's line forked from its parent (WSD: where its decay starts); 0 for a root line. */
    public long forkStep() {
        return run.schedule().line(last().line()).forkStep();
    }

    /** Rows of the lineage root..final line: each ancestor up to (excluding) its child's fork step, then the final line. */
    private static List<TraceRow> finalPath(Run run, Trace trace) {
        List<RunSummary.CheckpointResult> checkpoints = trace.summary().checkpoints();
        String last = checkpoints.isEmpty() ? run.schedule().lines().get(0).name()
                : checkpoints.get(checkpoints.size() - 1).line();
        List<Line> lineage = new ArrayList<>();
        Line line = run.schedule().line(last);
        lineage.add(line);
        while (line.parent().isPresent()) {
            line = run.schedule().line(line.parent().get());
            lineage.add(0, line);
        }
        List<TraceRow> out = new ArrayList<>();
        for (int k = 0; k < lineage.size(); k++) {
            long until = k + 1 < lineage.size() ? lineage.get(k + 1).forkStep() : Long.MAX_VALUE;
            for (TraceRow row : trace.rows(lineage.get(k).name())) {
                if (row.step() < until) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** The run name. */
    public String name() {
        return run.name();
    }

    /** The schedule family ({@code wsd}, {@code cosine}, ...; {@code custom} for hand-made schedules). */
    public String family() {
        return run.schedule().family().label();
    }

    /** What was run. */
    public Run run() {
        return run;
    }

    /** Every recorded row of every line. */
    public Trace trace() {
        return trace;
    }

    /** Final values per line and per checkpoint. */
    public RunSummary summary() {
        return trace.summary();
    }

    /** Line names, main line first. */
    public List<String> lines() {
        return new ArrayList<>(trace.lines());
    }

    /** The last checkpoint (the run's final result). */
    public RunSummary.CheckpointResult last() {
        List<RunSummary.CheckpointResult> checkpoints = summary().checkpoints();
        return checkpoints.get(checkpoints.size() - 1);
    }

    /** The checkpoints, smallest budget first. */
    public List<RunSummary.CheckpointResult> checkpoints() {
        return summary().checkpoints();
    }

    /** Loss at the last checkpoint (NaN when every replica diverged). */
    public double loss() {
        return orNaN(last().loss());
    }

    /** River loss {@code L(Phi(x))} at the last checkpoint: the progress made along the river. */
    public double riverLoss() {
        return orNaN(last().riverLoss());
    }

    /** Hill excess {@code L(x) - L(Phi(x))} at the last checkpoint: the loss of sitting up a wall. */
    public double hillExcess() {
        return orNaN(last().hillExcess());
    }

    /** River coordinate at the last checkpoint. */
    public double riverCoord() {
        return orNaN(last().riverCoord());
    }

    /** Replicas that diverged before the last checkpoint. */
    public int diverged() {
        return last().diverged();
    }

    /** Number of replicas. */
    public int replicas() {
        return summary().replicas();
    }

    /** Steps of the rows on the final path. */
    public double[] steps() {
        return column(TraceColumns.STEP);
    }

    /** A column along the final path (see the class comment). */
    public double[] column(String column) {
        int index = index(column);
        double[] out = new double[path.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = path.get(i).get(index);
        }
        return out;
    }

    /** A column of one line. */
    public double[] column(String line, String column) {
        return trace.column(line, column);
    }

    /** Whether the trace has this column (e.g. {@code sharpness} only when it was recorded). */
    public boolean has(String column) {
        return trace.layout().indexOf(column) >= 0;
    }

    /** The value of {@code column} on the final path's recorded row nearest to {@code step} (the earlier on a tie). */
    public double at(long step, String column) {
        return nearest(step).get(index(column));
    }

    /** The final path's recorded row nearest to {@code step} (the earlier on a tie). */
    TraceRow nearest(long step) {
        TraceRow best = path.get(0);
        for (TraceRow row : path) {
            if (Math.abs(row.step() - step) < Math.abs(best.step() - step)) {
                best = row;
            }
        }
        return best;
    }

    /** The default columns at {@code rows} evenly spaced steps from the first to the last (nearest recorded rows). */
    public Text table(int rows) {
        if (rows < 2) {
            throw new IllegalArgumentException("rows must be >= 2, got " + rows);
        }
        long first = path.get(0).step();
        long lastStep = path.get(path.size() - 1).step();
        long[] steps = new long[rows];
        for (int i = 0; i < rows; i++) {
            steps[i] = first + Math.round((double) (lastStep - first) * i / (rows - 1));
        }
        return table(steps, TABLE_COLUMNS);
    }

    /** The default columns at the recorded rows nearest to {@code steps}. */
    public Text tableAt(long... steps) {
        return table(steps, TABLE_COLUMNS);
    }

    /**
     * Chosen columns at the recorded rows nearest to {@code steps} (the default columns when none are
     * named); a step whose nearest row repeats the previous one is shown once.
     */
    public Text tableAt(long[] steps, String... columns) {
        return table(steps, columns.length == 0 ? TABLE_COLUMNS : List.of(columns));
    }

    private Text table(long[] steps, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        TraceRow previous = null;
        int[] indexes = columns.stream().mapToInt(this::index).toArray();
        for (long step : steps) {
            TraceRow row = nearest(step);
            if (row == previous) {
                continue;
            }
            previous = row;
            List<String> cells = new ArrayList<>();
            for (int index : indexes) {
                cells.add(TextPlots.number(row.get(index)));
            }
            rows.add(cells);
        }
        return new Text(TextPlots.table(columns, rows));
    }

    /** A labelled sparkline of a column along the final path, with its first, last, min and max values. */
    public Text sparkline(String column) {
        double[] values = column(column);
        FiniteRange finite = FiniteRange.of(values);
        return new Text(String.format("%-12s %s  %s -> %s (min %s, max %s)", column, TextPlots.sparkline(values, WIDTH),
                TextPlots.number(values[0]), TextPlots.number(values[values.length - 1]),
                TextPlots.number(finite.min()), TextPlots.number(finite.max())));
    }

    /** A character plot of one or more columns along the final path against the step. */
    public Text plot(String... columns) {
        List<double[]> ys = new ArrayList<>();
        for (String column : columns) {
            ys.add(column(column));
        }
        return new Text(name() + "\n" + TextPlots.plot(steps(), ys, List.of(columns), WIDTH, HEIGHT));
    }

    private int index(String column) {
        int index = trace.layout().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "'; columns are " + trace.layout().columns());
        }
        return index;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    /** Whether these are exact expected values ({@code Notebook.expected}), not a simulation. */
    public boolean expectedOnly() {
        return summary().theory() != null && Boolean.TRUE.equals(summary().theory().expectedOnly());
    }

    /** One line: the final checkpoint's loss, its decomposition and divergence. */
    @Override
    public String toString() {
        RunSummary.CheckpointResult c = last();
        StringBuilder out = new StringBuilder("Result[").append(name()).append(" (").append(family()).append("), ")
                .append(expectedOnly() ? "expected values" : replicas() + (replicas() == 1 ? " replica" : " replicas"))
                .append("; at step ").append(c.step());
        if (summary().checkpoints().size() > 1 || !c.line().equals(run.schedule().lines().get(0).name())) {
            out.append(" of ").append(c.line());
        }
        out.append(": loss ").append(TextPlots.number(loss()));
        if (c.lossSe() != null) {
            out.append(" \u00b1 ").append(TextPlots.number(c.lossSe()));
        }
        out.append(", river loss ").append(TextPlots.number(riverLoss()))
                .append(", hill excess ").append(TextPlots.number(hillExcess()))
                .append(expectedOnly() ? "" : ", diverged " + diverged() + "/" + replicas());
        for (RunSummary.LineResult line : summary().lines()) {
            if (line.firstDivergenceStep() != null && line.name().equals(c.line())) {
                out.append(" (first at step ").append(line.firstDivergenceStep()).append(')');
            }
        }
        return out.append(']').toString();
    }
}
