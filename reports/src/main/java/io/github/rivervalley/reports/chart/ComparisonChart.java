package io.github.rivervalley.reports.chart;

import static io.github.rivervalley.reports.chart.ChartStyle.label;
import static io.github.rivervalley.reports.chart.ChartStyle.stroke;
import static io.github.rivervalley.reports.chart.ChartStyle.seriesName;
import static io.github.rivervalley.reports.chart.ChartStyle.chart;
import static io.github.rivervalley.reports.chart.ChartStyle.lines;
import static io.github.rivervalley.reports.chart.ChartStyle.style;
import static io.github.rivervalley.reports.chart.ChartStyle.stepAxis;
import static io.github.rivervalley.reports.chart.ChartStyle.capitalized;

import io.github.rivervalley.reports.trace.Run;
import io.github.rivervalley.reports.trace.Trace;
import java.awt.BasicStroke;
import java.awt.Stroke;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;

/** One column (loss or river loss) of every line of several runs, overlaid; colour = schedule family. */
public final class ComparisonChart implements RunsChart {

    private final String column;
    private final String name;
    private final Function<List<Run>, String> caption;

    /** The comparison of trace column {@code column}, saved as {@code name}, captioned by {@code caption} (computed from the runs). */
    public ComparisonChart(String column, String name, Function<List<Run>, String> caption) {
        this.column = column;
        this.name = name;
        this.caption = caption;
    }

    /** The comparison of {@code column} under its own name (for charts outside the report). */
    public static ComparisonChart of(String column) {
        return new ComparisonChart(column, "compare-" + column.replace('_', '-'), runs -> capitalized(label(column)) + " of every run.");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String caption(List<Run> runs) {
        return caption.apply(runs);
    }

    @Override
    public JFreeChart draw(List<Run> runs) {
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
}
