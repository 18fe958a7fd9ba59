package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceReader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every line family a chart draws has a legend entry: for each drawn series, the legend holds an entry of
 * its colour and an entry of its dash pattern (a factored key, "loss" in black and "branch-1000" dashed,
 * counts). Checked over every chart of the catalog on runs with several lines (WSD branches, cosine's
 * per-budget runs), where the dashed lines used to have none.
 */
class LegendKeyTest {

    @TempDir
    static Path dir;

    static List<RecordedRun> all;
    static RecordedRun wsd;
    static RecordedRun cosine;

    @BeforeAll
    static void writeRuns() throws IOException {
        long[] budgets = {300, 600, 1200};
        SyntheticRuns.wsd(dir, "wsd", budgets, 0.15, 30, 0.1, 0.1);
        SyntheticRuns.cosine(dir, "cosine", budgets, 0.15, 30, 0.1);
        SyntheticRuns.constant(dir, "constant", 1200, 0.15);
        TraceReader reader = new TraceReader(256);
        all = Runs.find(dir, null).stream().map(d -> Runs.read(d, reader)).toList();
        wsd = all.stream().filter(r -> r.name().equals("wsd")).findFirst().orElseThrow();
        cosine = all.stream().filter(r -> r.name().equals("cosine")).findFirst().orElseThrow();
    }

    @Test
    void everyDrawnLineHasAnEntryOfItsColourAndOneOfItsDashPattern() {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        for (RunChart chart : ChartCatalog.PER_RUN) {
            for (RecordedRun run : List.of(wsd, cosine)) {
                if (chart.appliesTo(run)) {
                    charts.put(run.name() + "-" + chart.name(), chart.draw(run));
                }
            }
        }
        for (RunsChart chart : ChartCatalog.OVERVIEW) {
            charts.put(chart.name(), chart.draw(all));
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            LegendItemCollection legend = e.getValue().getPlot().getLegendItems();
            for (Drawn line : drawn(e.getValue())) {
                checked++;
                if (!hasColour(legend, line.paint())) {
                    missing.add(e.getKey() + ": colour of " + line.key());
                }
                if (line.stroke() != null && !hasDashes(legend, line.stroke())) {
                    missing.add(e.getKey() + ": dash pattern of " + line.key());
                }
                if (line.dashesRestart()) {
                    missing.add(e.getKey() + ": " + line.key() + " is dashed but drawn segment by segment (its dashes restart at every point)");
                }
            }
        }
        assertTrue(checked > 50, "only " + checked + " series checked");
        assertEquals(List.of(), missing);
    }

    @Test
    void aRunWithBranchesNamesEachBranchInTheLogDecomposition() {
        LegendItemCollection legend = ChartCatalog.DECOMPOSITION_LOG.draw(wsd).getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.add(legend.get(i).getLabel());
        }
        for (var t : wsd.traces()) {
            assertTrue(labels.stream().anyMatch(l -> l.startsWith(t.line())), t.line() + " missing from " + labels);
        }
    }

    @Test
    void theSeedsOfOneScheduleShareItsColourAndOneLegendEntry(@TempDir Path seeds) throws IOException {
        long[] budgets = {300, 600};
        for (String name : new String[] {"wsd_seed-1", "wsd_seed-2"}) {
            SyntheticRuns.wsd(seeds, name, budgets, 0.15, 30, 0.1, 0.1);
        }
        SyntheticRuns.cosine(seeds, "cosine", budgets, 0.15, 30, 0.1);
        TraceReader reader = new TraceReader(128);
        List<RecordedRun> runs = Runs.find(seeds, null).stream().map(d -> Runs.read(d, reader)).toList();
        JFreeChart chart = ChartCatalog.COMPARE_LOSS.draw(runs);
        LegendItemCollection legend = chart.getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < legend.getItemCount(); i++) {
            labels.add(legend.get(i).getLabel());
        }
        assertEquals(List.of("cosine", "wsd (2 seeds)", "a run's other lines (thin dotted)"), labels);
        // every wsd series (both seeds, every line) in the wsd entry's colour
        XYPlot plot = (XYPlot) chart.getPlot();
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            if (plot.getDataset().getSeriesKey(s).toString().startsWith("wsd")) {
                assertEquals(legend.get(1).getLinePaint(), plot.getRenderer().getSeriesPaint(s), plot.getDataset().getSeriesKey(s).toString());
            }
        }
    }

    /** A series as drawn: its colour and, when it is a line, its stroke. */
    record Drawn(String key, Paint paint, Stroke stroke, boolean dashesRestart) {
    }

    static List<Drawn> drawn(JFreeChart chart) {
        List<XYPlot> plots = new ArrayList<>();
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        } else if (chart.getPlot() instanceof XYPlot xy) {
            plots.add(xy);
        }
        List<Drawn> out = new ArrayList<>();
        for (XYPlot plot : plots) {
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                XYDataset data = plot.getDataset(d);
                XYItemRenderer r = plot.getRenderer(d);
                for (int s = 0; data != null && r != null && s < data.getSeriesCount(); s++) {
                    if (data.getItemCount(s) == 0) {
                        continue;
                    }
                    Paint paint = r.getSeriesPaint(s);
                    if (paint instanceof Color c && c.getAlpha() == 0) {
                        continue; // an invisible edge (the zero line under an area)
                    }
                    String key = String.valueOf(data.getSeriesKey(s));
                    if (r instanceof XYLineAndShapeRenderer lines) {
                        if (lines.getItemLineVisible(s, 0)) {
                            Stroke stroke = r.getSeriesStroke(s);
                            boolean dashed = stroke instanceof BasicStroke b && b.getDashArray() != null;
                            out.add(new Drawn(key, paint, stroke, dashed && !lines.getDrawSeriesLineAsPath()));
                        }
                    } else if (r instanceof XYDifferenceRenderer) {
                        out.add(new Drawn(key, paint, r.getSeriesStroke(s), false));
                    } else if (r instanceof XYAreaRenderer) {
                        out.add(new Drawn(key, paint, null, false));
                    }
                }
            }
        }
        return out;
    }

    private static boolean hasColour(LegendItemCollection legend, Paint paint) {
        for (int i = 0; i < legend.getItemCount(); i++) {
            LegendItem item = legend.get(i);
            if (sameRgb(item.getLinePaint(), paint) || sameRgb(item.getFillPaint(), paint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDashes(LegendItem item, Stroke stroke) {
        return item.isLineVisible() && item.getLineStroke() instanceof BasicStroke a && stroke instanceof BasicStroke b
                && Arrays.equals(a.getDashArray(), b.getDashArray());
    }

    private static boolean hasDashes(LegendItemCollection legend, Stroke stroke) {
        for (int i = 0; i < legend.getItemCount(); i++) {
            if (hasDashes(legend.get(i), stroke)) {
                return true;
            }
        }
        return false;
    }

    /** Same colour ignoring transparency (an area's fill and its legend swatch may differ in alpha only). */
    private static boolean sameRgb(Paint a, Paint b) {
        return a instanceof Color x && b instanceof Color y && (x.getRGB() & 0xFFFFFF) == (y.getRGB() & 0xFFFFFF);
    }
}
