package io.github.rivervalley.reports.chart;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.RiverValley;
import io.github.rivervalley.reports.trace.Column;
import io.github.rivervalley.reports.trace.Run;
import io.github.rivervalley.reports.trace.Trace;
import io.github.rivervalley.simulator.flow.GradientFlow;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.trace.RunSummary;
import io.github.rivervalley.simulator.trace.TraceColumns;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart types of a report, each built from runs read back from disk and styled by
 * {@link RiverValleyTheme}. Every method returns a fresh chart; none keeps state.
 */
public final class Charts {

    /** Stroke of a run's first (root) line. */
    private static final Stroke MAIN = new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke THIN = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final float[][] DASHES = {{9f, 5f}, {3f, 4f}, {12f, 4f, 3f, 4f}, {6f, 3f, 2f, 3f}};
    /** Band transparency: light enough that overlapping bands stay readable. */
    private static final float BAND_ALPHA = 0.22f;
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);
    private static final String[] COMPONENTS = {TraceColumns.LOSS, TraceColumns.RIVER_LOSS, TraceColumns.HILL_EXCESS};

    private Charts() {
    }

    /** Human label of a trace column. */
    public static String label(String column) {
        switch (column) {
            case TraceColumns.LOSS:
                return "loss";
            case TraceColumns.RIVER_LOSS:
                return "river loss";
            case TraceColumns.HILL_EXCESS:
                return "hill excess";
            case TraceColumns.RIVER_COORD:
                return "river coordinate";
            case TraceColumns.HILL_DIST:
                return "hill distance";
            case TraceColumns.HILL_DISP:
                return "hill displacement";
            default:
                return column.replace('_', ' ');
        }
    }

    /** Stroke for the {@code k}-th line of a run (0 = solid root line, then dashes). */
    static Stroke stroke(int k) {
        if (k == 0) {
            return MAIN;
        }
        return new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, DASHES[(k - 1) % DASHES.length], 0f);
    }

    // ---------------------------------------------------------------- 1 schedule card

    /** Learning rate against step for every line of a run, with phases shaded and checkpoints marked. */
    public static JFreeChart scheduleCard(Run run) {
        TraceDataset data = new TraceDataset(false);
        DeviationRenderer renderer = lines();
        Color color = Palette.family(run.family());
        List<Trace> traces = withColumn(run, TraceColumns.LR);
        for (int k = 0; k < traces.size(); k++) {
            Trace t = traces.get(k);
            data.add(t.line(), t.step(), t.column(TraceColumns.LR), null, 0);
            style(renderer, k, color, stroke(k), true);
        }
        XYPlot plot = new XYPlot(data, stepAxis(), new NumberAxis("learning rate"), renderer);
        Set<Phase.Kind> labelled = EnumSet.noneOf(Phase.Kind.class);
        for (Trace t : traces) {
            for (Phase p : t.phases()) {
                if (p.kind() == Phase.Kind.STABLE) {
                    continue;
                }
                IntervalMarker marker = new IntervalMarker(p.start(), p.end(), Palette.translucent(Palette.phase(p.kind()), 38));
                if (labelled.add(p.kind())) {
                    marker.setLabel(p.kind().label());
                    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                    marker.setLabelPaint(Palette.phase(p.kind()).darker());
                    marker.setLabelBackgroundColor(LABEL_BACKGROUND);
                }
                plot.addDomainMarker(marker, Layer.BACKGROUND);
            }
        }
        XYSeries points = new XYSeries("checkpoint", false, true);
        for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
            Optional<Trace> t = run.trace(c.line());
            if (t.isPresent()) {
                double lr = t.get().exact(c.step(), TraceColumns.LR).orElse(Double.NaN);
                if (!Double.isNaN(lr)) {
                    points.add(c.step(), lr);
                }
            }
            ValueMarker m = new ValueMarker(c.step(), Palette.BLACK, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f}, 0f));
            m.setLabel("budget " + c.budget());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            m.setLabelBackgroundColor(LABEL_BACKGROUND);
            plot.addDomainMarker(m);
        }
        addPoints(plot, 1, new XYSeriesCollection(points), Palette.BLACK);
        plot.getRangeAxis().setLowerBound(0);
        return chart("Schedule: " + run.name() + " (" + run.family() + ")", plot,
                "one line per training line (dashed: branches); shaded: phases read from the trace; dotted: checkpoints");
    }

    // ---------------------------------------------------------------- 2 loss decomposition

    /** Loss, river loss and hill excess against step, with replica bands; on a log axis when {@code log}. */
    public static JFreeChart decomposition(Run run, boolean log) {
        TraceDataset data = new TraceDataset(log);
        DeviationRenderer renderer = lines();
        long width = 1;
        for (int k = 0; k < run.traces().size(); k++) {
            Trace t = run.traces().get(k);
            width = Math.max(width, t.bucketWidth());
            for (String component : COMPONENTS) {
                if (!t.has(component)) {
                    continue;
                }
                String se = component + "_se";
                TraceDataset.Series s = data.add(seriesName(label(component), k, t),
                        t.step(), t.column(component), t.has(se) ? t.column(se) : null, 2.0);
                style(renderer, data.getSeriesCount() - 1, Palette.component(component), stroke(k), k == 0 && s.size() > 0);
            }
        }
        ValueAxis range = log ? logAxis("loss (log scale)") : new NumberAxis("loss");
        XYPlot plot = new XYPlot(data, stepAxis(), range, renderer);
        phaseMarkers(plot, run.mainTrace());
        boolean se = run.traces().stream().anyMatch(t -> t.has(TraceColumns.LOSS_SE));
        String band = (se ? "band: mean \u00b1 2 SE over " + run.summary().replicas() + " replicas" : "band: 1 replica, no SE")
                + (width > 1 ? (se ? " and " : "; ") + "min\u2013max per " + width + "-step bucket" : "")
                + (log ? "; values \u2264 0 not shown" : "")
                + (run.traces().size() > 1 ? "; dashed: other lines" : "");
        return chart("Loss decomposition" + (log ? " (log)" : "") + ": " + run.name(), plot, band);
    }

    // ---------------------------------------------------------------- 3 trajectory

    /**
     * The iterate's path in the plane (river coordinate, signed hill displacement), coloured by phase,
     * over the loss in that plane when the landscape can be rebuilt from the spec. The line is the
     * replica mean; the band around it is the typical distance of a replica from the valley floor
     * ({@code amplitude} when recorded, else {@code hill_dist}), so bouncing between the walls and
     * settling at the decay are visible even when the mean itself stays on the floor.
     */
    public static JFreeChart trajectory(Run run) {
        if (hasPath(run)) {
            return pathTrajectory(run);
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
        List<Trace> traces = withColumn(run, TraceColumns.RIVER_COORD);
        for (int k = 0; k < traces.size(); k++) {
            Trace t = traces.get(k);
            Column x = t.column(TraceColumns.RIVER_COORD);
            Column y = t.has(TraceColumns.HILL_DISP) ? t.column(TraceColumns.HILL_DISP) : zeros(t);
            Column spread = t.has(TraceColumns.AMPLITUDE) ? t.column(TraceColumns.AMPLITUDE)
                    : t.has(TraceColumns.HILL_DIST) ? t.column(TraceColumns.HILL_DIST) : null;
            List<Phase> phases = t.phases().isEmpty()
                    ? List.of(new Phase(Phase.Kind.STABLE, t.firstStep(), Math.max(t.lastStep(), t.firstStep() + 1)))
                    : t.phases();
            for (Phase p : phases) {
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
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        for (Phase.Kind kind : legend) {
            items.add(new org.jfree.chart.LegendItem(kind.label() + " phase", null, null, null,
                    new java.awt.geom.Line2D.Double(-8, 0, 8, 0), new BasicStroke(3f), Palette.phase(kind)));
        }
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
            plot.setBackgroundImage(lossImage(valley, xMin, xMax, -yAbs, yAbs, 360, 220));
            plot.setBackgroundImageAlignment(Align.FIT);
            plot.setBackgroundImageAlpha(1f);
            background = "; background: loss in this plane (light = low)";
        }
        String spreadName = traces.stream().anyMatch(t -> t.has(TraceColumns.AMPLITUDE)) ? "oscillation amplitude" : "mean hill distance";
        return chart("Trajectory on the landscape: " + run.name(), plot,
                "line: replica-mean iterate; band: \u00b1 " + spreadName + background
                + (clipped ? "; y axis clipped to 98% of the path" : ""));
    }

    /** Whether a run recorded replica 0's own path ({@code record.path}): {@link #trajectory} then draws it. */
    public static boolean hasPath(Run run) {
        return !pathTraces(run).isEmpty();
    }

    /** The traces with a path (the gradient-flow line aside: it has no phases to colour and does not bounce). */
    private static List<Trace> pathTraces(Run run) {
        List<Trace> out = new ArrayList<>();
        for (Trace t : withColumn(run, TraceColumns.PATH_RIVER_COORD)) {
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
    private static JFreeChart pathTrajectory(Run run) {
        List<Trace> traces = pathTraces(run);
        Optional<Landscape> landscape = run.landscape();
        boolean plane = landscape.isPresent() && landscape.get().dimension() == 2
                && traces.stream().allMatch(t -> t.has(TraceColumns.pathX(0)) && t.has(TraceColumns.pathX(1)));
        String xName = plane ? TraceColumns.pathX(0) : TraceColumns.PATH_RIVER_COORD;
        String yName = plane ? TraceColumns.pathX(1) : TraceColumns.PATH_HILL_DISP;
        TraceDataset decays = new TraceDataset(false);
        TraceDataset others = new TraceDataset(false);
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
        for (Trace t : traces) {
            Column x = t.column(xName);
            Column y = t.column(yName);
            List<Phase> phases = t.phases().isEmpty()
                    ? List.of(new Phase(Phase.Kind.STABLE, t.firstStep(), Math.max(t.lastStep(), t.firstStep() + 1)))
                    : t.phases();
            for (Phase p : phases) {
                boolean decay = p.kind() == Phase.Kind.DECAY;
                TraceDataset data = decay ? decays : others;
                String key = p.kind().label() + " - " + t.line() + " " + p.start();
                // One bucket of overlap so consecutive phases join without a gap.
                TraceDataset.Series s = data.add(key, x, y, null, 0, t.step(), p.start() - t.bucketWidth(), p.end());
                XYLineAndShapeRenderer renderer = decay ? decayRenderer : otherRenderer;
                int series = data.getSeriesCount() - 1;
                // The stable phase translucent, so the decays drawn over it stand out.
                renderer.setSeriesPaint(series, decay ? Palette.phase(p.kind()) : Palette.translucent(Palette.phase(p.kind()), 190));
                renderer.setSeriesStroke(series, decay ? PATH_DECAY : PATH);
                renderer.setSeriesVisibleInLegend(series, false);
                legend.add(p.kind());
                if (decay && s.size() > 0) {
                    ends.add(data.getXValue(series, s.size() - 1), data.getYValue(series, s.size() - 1));
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
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        for (Phase.Kind kind : legend) {
            items.add(new org.jfree.chart.LegendItem(kind.label() + " phase", null, null, null,
                    new java.awt.geom.Line2D.Double(-8, 0, 8, 0), new BasicStroke(3f), Palette.phase(kind)));
        }
        Stroke floorStroke = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
        String background = "";
        if (landscape.isPresent() && landscape.get() instanceof RiverValley valley) {
            if (plane) {
                plot.setBackgroundImage(planeImage(valley, xRange[0], xRange[1], yRange[0], yRange[1], 360, 220));
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
                floorRenderer.setSeriesVisibleInLegend(0, false);
                plot.setDataset(0, new XYSeriesCollection(floor));
                plot.setRenderer(0, floorRenderer);
            } else {
                plot.setBackgroundImage(lossImage(valley, xRange[0], xRange[1], yRange[0], yRange[1], 360, 220));
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
        long width = traces.stream().mapToLong(Trace::bucketWidth).max().orElse(1);
        return chart("Trajectory on the landscape: " + run.name(), plot,
                "one sample trajectory (replica 0, not a mean)" + (plane ? " in the landscape's (x0, x1) plane" : "")
                + (width > 1 ? "; points: means of " + width + "-row buckets" : "") + background);
    }

    private static final Stroke PATH = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke PATH_DECAY = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    /** Widens {@code range} ({lowest, highest} so far) by the finite values of {@code column}. */
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

    /** The loss of a 2-D landscape over a rectangle of its own plane, as {@link #lossImage}'s contours. */
    static BufferedImage planeImage(Landscape landscape, double x0, double x1, double y0, double y1, int w, int h) {
        double[] q = new double[2];
        double[] values = new double[w * h];
        for (int i = 0; i < w; i++) {
            q[0] = x0 + (i + 0.5) / w * (x1 - x0);
            for (int j = 0; j < h; j++) {
                q[1] = y1 - (j + 0.5) / h * (y1 - y0);
                values[j * w + i] = landscape.value(q);
            }
        }
        return contours(values, w, h);
    }

    /**
     * The loss over a rectangle of the plane (river coordinate c, displacement d along the steepest hill
     * direction): the point {@code riverPoint(c) + d n(c)}, other hill coordinates on the floor. Drawn as
     * filled contours: 14 levels of {@code log(1 + (L - Lmin)/scale)}, white at the lowest.
     */
    static BufferedImage lossImage(RiverValley valley, double x0, double x1, double y0, double y1, int w, int h) {
        int d = valley.dimension();
        double[] p = new double[d];
        double[] n = new double[d];
        double[] q = new double[d];
        double[] values = new double[w * h];
        for (int i = 0; i < w; i++) {
            double c = x0 + (i + 0.5) / w * (x1 - x0);
            valley.riverPoint(c, p);
            valley.topHillDirection(p, n);
            for (int j = 0; j < h; j++) {
                double disp = y1 - (j + 0.5) / h * (y1 - y0);
                for (int k = 0; k < d; k++) {
                    q[k] = p[k] + disp * n[k];
                }
                values[j * w + i] = valley.value(q);
            }
        }
        return contours(values, w, h);
    }

    /** Filled contours of a grid of values (row-major, top row first): 14 levels of {@code log(1 + (L - Lmin)/scale)}, white at the lowest. */
    private static BufferedImage contours(double[] values, int w, int h) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double range = hi - lo;
        double scale = range > 0 ? range * 0.02 : 1;
        double top = Math.log1p(range / scale);
        int levels = 14;
        Color light = new Color(0xFFFFFF);
        Color dark = new Color(0xA9B4BF);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double v = values[j * w + i];
                double u = Double.isFinite(v) && top > 0 ? Math.log1p((v - lo) / scale) / top : 1;
                double level = Math.min(levels - 1, Math.floor(u * levels)) / (levels - 1);
                image.setRGB(i, j, mix(light, dark, level).getRGB());
            }
        }
        return image;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    // ---------------------------------------------------------------- 4 river coordinate and hill distance

    /** River coordinate (top) and hill distance (bottom) against step, on one step axis. */
    public static JFreeChart riverAndHill(Run run) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(stepAxis());
        combined.add(panel(run, TraceColumns.RIVER_COORD), 1);
        combined.add(panel(run, TraceColumns.HILL_DIST), 1);
        phaseMarkers(combined.getSubplots().get(1), run.mainTrace());
        return chart("River progress and hill distance: " + run.name(), combined,
                "top: position along the river; bottom: mean distance from the valley floor (band: min-max per bucket); dashed: branches");
    }

    /** A series name: {@code name} for a run's first trace (its main line), {@code "name - <line>"} for the others. */
    private static String seriesName(String name, int k, Trace t) {
        return k == 0 ? name : name + " - " + t.line();
    }

    private static XYPlot panel(Run run, String column) {
        TraceDataset data = new TraceDataset(false);
        DeviationRenderer renderer = lines();
        int series = 0;
        for (int k = 0; k < run.traces().size(); k++) {
            Trace t = run.traces().get(k);
            if (!t.has(column)) {
                continue;
            }
            data.add(seriesName(label(column), k, t), t.step(), t.column(column), null, 0);
            style(renderer, series++, Palette.component(column), stroke(k), k == 0);
        }
        return new XYPlot(data, null, new NumberAxis(label(column)), renderer);
    }

    // ---------------------------------------------------------------- 5 sharpness

    /** Whether a run recorded sharpness (so {@link #sharpness} has something to show). */
    public static boolean hasSharpness(Run run) {
        return run.traces().stream().anyMatch(t -> t.has(TraceColumns.SHARPNESS));
    }

    /** Sharpness (top Hessian eigenvalue) against step, with the stability threshold {@code 2/eta_t}. */
    public static JFreeChart sharpness(Run run) {
        TraceDataset data = new TraceDataset(true);
        DeviationRenderer renderer = lines();
        int series = 0;
        for (int k = 0; k < run.traces().size(); k++) {
            Trace t = run.traces().get(k);
            if (!t.has(TraceColumns.SHARPNESS)) {
                continue;
            }
            data.add(seriesName("sharpness", k, t), t.step(), t.column(TraceColumns.SHARPNESS), null, 0);
            style(renderer, series++, Palette.SHARPNESS, stroke(k), k == 0);
            if (t.has(TraceColumns.LR)) {
                data.add(seriesName("2 / learning rate", k, t), t.step(), twoOver(t.column(TraceColumns.LR)), null, 0);
                style(renderer, series++, Palette.STABILITY, stroke(k == 0 ? 1 : k + 1), k == 0);
            }
        }
        XYPlot plot = new XYPlot(data, stepAxis(), logAxis("curvature (log scale)"), renderer);
        phaseMarkers(plot, run.mainTrace());
        return chart("Sharpness and the stability threshold: " + run.name(), plot,
                "GD is stable along the top hill direction while sharpness < 2 / learning rate");
    }

    private static Column twoOver(Column lr) {
        double[] v = new double[lr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2.0 / lr.mean(i);
        }
        return Column.of("2/lr", v);
    }

    // ---------------------------------------------------------------- 6 comparison

    /** One column (loss or river loss) of every line of several runs, overlaid; colour = schedule family. */
    public static JFreeChart comparison(List<Run> runs, String column) {
        TraceDataset data = new TraceDataset(false);
        DeviationRenderer renderer = lines();
        Map<String, Integer> perFamily = new HashMap<>();
        int series = 0;
        for (Run run : runs) {
            int variant = perFamily.merge(run.family(), 1, Integer::sum) - 1;
            for (int k = 0; k < run.traces().size(); k++) {
                Trace t = run.traces().get(k);
                if (!t.has(column)) {
                    continue;
                }
                data.add(seriesName(run.name(), k, t), t.step(), t.column(column), null, 0);
                Stroke s = variant == 0 ? new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND) : stroke(variant);
                style(renderer, series++, Palette.family(run.family()), s, k == 0);
            }
        }
        XYPlot plot = new XYPlot(data, stepAxis(), new NumberAxis(label(column)), renderer);
        return chart(capitalized(label(column)) + " of every run", plot,
                "colour: schedule family; every line of a run (branches, per-budget runs) in its run's colour; band: min-max per bucket");
    }

    // ---------------------------------------------------------------- 7 budget frontier

    /** Whether any run has checkpoints to put on a frontier. */
    public static boolean hasCheckpoints(List<Run> runs) {
        return runs.stream().anyMatch(r -> !r.summary().checkpoints().isEmpty());
    }

    /** Loss, river loss and hill excess at each checkpoint against the compute spent to reach it. */
    public static JFreeChart budgetFrontier(List<Run> runs) {
        NumberAxis compute = new NumberAxis("compute (optimizer steps spent)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(compute);
        for (int panel = 0; panel < COMPONENTS.length; panel++) {
            String component = COMPONENTS[panel];
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            Map<String, Integer> perFamily = new HashMap<>();
            for (Run run : runs) {
                if (run.summary().checkpoints().isEmpty()) {
                    continue;
                }
                int variant = perFamily.merge(run.family(), 1, Integer::sum) - 1;
                XYSeries s = new XYSeries(run.name() + " (" + run.family() + ")", true, true);
                for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
                    Double v = value(c, component);
                    if (v != null && Double.isFinite(v)) {
                        s.add(c.compute(), v);
                    }
                }
                int index = data.getSeriesCount();
                data.addSeries(s);
                renderer.setSeriesPaint(index, Palette.family(run.family()));
                renderer.setSeriesStroke(index, variant == 0 ? new BasicStroke(2.2f) : stroke(variant));
                renderer.setSeriesShape(index, new Ellipse2D.Double(-5, -5, 10, 10));
                renderer.setSeriesVisibleInLegend(index, panel == 0);
            }
            NumberAxis axis = new NumberAxis(label(component));
            axis.setAutoRangeIncludesZero(false);
            axis.setLabelPaint(Palette.component(component));
            combined.add(new XYPlot(data, null, axis, renderer), 1);
        }
        return chart("Budget frontier: value at each checkpoint against compute", combined,
                "one point per checkpoint budget (values of the checkpoint model); colour: schedule family; lower and further left is better");
    }

    private static Double value(RunSummary.CheckpointResult c, String component) {
        switch (component) {
            case TraceColumns.LOSS:
                return c.loss();
            case TraceColumns.RIVER_LOSS:
                return c.riverLoss();
            default:
                return c.hillExcess();
        }
    }

    // ---------------------------------------------------------------- shared pieces

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, String subtitle) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        RiverValleyTheme.INSTANCE.apply(chart);
        TextTitle sub = new TextTitle(subtitle, RiverValleyTheme.INSTANCE.getSmallFont());
        sub.setPaint(new Color(0x555555));
        chart.addSubtitle(0, sub);
        return chart;
    }

    private static DeviationRenderer lines() {
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        renderer.setDefaultSeriesVisibleInLegend(false);
        return renderer;
    }

    private static void style(DeviationRenderer renderer, int series, Color color, Stroke stroke, boolean legend) {
        renderer.setSeriesPaint(series, color);
        renderer.setSeriesFillPaint(series, color);
        renderer.setSeriesStroke(series, stroke);
        renderer.setSeriesVisibleInLegend(series, legend);
    }

    private static void addPoints(XYPlot plot, int index, XYSeriesCollection data, Color color) {
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, color);
        points.setSeriesShape(0, new Rectangle2D.Double(-5, -5, 10, 10));
        plot.setDataset(index, data);
        plot.setRenderer(index, points);
    }

    private static void phaseMarkers(XYPlot plot, Optional<Trace> trace) {
        if (trace.isEmpty()) {
            return;
        }
        for (Phase p : trace.get().phases()) {
            if (p.kind() == Phase.Kind.DECAY) {
                plot.addDomainMarker(new IntervalMarker(p.start(), p.end(), Palette.translucent(Palette.phase(p.kind()), 22)), Layer.BACKGROUND);
            }
        }
    }

    private static NumberAxis stepAxis() {
        NumberAxis axis = new NumberAxis("step");
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(1e-300);
        // Ticks at whole powers of ten only (JFreeChart's default also picks fractional powers like 6.31E-1).
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        java.text.DecimalFormat format = new java.text.DecimalFormat("0"); // the exponent of the 10^k labels
        for (int k : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
            units.add(new org.jfree.chart.axis.NumberTickUnit(k, format));
        }
        axis.setStandardTickUnits(units);
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    private static Column zeros(Trace t) {
        return Column.of("zero", new double[t.size()]);
    }

    private static List<Trace> withColumn(Run run, String column) {
        List<Trace> out = new ArrayList<>();
        for (Trace t : run.traces()) {
            if (t.has(column)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
