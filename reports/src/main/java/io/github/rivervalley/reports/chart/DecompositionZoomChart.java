package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.chart;

import io.github.rivervalley.reports.analysis.Captions;
import io.github.rivervalley.reports.trace.Run;
import io.github.rivervalley.reports.trace.Trace;
import io.github.rivervalley.simulator.schedule.Phase;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

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
    public String caption(Run run) {
        return Captions.decompositionZoom(run);
    }

    @Override
    public boolean appliesTo(Run run) {
        return lastDecay(run).isPresent();
    }

    /** The line and decay phase that ends last, if any line has a decay. */
    static Optional<Map.Entry<Trace, Phase>> lastDecay(Run run) {
        Map.Entry<Trace, Phase> last = null;
        for (Trace t : run.traces()) {
            for (Phase p : t.phases(Phase.Kind.DECAY)) {
                if (last == null || p.end() > last.getValue().end()) {
                    last = Map.entry(t, p);
                }
            }
        }
        return Optional.ofNullable(last);
    }

    @Override
    public JFreeChart draw(Run run) {
        Map.Entry<Trace, Phase> last = lastDecay(run).orElseThrow(() -> new IllegalArgumentException("run " + run.name() + " has no decay"));
        Trace root = last.getKey();
        Phase decay = last.getValue();
        double from = Math.max(0, decay.start() - decay.length());
        double to = decay.end();
        return chart("Decomposition around the decay at steps " + decay.start() + "\u2013" + decay.end() + ": " + run.name(),
                StackedDecomposition.plot(run, root, from, to, false), "zoom of the stacked decomposition on the " + root.line()
                        + " line: the orange hill excess drains in the decay (shaded) while the river loss keeps falling");
    }
}
