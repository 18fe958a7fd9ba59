package io.github.rivervalley.reports.demo;

import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.html.HtmlReport;
import io.github.rivervalley.simulator.engine.BoundRun;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs the demo study and writes its report. Output layout under the chosen directory:
 * {@code specs/*.yaml} (the study's run specs), {@code runs/<name>/} (trace, summary, resolved spec per
 * run) and {@code report/index.html}.
 */
public final class DemoStudy {

    /** The study's run specs, by name, in the order they run and are listed. */
    public static final List<String> SPECS = List.of("wsd", "wsd-s", "cosine", "cyclic-cosine", "constant");

    private static final String RESOURCES = "/io/github/rivervalley/reports/demo/";

    private DemoStudy() {
    }

    /** What the demo produced. */
    public record Study(List<RunSummary> summaries, HtmlReport.Written report) {
    }

    /** The YAML text of each run spec of the study. */
    public static Map<String, String> specTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : SPECS) {
            try (InputStream in = DemoStudy.class.getResourceAsStream(RESOURCES + name + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("demo spec " + name + ".yaml is missing from the jar");
                }
                texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read demo spec " + name, e);
            }
        }
        return texts;
    }

    /** Runs the study into {@code out} on {@code threads} threads, reporting progress to {@code log}. */
    public static Study run(Path out, int threads, PrintWriter log) {
        return run(out, threads, log, ChartFormats.ALL);
    }

    /** As {@link #run(Path, int, PrintWriter)}, the report's charts in {@code formats} only. */
    public static Study run(Path out, int threads, PrintWriter log, ChartFormats formats) {
        Map<String, String> texts = specTexts();
        // Validate and bind every spec, once, before anything runs or is written.
        List<BoundRun> specs = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            RunSpec spec = SpecReader.instance().bind(SpecReader.instance().readTree(e.getValue(), "demo/" + e.getKey() + ".yaml"), RunSpec.class);
            specs.add(Simulation.bind(spec));
        }
        for (Map.Entry<String, String> e : texts.entrySet()) {
            AtomicFile.writeString(out.resolve("specs").resolve(e.getKey() + ".yaml"), e.getValue());
        }
        List<RunSummary> summaries = new ArrayList<>();
        Path runs = out.resolve("runs");
        for (BoundRun spec : specs) {
            long start = System.nanoTime();
            summaries.add(Simulation.run(spec, runs, threads));
            log.printf(Locale.ROOT, "ran %-14s %5.1f s%n", spec.run().name(), (System.nanoTime() - start) / 1e9);
            log.flush();
        }
        long start = System.nanoTime();
        HtmlReport.Written report = new HtmlReport(threads, HtmlReport.PerRunCharts.AUTO, formats).write(runs, out.resolve("report"));
        log.printf(Locale.ROOT, "report: %d charts in %.1f s%n", report.charts(), (System.nanoTime() - start) / 1e9);
        return new Study(summaries, report);
    }

    /** The loss at each checkpoint budget per schedule, as a text table. */
    public static String table(List<RunSummary> summaries) {
        TreeSet<Long> budgets = new TreeSet<>();
        for (RunSummary s : summaries) {
            for (RunSummary.CheckpointResult c : s.checkpoints()) {
                budgets.add(c.budget());
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-15s", "loss at budget"));
        for (long b : budgets) {
            out.append(String.format(Locale.ROOT, "%12d", b));
        }
        out.append('\n');
        for (RunSummary s : summaries) {
            out.append(String.format(Locale.ROOT, "%-15s", s.schedule()));
            for (long b : budgets) {
                Double loss = null;
                for (RunSummary.CheckpointResult c : s.checkpoints()) {
                    if (c.budget() == b) {
                        loss = c.loss();
                    }
                }
                out.append(loss == null ? String.format(Locale.ROOT, "%12s", "-") : String.format(Locale.ROOT, "%12.4f", loss));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
