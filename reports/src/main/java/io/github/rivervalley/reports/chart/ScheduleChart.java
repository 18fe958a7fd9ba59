package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.LABEL_BACKGROUND;
import static io.github.rivervalley.reports.chart.ChartStyle.addPoints;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;
import static io.github.rivervalley.reports.chart.ChartStyle.style;
import static io.github.rivervalley.reports.chart.ChartStyle.withColumn;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.schedule.Phase;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Learning rate against step for every line of a run, with phases shaded and checkpoints marked. */
public final class ScheduleChart implements RunChart {

    @Override
    public String name() {
        return "schedule";
    }

    @Override
    public String caption(RecordedRun run) {
        return "Schedule: learning rate of every line (dashed: branches), phases read from the trace, checkpoints dotted.";
    }

    @Override
    public int height() {
        return 560;
    }

    @Override
    public JFreeChart draw(RecordedRun run) {
        TraceDataset data = new TraceDataset(false);
        DeviationRenderer renderer = lines();
        Color color = Palette.family(run.family());
        List<RecordedTrace> traces = withColumn(run, TraceColumns.LR);
        for (int k = 0; k < traces.size(); k++) {
            RecordedTrace t = traces.get(k);
            data.add(t.line(), t.step(), t.column(TraceColumns.LR), null, 0);
            style(renderer, k, color, stroke(k), true);
        }
        XYPlot plot = new XYPlot(data, stepAxis(), RateAxes.linear("learning rate"), renderer);
        Set<Phase.Kind> labelled = EnumSet.noneOf(Phase.Kind.class);
        for (RecordedTrace t : traces) {
            for (Phase p : t.phases()) {
                ChartStyle.shadePhase(plot, p, labelled);
            }
        }
        XYSeries points = new XYSeries("checkpoint", false, true);
        for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
            Optional<RecordedTrace> t = run.trace(c.line());
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
            // one text line above the bottom, where the phase names sit (a decay ending at a budget would overprint it)
            m.setLabelOffset(new RectangleInsets(3, 3, 22, 3));
            m.setLabelBackgroundColor(LABEL_BACKGROUND);
            plot.addDomainMarker(m);
        }
        addPoints(plot, 1, new XYSeriesCollection(points), Palette.BLACK);
        plot.getRangeAxis().setLowerBound(0);
        return chart("Schedule: " + run.name() + " (" + run.family() + ")", plot,
                "one line per training line (dashed: branches); shaded: phases read from the trace; dotted: checkpoints");
    }
}
