package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.fittedLogAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.phaseMarkers;
import static io.github.rivervalley.reports.chart.ChartStyle.seriesName;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;
import static io.github.rivervalley.reports.chart.ChartStyle.style;

import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

/** Sharpness (top Hessian eigenvalue) against step, with the stability threshold {@code 2/eta_t}; only when recorded. */
public final class SharpnessChart implements RunChart {

    @Override
    public String name() {
        return "sharpness";
    }

    @Override
    public String caption(RecordedRun run) {
        return Captions.sharpness(run);
    }

    @Override
    public boolean appliesTo(RecordedRun run) {
        return run.traces().stream().anyMatch(t -> t.has(TraceColumns.SHARPNESS));
    }

    @Override
    public JFreeChart draw(RecordedRun run) {
        boolean adam = run.specValue("optimizer.type").orElse("").startsWith("adam");
        boolean preconditioned = adam && run.traces().stream().anyMatch(t -> t.has(TraceColumns.PRECONDITIONED_SHARPNESS));
        double beta1 = run.specValue("optimizer.beta1").map(Double::parseDouble).orElse(ADAM_BETA1);
        // GD is stable below 2/eta; Adam (momentum beta1) below (2 + 2 beta1) / ((1 - beta1) eta) in the preconditioned sharpness.
        double numerator = preconditioned ? (2 + 2 * beta1) / (1 - beta1) : 2.0;
        String column = preconditioned ? TraceColumns.PRECONDITIONED_SHARPNESS : TraceColumns.SHARPNESS;
        String threshold = preconditioned ? String.format(java.util.Locale.ROOT, "%.3g / learning rate (Adam)", numerator) : "2 / learning rate";
        TraceDataset data = new TraceDataset(true);
        DeviationRenderer renderer = lines();
        int series = 0;
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int k = 0; k < run.traces().size(); k++) {
            RecordedTrace t = run.traces().get(k);
            if (!t.has(column)) {
                continue;
            }
            data.add(seriesName(preconditioned ? "preconditioned sharpness" : "sharpness", k, t), t.step(), t.column(column), null, 0);
            style(renderer, series++, Palette.SHARPNESS, stroke(k), k == 0);
            widen(range, t.column(column), null);
            if (t.has(TraceColumns.LR) && (!adam || preconditioned)) {
                Column lr = t.column(TraceColumns.LR);
                data.add(seriesName(threshold, k, t), t.step(), over(numerator, lr), null, 0);
                style(renderer, series++, Palette.STABILITY, k == 0 ? ChartStyle.THIN : stroke(k), k == 0); // the line's own dashes
                widen(range, over(numerator, lr), lr);
            }
        }
        LogAxis axis = fittedLogAxis((preconditioned ? "preconditioned curvature" : "curvature") + " (log scale)", range[0], range[1]);
        XYPlot plot = new XYPlot(data, stepAxis(), axis, renderer);
        phaseMarkers(plot, run.mainTrace());
        ChartStyle.extendLegend(plot, ChartStyle.lineKey(run.traces(), t -> t.has(column)));
        String subtitle = preconditioned
                ? "Adam is stable along the top preconditioned direction while it stays below " + threshold
                : adam ? "Adam's stability is set by the preconditioned sharpness (record.preconditionedSharpness), not by 2 / learning rate"
                : "GD is stable along the top hill direction while sharpness < 2 / learning rate";
        return chart("Sharpness and the stability threshold: " + run.name(), plot,
                subtitle + "; axis fitted to the data (the warmup's near-zero rates put the threshold far above)");
    }

    /** Beta1 of Adam when the spec does not give it. */
    private static final double ADAM_BETA1 = 0.9;

    /**
     * Widens {@code range} to the positive values of {@code column}; with {@code lr}, only on rows whose rate is
     * at least a tenth of the line's peak (a threshold over a warmup's tiny rates would swamp the axis).
     */
    private static void widen(double[] range, Column column, Column lr) {
        double peak = lr == null ? 0 : lr.highest();
        for (int i = 0; i < column.size(); i++) {
            double v = column.mean(i);
            if (v > 0 && Double.isFinite(v) && (lr == null || lr.mean(i) >= 0.1 * peak)) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
    }

    private static Column over(double numerator, Column lr) {
        double[] v = new double[lr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = numerator / lr.mean(i);
        }
        return Column.of("threshold", v);
    }
}
