package io.github.rivervalley.reports.chart;

import io.github.rivervalley.reports.analysis.Captions;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;
import static io.github.rivervalley.reports.chart.ChartStyle.seriesName;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.style;
import static io.github.rivervalley.reports.chart.ChartStyle.phaseMarkers;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.logAxis;

import io.github.rivervalley.reports.trace.Column;
import io.github.rivervalley.reports.trace.Run;
import io.github.rivervalley.reports.trace.Trace;
import io.github.rivervalley.simulator.trace.TraceColumns;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

/** Sharpness (top Hessian eigenvalue) against step, with the stability threshold {@code 2/eta_t}; only when recorded. */
public final class SharpnessChart implements RunChart {

    @Override
    public String name() {
        return "sharpness";
    }

    @Override
    public String caption(Run run) {
        return Captions.sharpness(run);
    }

    @Override
    public boolean appliesTo(Run run) {
        return run.traces().stream().anyMatch(t -> t.has(TraceColumns.SHARPNESS));
    }

    @Override
    public JFreeChart draw(Run run) {
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
}
