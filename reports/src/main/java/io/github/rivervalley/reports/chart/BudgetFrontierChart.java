package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.COMPONENTS;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.label;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Loss, river loss and hill excess at each checkpoint against the compute spent to reach it. */
public final class BudgetFrontierChart implements RunsChart {

    @Override
    public String name() {
        return "budget-frontier";
    }

    @Override
    public String caption(List<RecordedRun> runs) {
        return "Budget frontier: loss, river loss and hill excess of each checkpoint against the compute spent to obtain it (lower and further left is better).";
    }

    @Override
    public int height() {
        return 900;
    }

    /** Only when some run has checkpoints to put on a frontier. */
    @Override
    public boolean appliesTo(List<RecordedRun> runs) {
        return runs.stream().anyMatch(r -> !r.summary().checkpoints().isEmpty());
    }

    @Override
    public JFreeChart draw(List<RecordedRun> runs) {
        NumberAxis compute = new NumberAxis("compute (optimizer steps spent)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(compute);
        for (int panel = 0; panel < COMPONENTS.length; panel++) {
            String component = COMPONENTS[panel];
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            Map<String, Integer> perFamily = new HashMap<>();
            for (RecordedRun run : runs) {
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
}
