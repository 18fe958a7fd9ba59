package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.phaseLegend;
import static io.github.rivervalley.reports.chart.ChartStyle.phasesOrStable;
import static io.github.rivervalley.reports.chart.ChartStyle.withColumn;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.RiverValley;
import io.github.rivervalley.simulator.flow.GradientFlow;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.schedule.Phase;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Replica 0's own path (one sample trajectory, not a mean), coloured by phase, over the loss: on a 2-D
 * landscape in its own (x0, x1) plane with the valley floor drawn; otherwise in the plane (river
 * coordinate, signed hill displacement). The vertical range is the path's, so the bouncing between the
 * walls fills the chart whatever the curvature. Drawn by {@link TrajectoryChart} when a run has a path.
 */
final class PathTrajectory {

    private static final Stroke PATH = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke PATH_DECAY = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private PathTrajectory() {
    }

    /** The traces with a path (the gradient-flow line aside: it has no phases to colour and does not bounce). */
    static List<RecordedTrace> traces(RecordedRun run) {
        List<RecordedTrace> out = new ArrayList<>();
        for (RecordedTrace t : withColumn(run, TraceColumns.PATH_RIVER_COORD)) {
            if (!t.line().equals(GradientFlow.LINE) && t.column(TraceColumns.PATH_RIVER_COORD).hasValues()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Replica 0's own path (one sample trajectory, not a mean), coloured by phase, over the loss: on a
     * 2-D landscape in its own (x0, x1) plane with the valley floor drawn; otherwise in the plane (river
     * coordinate, signed hill displacement). The vertical range is the path's, so the bouncing between
     * the walls fills the chart whatever the curvature.
     */
    static JFreeChart draw(RecordedRun run, List<RecordedTrace> traces) {
        Optional<Landscape> landscape = run.landscape();
        boolean plane = landscape.isPresent() && landscape.get().dimension() == 2
                && traces.stream().allMatch(t -> t.has(TraceColumns.pathX(0)) && t.has(TraceColumns.pathX(1)));
        String xName = plane ? TraceColumns.pathX(0) : TraceColumns.PATH_RIVER_COORD;
        String yName = plane ? TraceColumns.pathX(1) : TraceColumns.PATH_HILL_DISP;
        XYSeriesCollection decays = new XYSeriesCollection();
        XYSeriesCollection others = new XYSeriesCollection();
        // Plain lines: a min-max band would mix up the two coordinates of a bucket.
        XYLineAndShapeRenderer decayRenderer = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer otherRenderer = new XYLineAndShapeRenderer(true, false);
        decayRenderer.setDrawSeriesLineAsPath(true); // one SVG path per series, not one per segment
        otherRenderer.setDrawSeriesLineAsPath(true);
        XYSeries ends = new XYSeries("end of a decay", false, true);
        Set<Phase.Kind> legend = EnumSet.noneOf(Phase.Kind.class);
        double[] xs = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] ys = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] rc = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (RecordedTrace t : traces) {
            Column x = t.column(xName);
            Column y = t.column(yName);
            for (Phase p : phasesOrStable(t)) {
                boolean decay = p.kind() == Phase.Kind.DECAY;
                XYSeriesCollection data = decay ? decays : others;
                String key = p.kind().label() + " [" + t.line() + "] " + p.start();
                // One bucket of overlap so consecutive phases join without a gap.
                XYSeries s = envelope(key, t.step(), x, y, p.start() - t.bucketWidth(), p.end(), t.bucketWidth() > 1);
                data.addSeries(s);
                XYLineAndShapeRenderer renderer = decay ? decayRenderer : otherRenderer;
                int series = data.getSeriesCount() - 1;
                // The stable phase translucent, so the decays drawn over it stand out.
                renderer.setSeriesPaint(series, decay ? Palette.phase(p.kind()) : Palette.translucent(Palette.phase(p.kind()), 190));
                renderer.setSeriesStroke(series, decay ? PATH_DECAY : PATH);
                renderer.setSeriesVisibleInLegend(series, false);
                legend.add(p.kind());
                if (decay && s.getItemCount() > 0) {
                    ends.add(s.getX(s.getItemCount() - 1), s.getY(s.getItemCount() - 1));
                }
            }
            extend(xs, x);
            extend(ys, y);
            extend(rc, t.column(TraceColumns.PATH_RIVER_COORD));
        }
        double[] xRange = padded(xs, 0.03);
        double[] yRange = padded(ys, 0.08);
        if (!plane) { // symmetric about the floor
            double a = Math.max(Math.abs(yRange[0]), Math.abs(yRange[1]));
            yRange = new double[] {-a, a};
        }
        NumberAxis xAxis = new NumberAxis(plane ? "x0" : "river coordinate (replica 0)");
        NumberAxis yAxis = new NumberAxis(plane ? "x1" : "signed hill displacement (replica 0)");
        xAxis.setAutoRange(false);
        xAxis.setRange(xRange[0], xRange[1]);
        yAxis.setAutoRange(false);
        yAxis.setRange(yRange[0], yRange[1]);
        // Drawn in index order: floor, warmup and stable, decays, decay ends.
        XYPlot plot = new XYPlot(null, xAxis, yAxis, null);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setDataset(1, others);
        plot.setRenderer(1, otherRenderer);
        plot.setDataset(2, decays);
        plot.setRenderer(2, decayRenderer);
        org.jfree.chart.LegendItemCollection items = phaseLegend(legend);
        Stroke floorStroke = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
        String background = "";
        if (landscape.isPresent() && landscape.get() instanceof RiverValley valley) {
            if (plane) {
                plot.setBackgroundImage(LossContours.planeImage(valley, xRange[0], xRange[1], yRange[0], yRange[1], 360, 220));
                XYSeries floor = new XYSeries("valley floor", false, true);
                double[] point = new double[2];
                double[] c = padded(rc, 0.5);
                for (int i = 0; i <= 400; i++) {
                    valley.riverPoint(c[0] + i / 400.0 * (c[1] - c[0]), point);
                    floor.add(point[0], point[1]);
                }
                XYLineAndShapeRenderer floorRenderer = new XYLineAndShapeRenderer(true, false);
                floorRenderer.setSeriesPaint(0, Palette.BLACK);
                floorRenderer.setSeriesStroke(0, floorStroke);
                floorRenderer.setDrawSeriesLineAsPath(true); // else the dashes restart at each of the 400 points and read as solid
                floorRenderer.setSeriesVisibleInLegend(0, false);
                plot.setDataset(0, new XYSeriesCollection(floor));
                plot.setRenderer(0, floorRenderer);
            } else {
                plot.setBackgroundImage(LossContours.lossImage(valley, xRange[0], xRange[1], yRange[0], yRange[1], 360, 220));
            }
            plot.setBackgroundImageAlignment(Align.FIT);
            plot.setBackgroundImageAlpha(1f);
            background = "; background: loss (light = low)";
        }
        if (!plane) {
            plot.addRangeMarker(new ValueMarker(0, Palette.BLACK, floorStroke));
        }
        items.add(new org.jfree.chart.LegendItem("valley floor (river)", null, null, null,
                new java.awt.geom.Line2D.Double(-8, 0, 8, 0), floorStroke, Palette.BLACK));
        if (!ends.isEmpty()) {
            XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
            dots.setSeriesPaint(0, Color.WHITE);
            dots.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
            dots.setSeriesOutlinePaint(0, Palette.phase(Phase.Kind.DECAY));
            dots.setSeriesOutlineStroke(0, new BasicStroke(2.5f));
            dots.setUseOutlinePaint(true);
            dots.setDrawOutlines(true);
            dots.setUseFillPaint(false);
            plot.setDataset(3, new XYSeriesCollection(ends));
            plot.setRenderer(3, dots);
            items.add(new org.jfree.chart.LegendItem("end of a decay (checkpoint)", null, null, null, true,
                    new Ellipse2D.Double(-5, -5, 10, 10), false, Color.WHITE, true, Palette.phase(Phase.Kind.DECAY),
                    new BasicStroke(2.5f), false, new java.awt.geom.Line2D.Double(), new BasicStroke(1f), Color.WHITE));
        }
        plot.setFixedLegendItems(items);
        long width = traces.stream().mapToLong(RecordedTrace::bucketWidth).max().orElse(1);
        return chart("Trajectory on the landscape: " + run.name(), plot,
                "one sample trajectory (replica 0, not a mean)" + (plane ? " in the landscape's (x0, x1) plane" : "")
                + (width > 1 ? "; each bucket of " + width + " rows drawn as its lowest and highest point (the swing survives downsampling)" : "") + background);
    }

    /** Widens {@code range} ({lowest, highest} so far) by the finite values of {@code column}. */
    /**
     * The path over the buckets whose step lies in {@code [from, to]}. With {@code swing}, each bucket
     * contributes its lowest and its highest y in alternating order, so a zigzag averaged away by bucket
     * means is drawn at its true amplitude; otherwise the bucket means.
     */
    static XYSeries envelope(String key, Column step, Column x, Column y, double from, double to, boolean swing) {
        XYSeries s = new XYSeries(key, false, true);
        boolean up = true;
        for (int i = 0; i < step.size(); i++) {
            double st = step.mean(i);
            if (!(st >= from && st <= to) || Double.isNaN(x.mean(i)) || Double.isNaN(y.mean(i))) {
                continue;
            }
            if (swing) {
                s.add(x.mean(i), up ? y.min(i) : y.max(i));
                s.add(x.mean(i), up ? y.max(i) : y.min(i));
                up = !up;
            } else {
                s.add(x.mean(i), y.mean(i));
            }
        }
        return s;
    }

    private static void extend(double[] range, Column column) {
        double lo = column.lowest();
        double hi = column.highest();
        if (Double.isFinite(lo)) {
            range[0] = Math.min(range[0], lo);
        }
        if (Double.isFinite(hi)) {
            range[1] = Math.max(range[1], hi);
        }
    }

    /** {lowest, highest} widened by {@code fraction} of its width on each side (a unit range when empty or flat). */
    private static double[] padded(double[] range, double fraction) {
        double lo = range[0];
        double hi = range[1];
        if (!(hi > lo)) {
            double mid = Double.isFinite(lo) ? lo : 0.0;
            return new double[] {mid - 1, mid + 1};
        }
        double pad = fraction * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }
}
