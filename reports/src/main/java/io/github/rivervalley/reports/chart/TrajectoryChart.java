package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.LABEL_BACKGROUND;
import static io.github.rivervalley.reports.chart.ChartStyle.MAIN;
import static io.github.rivervalley.reports.chart.ChartStyle.THIN;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.phaseLegend;
import static io.github.rivervalley.reports.chart.ChartStyle.phasesOrStable;
import static io.github.rivervalley.reports.chart.ChartStyle.style;
import static io.github.rivervalley.reports.chart.ChartStyle.withColumn;
import static io.github.rivervalley.reports.chart.ChartStyle.zeros;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.RiverValley;
import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.schedule.Phase;
import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The iterate's path over the landscape. With {@code record.path}, replica 0's own path
 * ({@link PathTrajectory}). Otherwise the replica-mean iterate in the plane (river coordinate, signed hill
 * displacement), coloured by phase, over the loss in that plane when the landscape can be rebuilt from
 * the spec; the band around it is the typical distance of a replica from the valley floor
 * ({@code amplitude} when recorded, else {@code hill_dist}), so bouncing between the walls and settling at
 * the decay are visible even when the mean itself stays on the floor.
 */
public final class TrajectoryChart implements RunChart {

    @Override
    public String name() {
        return "trajectory";
    }

    @Override
    public String caption(RecordedRun run) {
        return Captions.trajectory(run, hasPath(run));
    }

    /** Whether a run recorded replica 0's own path ({@code record.path}): the chart then draws it. */
    public static boolean hasPath(RecordedRun run) {
        return !PathTrajectory.traces(run).isEmpty();
    }

    @Override
    public JFreeChart draw(RecordedRun run) {
        List<RecordedTrace> path = PathTrajectory.traces(run);
        if (!path.isEmpty()) {
            return PathTrajectory.draw(run, path);
        }
        // Decays go in their own dataset, drawn on top with a stronger band, so settling stands out.
        TraceDataset decays = new TraceDataset(false);
        TraceDataset others = new TraceDataset(false);
        DeviationRenderer decayRenderer = lines();
        decayRenderer.setAlpha(0.45f);
        DeviationRenderer otherRenderer = lines();
        Set<Phase.Kind> legend = EnumSet.noneOf(Phase.Kind.class);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yAbs = 0;
        List<RecordedTrace> traces = withColumn(run, TraceColumns.RIVER_COORD);
        for (int k = 0; k < traces.size(); k++) {
            RecordedTrace t = traces.get(k);
            Column x = t.column(TraceColumns.RIVER_COORD);
            Column y = t.has(TraceColumns.HILL_DISP) ? t.column(TraceColumns.HILL_DISP) : zeros(t);
            Column spread = t.has(TraceColumns.AMPLITUDE) ? t.column(TraceColumns.AMPLITUDE)
                    : t.has(TraceColumns.HILL_DIST) ? t.column(TraceColumns.HILL_DIST) : null;
            for (Phase p : phasesOrStable(t)) {
                boolean decay = p.kind() == Phase.Kind.DECAY;
                TraceDataset data = decay ? decays : others;
                DeviationRenderer renderer = decay ? decayRenderer : otherRenderer;
                boolean first = !legend.contains(p.kind());
                String key = first ? p.kind().label() + " phase" : p.kind().label() + " - " + t.line() + " " + p.start();
                // One bucket of overlap so consecutive phases join without a gap.
                TraceDataset.Series s = data.add(key, x, y, spread, 1.0, t.step(), p.start() - t.bucketWidth(), p.end());
                boolean shown = first && s.size() > 0;
                if (shown) {
                    legend.add(p.kind());
                }
                style(renderer, data.getSeriesCount() - 1, Palette.phase(p.kind()), k == 0 ? MAIN : THIN, shown);
            }
            xMin = Math.min(xMin, x.lowest());
            xMax = Math.max(xMax, x.highest());
        }
        // The vertical range covers 98% of the band, so a start far up a wall does not flatten the rest.
        List<Double> extents = new ArrayList<>();
        for (TraceDataset data : List.of(decays, others)) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double e = Math.max(Math.abs(data.getStartYValue(s, i)), Math.abs(data.getEndYValue(s, i)));
                    if (Double.isFinite(e)) {
                        extents.add(e);
                    }
                }
            }
        }
        boolean clipped = false;
        if (!extents.isEmpty()) {
            extents.sort(null);
            yAbs = extents.get((int) Math.floor(0.98 * (extents.size() - 1)));
            clipped = extents.get(extents.size() - 1) > 1.15 * yAbs;
        }
        if (!(xMax > xMin)) {
            xMin = Double.isFinite(xMin) ? xMin - 1 : -1;
            xMax = xMin + 2;
        }
        double pad = 0.03 * (xMax - xMin);
        xMin -= pad;
        xMax += pad;
        yAbs = yAbs > 0 ? 1.15 * yAbs : 1.0;
        NumberAxis xAxis = new NumberAxis("river coordinate");
        NumberAxis yAxis = new NumberAxis("signed hill displacement");
        xAxis.setAutoRange(false);
        xAxis.setRange(xMin, xMax);
        yAxis.setAutoRange(false);
        yAxis.setRange(-yAbs, yAbs);
        XYPlot plot = new XYPlot(decays, xAxis, yAxis, decayRenderer);
        plot.setDataset(1, others);
        plot.setRenderer(1, otherRenderer);
        org.jfree.chart.LegendItemCollection items = phaseLegend(legend);
        plot.setFixedLegendItems(items);
        ValueMarker floor = new ValueMarker(0, Palette.GREY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        floor.setLabel("valley floor (river)");
        floor.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        floor.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        floor.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        floor.setLabelBackgroundColor(LABEL_BACKGROUND);
        plot.addRangeMarker(floor);
        String background = "";
        Optional<Landscape> landscape = run.landscape();
        if (landscape.isPresent() && landscape.get() instanceof RiverValley valley) {
            plot.setBackgroundImage(LossContours.lossImage(valley, xMin, xMax, -yAbs, yAbs, 360, 220));
            plot.setBackgroundImageAlignment(Align.FIT);
            plot.setBackgroundImageAlpha(1f);
            background = "; background: loss in this plane (light = low)";
        }
        String spreadName = traces.stream().anyMatch(t -> t.has(TraceColumns.AMPLITUDE)) ? "oscillation amplitude" : "mean hill distance";
        return chart("Trajectory on the landscape: " + run.name(), plot,
                "line: replica-mean iterate; band: \u00b1 " + spreadName + background
                + (clipped ? "; y axis clipped to 98% of the path" : ""));
    }
}
