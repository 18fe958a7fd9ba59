package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.chart;

import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.schedule.Phase;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The stacked decomposition zoomed on the decay that ends last (WSD: the largest budget's branch), with
 * as many steps before it as the decay lasts: where the hill excess drains away and the river loss keeps
 * falling.
 */
public final class DecompositionZoomChart implements RunChart {

    @Override
    public String name() {
        return "decomposition-zoom";
    }

    @Override
    public int height() {
        return 760;
    }

    @Override
    public String caption(RecordedRun run) {
        return Captions.decompositionZoom(run);
    }

    @Override
    public boolean appliesTo(RecordedRun run) {
        return lastDecay(run).isPresent();
    }

    /** The line and decay phase that ends last, if any line has a decay. */
    static Optional<Map.Entry<RecordedTrace, Phase>> lastDecay(RecordedRun run) {
        Map.Entry<RecordedTrace, Phase> last = null;
        for (RecordedTrace t : run.traces()) {
            for (Phase p : t.phases(Phase.Kind.DECAY)) {
                if (last == null || p.end() > last.getValue().end()) {
                    last = Map.entry(t, p);
                }
            }
        }
        return Optional.ofNullable(last);
    }

    @Override
    public JFreeChart draw(RecordedRun run) {
        Map.Entry<RecordedTrace, Phase> last = lastDecay(run).orElseThrow(() -> new IllegalArgumentException("run " + run.name() + " has no decay"));
        RecordedTrace root = last.getKey();
        Phase decay = last.getValue();
        double from = Math.max(0, decay.start() - decay.length());
        double to = decay.end();
        XYPlot stacked = StackedDecomposition.plot(run, root, from, to, false);
        // Below, the hill excess alone on its own scale: on a steep river it is a thin layer in the panel above.
        XYSeriesCollection hill = new XYSeriesCollection();
        XYSeries excess = new XYSeries("hill excess [" + root.line() + "]", true, true);
        Column x = root.step();
        Column y = root.column(TraceColumns.HILL_EXCESS);
        for (int i = 0; i < x.size(); i++) {
            if (x.mean(i) >= from && x.mean(i) <= to && Double.isFinite(y.mean(i))) {
                excess.add(x.mean(i), y.mean(i));
            }
        }
        hill.addSeries(excess);
        XYAreaRenderer area = new XYAreaRenderer(XYAreaRenderer.AREA);
        area.setSeriesPaint(0, Palette.translucent(Palette.HILL, 150));
        NumberAxis hillAxis = new NumberAxis("hill excess");
        hillAxis.setRangeType(org.jfree.data.RangeType.POSITIVE);
        XYPlot hillPlot = new XYPlot(hill, null, hillAxis, area);
        ChartStyle.phaseMarkers(hillPlot, java.util.Optional.of(root));
        NumberAxis steps = ChartStyle.stepAxis();
        steps.setRange(from, to);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(steps);
        combined.add(stacked, 2);
        combined.add(hillPlot, 1);
        combined.setFixedLegendItems(stacked.getFixedLegendItems());
        return chart("Decomposition around the decay at steps " + decay.start() + "\u2013" + decay.end() + ": " + run.name(),
                combined, "top: the stacked decomposition on the " + root.line() + " line; bottom: its hill excess on its own scale; "
                        + "shaded: the decay");
    }
}
