package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;

/**
 * The second-half rule for a y axis: when a line's start dwarfs the rest (a loss falling fast onto a floor,
 * after which the schedules differ by a hundredth), the axis is fitted to the second half of the steps and
 * the chart says the start is cut off. Used by the report's loss charts, the notebook's and the optimizer's.
 */
public final class SecondHalfAxis {

    private SecondHalfAxis() {
    }

    /** The start dwarfs the rest when it spans more than this many times the range of the second half. */
    static final double DWARFED = 10.0;

    /**
     * When the values over the first half of the steps span more than {@link #DWARFED} times the range of the
     * second half (a loss falling fast to a floor, as a bigram model's does to the entropy, after which the
     * schedules differ by a hundredth): {lo, hi, top}, from the lowest value anywhere to the highest of the
     * second half, padded by 10%, and the highest value overall (what the cut-off start reaches); empty otherwise.
     */
    static Optional<double[]> secondHalfRange(List<RecordedTrace> traces, List<String> columns) {
        double end = traces.stream().mapToLong(RecordedTrace::lastStep).max().orElse(0);
        double start = traces.stream().mapToLong(RecordedTrace::firstStep).min().orElse(0);
        return secondHalfRange(start, end, sink -> {
            for (RecordedTrace t : traces) {
                for (String column : columns) {
                    if (t.has(column)) {
                        Column c = t.column(column);
                        for (int i = 0; i < c.size(); i++) {
                            sink.accept(t.step().mean(i), c.min(i), c.max(i));
                        }
                    }
                }
            }
        });
    }

    /** Where {@link #secondHalfRange(double, double, Points)} reads a chart's values: each x with the y extent drawn there. */
    @FunctionalInterface
    interface Points {
        void forEach(PointSink sink);
    }

    /** One x and the lowest and highest y drawn at it. */
    @FunctionalInterface
    interface PointSink {
        void accept(double x, double lo, double hi);
    }

    /** The rule of {@link #secondHalfRange(List, List)} over any points whose x runs from {@code start} to {@code end}. */
    static Optional<double[]> secondHalfRange(double start, double end, Points points) {
        double mid = start + 0.5 * (end - start);
        double[] all = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] late = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        points.forEach((x, min, max) -> {
            if (Double.isFinite(min) && Double.isFinite(max)) {
                double[] into = x >= mid ? late : all;
                into[0] = Math.min(into[0], min);
                into[1] = Math.max(into[1], max);
            }
        });
        // The bottom stays the lowest value anywhere; only the top is fitted (a run dipping early keeps its dip).
        double lo = Math.min(all[0], late[0]);
        double top = Math.max(all[1], late[1]);
        double span = late[1] - lo;
        if (!(span > 0) || !(top - lo > DWARFED * span)) {
            return Optional.empty();
        }
        return Optional.of(new double[] {lo - 0.1 * span, late[1] + 0.1 * span, top});
    }

    /**
     * Applies the second-half rule to any line chart (the notebook's {@code lines}, the optimizer's expected
     * loss): when its start dwarfs the rest, the y axis is fitted to the second half and a subtitle says the
     * start is cut off. Returns the chart.
     */
    public static JFreeChart fitToSecondHalf(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                start = Math.min(start, data.getXValue(s, i));
                end = Math.max(end, data.getXValue(s, i));
            }
        }
        Optional<double[]> fitted = secondHalfRange(start, end, sink -> {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    sink.accept(data.getXValue(s, i), data.getYValue(s, i), data.getYValue(s, i));
                }
            }
        });
        fitted.ifPresent(r -> {
            plot.getRangeAxis().setRange(r[0], r[1]);
            chart.addSubtitle(0, ChartStyle.subtitle(String.format(Locale.ROOT,
                    "y axis fitted to the second half, the start (up to %.3g) is cut off", r[2])));
        });
        return chart;
    }
}
