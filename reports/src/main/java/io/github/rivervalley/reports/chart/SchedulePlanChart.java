package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The chart of a schedule itself, before anything runs ({@code rivervalley schedule --chart}): the
 * learning rate of every line, its warmups and decays shaded from the schedule's own phases, and the
 * checkpoints dotted. Each line is sampled at every phase boundary plus about {@link #POINTS} evenly
 * spaced steps, so a schedule of any length draws in constant time.
 */
public final class SchedulePlanChart {

    /** Samples per line (besides the phase boundaries). */
    static final int POINTS = 2000;

    private SchedulePlanChart() {
    }

    /** The chart of {@code schedule}, titled with {@code name} and coloured by the schedule's family. */
    public static JFreeChart of(Schedule schedule, String name) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true); // dashes run along the line instead of restarting at every sample
        Color color = Palette.family(schedule.family());
        List<Line> lines = schedule.lines();
        for (int k = 0; k < lines.size(); k++) {
            data.addSeries(sample(lines.get(k)));
            renderer.setSeriesPaint(k, color);
            renderer.setSeriesStroke(k, ChartStyle.stroke(k));
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("step"), RateAxes.linear("learning rate"), renderer);
        Set<Phase.Kind> labelled = EnumSet.noneOf(Phase.Kind.class);
        for (Line line : lines) {
            for (Phase p : line.phases()) {
                ChartStyle.shadePhase(plot, p, labelled);
            }
        }
        for (Checkpoint c : schedule.checkpoints()) {
            ValueMarker m = new ValueMarker(c.step(), Palette.BLACK, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {2f, 3f}, 0f));
            m.setLabel("budget " + c.budget());
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT); // left of the line, so the last one stays inside the plot
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(m);
        }
        JFreeChart chart = new JFreeChart("Schedule: " + name, JFreeChart.DEFAULT_TITLE_FONT, plot, lines.size() > 1);
        RiverValleyTheme.INSTANCE.apply(chart);
        chart.addSubtitle(0, new TextTitle(schedule.family() + ", peak " + schedule.peak() + ", " + lines.size() + " line" + (lines.size() == 1 ? "" : "s")
                + ", total compute " + schedule.totalCompute() + " steps; shaded: warmups and decays; dotted: checkpoints",
                RiverValleyTheme.INSTANCE.getSmallFont()));
        return chart;
    }

    /** The rate of {@code line} at its phase boundaries and about {@link #POINTS} steps in between. */
    static XYSeries sample(Line line) {
        XYSeries series = new XYSeries(line.name(), true, false);
        long stride = Math.max(1, line.length() / POINTS);
        for (Phase p : line.phases()) {
            for (long t = p.start(); t < p.end(); t += stride) {
                series.add(t, line.lr().at(t));
            }
            series.addOrUpdate(p.end() - 1, line.lr().at(p.end() - 1));
        }
        return series;
    }
}
