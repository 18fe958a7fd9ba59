package io.github.rivervalley.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceReader;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Renders every chart type headless from small runs and checks that both files decode. */
class ChartsTest {

    @TempDir
    static Path runs;

    static RecordedRun wsd;
    static List<RecordedRun> all;

    @BeforeAll
    static void writeRuns() throws IOException {
        long[] budgets = {300, 600, 1200};
        SyntheticRuns.wsd(runs, "wsd", budgets, 0.15, 30, 0.1, 0.1);
        SyntheticRuns.cosine(runs, "cosine", budgets, 0.15, 30, 0.1);
        SyntheticRuns.constant(runs, "constant", 1200, 0.15);
        TraceReader reader = new TraceReader(256);
        all = Runs.find(runs, null).stream().map(d -> Runs.read(d, reader)).toList();
        wsd = all.stream().filter(r -> r.name().equals("wsd")).findFirst().orElseThrow();
    }

    @Test
    void everyChartTypeRendersToPngAndSvg() throws Exception {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        // Every chart of the catalog: the report draws exactly these.
        for (RunChart chart : ChartCatalog.PER_RUN) {
            if (chart == ChartCatalog.PROBE) {
                // Only for runs that stored iterates (record.iterates), which the synthetic runs do not.
                assertFalse(chart.appliesTo(wsd));
                RecordedRun probed = ProbeChartTest.run(Path.of("target", "chart-test-runs"), "probed", ", iterates: [100, 400]");
                assertTrue(chart.appliesTo(probed));
                charts.put(chart.name(), chart.draw(probed));
                continue;
            }
            assertTrue(chart.appliesTo(wsd), chart.name());
            charts.put(chart.name(), chart.draw(wsd));
        }
        for (RunsChart chart : ChartCatalog.OVERVIEW) {
            assertTrue(chart.appliesTo(all), chart.name());
            charts.put(chart.name(), chart.draw(all));
        }
        assertEquals(ChartCatalog.PER_RUN.size() + ChartCatalog.OVERVIEW.size(), charts.size(), "chart names are distinct");
        assertFalse(TrajectoryChart.hasPath(wsd));
        for (String example : new String[] {"curved-wsd", "straight-wsd"}) {
            RecordedRun run = example(example);
            assertTrue(TrajectoryChart.hasPath(run), example);
            charts.put("trajectory-path-" + example, ChartCatalog.TRAJECTORY.draw(run));
        }
        Path out = Path.of("target", "chart-test");
        Files.createDirectories(out);
        for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
            ChartFiles.Written w = ChartFiles.write(e.getValue(), out, e.getKey(), 1000, 600);
            BufferedImage image = ImageIO.read(w.png().toFile());
            assertNotNull(image, e.getKey() + ".png does not decode");
            assertEquals(1000, image.getWidth());
            assertEquals(600, image.getHeight());
            assertTrue(distinctColours(image) > 8, e.getKey() + ".png is (nearly) blank");
            Document svg = xml().newDocumentBuilder().parse(w.svg().toFile());
            assertEquals("svg", svg.getDocumentElement().getTagName());
            assertEquals(1000.0, Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
            // A chart with data draws paths; an empty one would have only the frame and text.
            assertTrue(svg.getElementsByTagName("path").getLength() > 3, e.getKey() + ".svg has no series paths");
            long size = Files.size(w.svg());
            assertTrue(size > 5_000 && size < 3_000_000, e.getKey() + ".svg has " + size + " bytes");
            BufferedImage image2x = ImageIO.read(w.png2x().toFile());
            assertEquals(2000, image2x.getWidth());
            assertEquals(1200, image2x.getHeight());
            // The PDF parses (PDFBox), has one page of 0.6 times the pixel size in points, and renders to a non-blank image.
            try (PDDocument pdf = Loader.loadPDF(w.pdf().toFile())) {
                assertEquals(1, pdf.getNumberOfPages());
                assertEquals(600f, pdf.getPage(0).getMediaBox().getWidth());
                assertEquals(360f, pdf.getPage(0).getMediaBox().getHeight());
                BufferedImage page = new PDFRenderer(pdf).renderImage(0);
                assertTrue(distinctColours(page) > 8, e.getKey() + ".pdf renders (nearly) blank");
            }
        }
    }

    /**
     * With path columns the chart draws replica 0's own values: on the 2-D curved valley its coordinates,
     * on the 11-D straight valley (river coordinate, hill displacement); every point inside the axes.
     */
    @Test
    void pathTrajectoryDrawsReplicaZero() {
        for (String[] c : new String[][] {{"curved-wsd", "path_x0", "path_x1", "x0"},
                {"straight-wsd", "path_river_coord", "path_hill_disp", "river coordinate (replica 0)"}}) {
            RecordedRun run = example(c[0]);
            XYPlot plot = ChartCatalog.TRAJECTORY.draw(run).getXYPlot();
            assertEquals(c[3], plot.getDomainAxis().getLabel());
            RecordedTrace main = run.mainTrace().orElseThrow();
            int drawn = 0;
            boolean firstFound = false;
            for (int d = 1; d <= 2; d++) { // datasets 1 and 2: the path outside and inside decays
                XYDataset data = plot.getDataset(d);
                for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                    for (int i = 0; i < data.getItemCount(s); i++) {
                        double x = data.getXValue(s, i);
                        double y = data.getYValue(s, i);
                        assertTrue(plot.getDomainAxis().getRange().contains(x), c[0] + " x " + x);
                        assertTrue(plot.getRangeAxis().getRange().contains(y), c[0] + " y " + y);
                        drawn++;
                        // exact: a bucket is drawn at its mean x and, when it holds several rows, its lowest and highest y
                        boolean bucketed = main.bucketWidth() > 1;
                        firstFound |= x == main.column(c[1]).mean(0)
                                && y == (bucketed ? main.column(c[2]).min(0) : main.column(c[2]).mean(0));
                    }
                }
            }
            assertTrue(firstFound, c[0] + ": the path's first point is drawn");
            assertTrue(drawn > main.size(), c[0] + ": " + drawn + " points");
        }
    }

    /** An example run spec (with {@code record.path}) run into the temporary directory and read back. */
    /** Where the run has theory columns, the decomposition draws them: one "(theory)" series per component and line. */
    @Test
    void decompositionDrawsTheTheoryWhereTheRunHasIt() {
        RecordedRun straight = example("straight-wsd");
        // The log chart draws loss, river loss and hill excess of every line; the stacked one loss and river loss
        // (the hill excess is the gap between them).
        for (boolean log : new boolean[] {true, false}) {
            XYDataset data = ((XYPlot) new DecompositionChart(log).draw(straight).getPlot()).getDataset();
            int theory = 0;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                theory += data.getSeriesKey(s).toString().contains("(theory)") ? 1 : 0;
            }
            assertEquals((log ? 3 : 2) * straight.traces().size(), theory, "theory series of every line, log " + log);
            XYDataset synthetic = ((XYPlot) new DecompositionChart(log).draw(wsd).getPlot()).getDataset();
            for (int s = 0; s < synthetic.getSeriesCount(); s++) {
                assertFalse(synthetic.getSeriesKey(s).toString().contains("(theory)"), "no theory columns, no theory series");
            }
        }
    }

    @Test
    void checkpointLabelsSitAboveThePhaseNamesSoADecayEndingAtABudgetKeepsItsName() {
        XYPlot plot = (XYPlot) ChartCatalog.SCHEDULE.draw(wsd).getPlot();
        // both label kinds hang from the bottom of the plot; the phase name is one text line tall
        java.awt.FontMetrics metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
                .getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
        double phaseTop = 0;
        for (Object o : plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)) {
            org.jfree.chart.plot.Marker m = (org.jfree.chart.plot.Marker) o;
            if (m.getLabel() != null) {
                assertEquals(m.getLabelFont().getSize(), 13, "the metrics above are of the phase names' font");
                phaseTop = Math.max(phaseTop, m.getLabelOffset().getBottom() + metrics.getHeight());
            }
        }
        assertTrue(phaseTop > 0, "the wsd run's phases are named");
        int checkpoints = 0;
        for (Object o : plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            org.jfree.chart.plot.Marker m = (org.jfree.chart.plot.Marker) o;
            if (m.getLabel() != null && m.getLabel().startsWith("budget ")) {
                checkpoints++;
                assertTrue(m.getLabelOffset().getBottom() >= phaseTop,
                        m.getLabel() + " starts " + m.getLabelOffset().getBottom() + " px up, inside the phase names (" + phaseTop + " px)");
            }
        }
        assertEquals(3, checkpoints, "one label per budget");
    }

    @Test
    void aComparisonOnALogAxisFitsTheAxisToTheValuesAfterTheStart() {
        String column = io.github.rivervalley.simulator.results.TraceColumns.HILL_EXCESS;
        org.jfree.chart.axis.ValueAxis axis = ((XYPlot) ComparisonChart.of(column).onLogAxis().draw(all).getPlot()).getRangeAxis();
        assertTrue(axis instanceof org.jfree.chart.axis.LogAxis, axis.getClass().getName());
        // independently: the smallest positive mean after each line's first 2% of steps, the largest bucket maximum
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (RecordedRun run : all) {
            for (RecordedTrace t : run.traces()) {
                double skip = t.firstStep() + 0.02 * (t.lastStep() - t.firstStep());
                var c = t.column(column);
                for (int i = 0; i < c.size(); i++) {
                    if (c.mean(i) > 0) {
                        hi = Math.max(hi, c.max(i));
                        lo = t.step().mean(i) >= skip ? Math.min(lo, c.mean(i)) : lo;
                    }
                }
            }
        }
        assertTrue(axis.getLowerBound() <= lo && axis.getUpperBound() >= hi, axis.getRange() + " must hold [" + lo + ", " + hi + "]");
        // fitted: the bottom is near the data (within a factor 2), not decades below it
        assertTrue(axis.getLowerBound() > lo / 2, axis.getLowerBound() + " far below " + lo);
        assertFalse(((XYPlot) ComparisonChart.of(column).draw(all).getPlot()).getRangeAxis() instanceof org.jfree.chart.axis.LogAxis,
                "the plain comparison stays linear");
    }

    private static RecordedRun example(String name) {
        RunSpec spec = SpecReader.instance().read(Path.of("..", "examples", name + ".yaml"), RunSpec.class);
        if (!Files.isDirectory(runs.resolve("examples").resolve(spec.name()))) {
            Simulation.run(spec, runs.resolve("examples"), 2);
        }
        return Runs.read(runs.resolve("examples").resolve(spec.name()), new TraceReader(256));
    }

    /** An XML parser that does not fetch the SVG DTD from the network. */
    static DocumentBuilderFactory xml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
