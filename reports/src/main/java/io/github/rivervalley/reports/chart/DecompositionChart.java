package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.COMPONENTS;
import static io.github.rivervalley.reports.chart.ChartStyle.THEORY;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.label;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.phaseMarkers;
import static io.github.rivervalley.reports.chart.ChartStyle.seriesName;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;
import static io.github.rivervalley.reports.chart.ChartStyle.style;

import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

/** Loss, river loss and hill excess against step, with replica bands; on a log axis when {@code log}. */
public final class DecompositionChart implements RunChart {

    private final boolean log;

    /** The decomposition on a linear ({@code log = false}) or logarithmic loss axis. */
    public DecompositionChart(boolean log) {
        this.log = log;
    }

    @Override
    public String name() {
        return log ? "decomposition-log" : "decomposition";
    }

    @Override
    public String caption(RecordedRun run) {
        return Captions.decomposition(run, log);
    }

    @Override
    public JFreeChart draw(RecordedRun run) {
        if (!log && StackedDecomposition.stackedLine(run).isPresent()) {
            RecordedTrace root = StackedDecomposition.stackedLine(run).get();
            XYPlot plot = StackedDecomposition.plot(run, root, root.firstStep(), run.traces().stream().mapToLong(RecordedTrace::lastStep).max().orElseThrow(), true);
            return chart("Loss decomposition: " + run.name(), plot, "loss = river loss + hill excess (orange) on the "
                    + root.line() + " line; bucket means" + (run.traces().size() > 1 ? "; dashed: other lines" : "")
                    + StackedDecomposition.fittedRange(run).map(r -> String.format(java.util.Locale.ROOT,
                            "; y axis fitted to the second half of the steps, the start (up to %.3g) is cut off", r[2])).orElse(""));
        }
        TraceDataset data = new TraceDataset(log);
        DeviationRenderer renderer = lines();
        long width = 1;
        boolean theory = false;
        for (int k = 0; k < run.traces().size(); k++) {
            RecordedTrace t = run.traces().get(k);
            width = Math.max(width, t.bucketWidth());
            for (String component : COMPONENTS) {
                if (!t.has(component)) {
                    continue;
                }
                String se = component + "_se";
                TraceDataset.Series s = data.add(seriesName(label(component), k, t),
                        t.step(), t.column(component), t.has(se) ? t.column(se) : null, 2.0);
                style(renderer, data.getSeriesCount() - 1, Palette.component(component), stroke(k), k == 0 && s.size() > 0);
                String exact = "theory_" + component;
                if (t.has(exact)) { // the exact expected value, where the run has theory: thin and dashed over the mean
                    TraceDataset.Series e = data.add(seriesName(label(component) + " (theory)", k, t), t.step(), t.column(exact), null, 0.0);
                    style(renderer, data.getSeriesCount() - 1, Palette.component(component), THEORY, k == 0 && e.size() > 0);
                    theory = true;
                }
            }
        }
        ValueAxis range = log ? ChartStyle.fittedLogAxis("loss (log scale)", run.traces(), List.of(COMPONENTS)) : new NumberAxis("loss");
        XYPlot plot = new XYPlot(data, stepAxis(), range, renderer);
        phaseMarkers(plot, run.mainTrace());
        ChartStyle.extendLegend(plot, ChartStyle.lineKey(run.traces(), t -> java.util.Arrays.stream(COMPONENTS).anyMatch(t::has)));
        boolean se = run.traces().stream().anyMatch(t -> t.has(TraceColumns.LOSS_SE));
        String band = (se ? "band: mean \u00b1 2 SE over " + run.summary().replicas() + " replicas" : "band: 1 replica, no SE")
                + (width > 1 ? (se ? " and " : "; ") + "min\u2013max per " + width + "-step bucket" : "")
                + (log ? "; values \u2264 0 not shown, the first 2% of steps may fall below the axis" : "")
                + (run.traces().size() > 1 ? "; dashed: other lines" : "")
                + (theory ? "; thin dashed: exact expected values (theory)" : "");
        return chart("Loss decomposition" + (log ? " (log)" : "") + ": " + run.name(), plot, band);
    }
}
