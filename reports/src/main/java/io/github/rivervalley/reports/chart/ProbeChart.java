package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;
import static io.github.rivervalley.reports.chart.ChartStyle.style;

import io.github.rivervalley.simulator.iterate.IterateFiles;
import io.github.rivervalley.simulator.iterate.SegmentProbe;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

/**
 * The interpolation probe, when the spec asks for it ({@code record.iterates} with two or more steps): loss,
 * river loss and hill excess along the segment from replica 0's point on {@code main} at the first stored step
 * to its point at the last stored step, on the last line (in run order) that reaches it.
 */
public final class ProbeChart implements RunChart {

    /** Points on the segment. */
    static final int POINTS = 101;

    /** The two ends, {@code LINE@STEP}. */
    record Ends(String fromLine, long fromStep, String toLine, long toStep) {
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String caption(RecordedRun run) {
        Ends e = ends(run).orElseThrow();
        return "Interpolation probe: the landscape on the straight segment from replica 0 at " + e.fromLine() + "@" + e.fromStep()
                + " (a = 0) to " + e.toLine() + "@" + e.toStep() + " (a = 1). With both ends up the walls (a high rate) the hill"
                + " excess dips in the middle; with the far end on the floor (after a decay) it falls toward it. Other pairs:"
                + " rivervalley probe.";
    }

    @Override
    public boolean appliesTo(RecordedRun run) {
        return ends(run).isPresent() && run.landscape().isPresent();
    }

    /** Both ends stored as files, or empty. */
    static Optional<Ends> ends(RecordedRun run) {
        List<Long> steps = stepsOf(run);
        if (steps.size() < 2) {
            return Optional.empty();
        }
        long first = steps.get(0);
        long last = steps.get(steps.size() - 1);
        String toLine = null;
        for (RunSummary.LineResult line : run.summary().lines()) {
            if (line.forkStep() <= last && last <= line.endStep()) {
                toLine = line.name();
            }
        }
        if (toLine == null || !stored(run, "main", first) || !stored(run, toLine, last)) {
            return Optional.empty();
        }
        return Optional.of(new Ends("main", first, toLine, last));
    }

    private static List<Long> stepsOf(RecordedRun run) {
        return run.spec().map(s -> s.record() == null || s.record().iterates() == null ? List.<Long>of() : s.record().iterates())
                .orElse(List.of());
    }

    private static boolean stored(RecordedRun run, String line, long step) {
        return Files.isRegularFile(IterateFiles.file(run.directory(), line, step, IterateFiles.Kind.REPLICA0));
    }

    @Override
    public JFreeChart draw(RecordedRun run) {
        Ends e = ends(run).orElseThrow();
        double[] from = IterateFiles.read(run.directory(), e.fromLine(), e.fromStep(), IterateFiles.Kind.REPLICA0);
        double[] to = IterateFiles.read(run.directory(), e.toLine(), e.toStep(), IterateFiles.Kind.REPLICA0);
        List<SegmentProbe.Point> probe = SegmentProbe.along(run.landscape().orElseThrow(), from, to, POINTS);
        Column alpha = column("a", probe, SegmentProbe.Point::alpha);
        TraceDataset data = new TraceDataset(false);
        DeviationRenderer renderer = lines();
        data.add("loss", alpha, column("loss", probe, SegmentProbe.Point::loss), null, 0);
        style(renderer, 0, Palette.LOSS, stroke(0), true);
        data.add("river loss", alpha, column("river loss", probe, SegmentProbe.Point::riverLoss), null, 0);
        style(renderer, 1, Palette.RIVER, stroke(0), true);
        data.add("hill excess", alpha, column("hill excess", probe, SegmentProbe.Point::hillExcess), null, 0);
        style(renderer, 2, Palette.HILL, stroke(0), true);
        XYPlot plot = new XYPlot(data, new NumberAxis("a"), new NumberAxis("loss"), renderer);
        return chart("Interpolation probe: " + run.name(), plot,
                "x(a) = (1 - a) x[" + e.fromLine() + "@" + e.fromStep() + "] + a x[" + e.toLine() + "@" + e.toStep() + "], replica 0");
    }

    private static Column column(String name, List<SegmentProbe.Point> points, ToDoubleFunction<SegmentProbe.Point> f) {
        return Column.of(name, points.stream().mapToDouble(f).toArray());
    }
}
