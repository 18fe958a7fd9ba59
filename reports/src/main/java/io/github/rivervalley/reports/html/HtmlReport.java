package io.github.rivervalley.reports.html;

import io.github.rivervalley.reports.analysis.Conclusions;
import io.github.rivervalley.reports.chart.ChartCatalog;
import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.chart.RunChart;
import io.github.rivervalley.reports.chart.RunsChart;
import io.github.rivervalley.reports.chart.SweepCharts;
import io.github.rivervalley.simulator.concurrent.Pool;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.io.Csv;
import io.github.rivervalley.simulator.io.StagedDirectory;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceFormatException;
import io.github.rivervalley.simulator.results.read.TraceReader;
import io.github.rivervalley.simulator.sweep.SweepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * Writes the static HTML report of every run under a directory.
 *
 * <p>Layout of the output: {@code index.html} and {@code charts/*.png|svg}. Links to the runs' CSV,
 * JSON and YAML files are relative, so the results directory and the report can be moved together.
 * A sweep directory ({@code sweep.csv} next to its runs) additionally gets the sweep charts
 * ({@link SweepCharts}: budget frontier, final loss against each numeric axis, heat map) and its
 * summary table.
 */
public final class HtmlReport {

    /** Chart size in pixels (PNG) and user units (SVG). */
    static final int WIDTH = 1100;
    static final int HEIGHT = 620;
    /** Characters of a runs-table cell; longer text is cut, in full on hover and in the run's spec section. */
    static final int CELL = 28;
    /** Rows of a sweep table shown inline (the full table is linked). */
    static final int SWEEP_ROWS = 500;

    /** A sweep with more runs than this gets a summary report unless per-run charts are asked for. */
    public static final int SUMMARY_ABOVE = 8;

    /** Whether each run gets its own charts. */
    public enum PerRunCharts {
        /** Yes, unless the directory is a sweep of more than {@link #SUMMARY_ABOVE} runs. */
        AUTO,
        ALWAYS,
        NEVER
    }

    private final TraceReader reader;
    private final int threads;
    private final PerRunCharts perRun;
    private final ChartFormats formats;

    /** A report writer reading traces with {@code reader} and rendering charts on {@code threads} threads. */
    public HtmlReport(TraceReader reader, int threads) {
        this(reader, threads, PerRunCharts.AUTO);
    }

    /** As {@link #HtmlReport(TraceReader, int)}, choosing when runs get their own charts. */
    public HtmlReport(TraceReader reader, int threads, PerRunCharts perRun) {
        this(reader, threads, perRun, ChartFormats.ALL);
    }

    /**
     * A report writer reading traces in full (the default {@link TraceReader}), for runs held in memory
     * ({@link #write(Path, List, Path)}) or read from a directory.
     */
    public HtmlReport(int threads, PerRunCharts perRun, ChartFormats formats) {
        this(new TraceReader(), threads, perRun, formats);
    }

    /** As {@link #HtmlReport(TraceReader, int, PerRunCharts)}, writing each chart in {@code formats} only. */
    public HtmlReport(TraceReader reader, int threads, PerRunCharts perRun, ChartFormats formats) {
        this.reader = reader;
        this.threads = Math.max(1, threads);
        this.perRun = perRun;
        this.formats = formats;
    }

    /** What was written. */
    public record Written(Path index, int runs, int charts) {
    }

    /** Reads every run under {@code runsDirectory} and writes the report into {@code out}, replacing it. */
    public Written write(Path runsDirectory, Path out) {
        ReportDirectory directory = new ReportDirectory(runsDirectory, out);
        Path target = directory.target();
        List<Path> dirs = Runs.find(runsDirectory, target);
        if (dirs.isEmpty()) {
            throw new TraceFormatException("no runs under " + runsDirectory + ": expected directories holding a "
                    + RunDirectory.SUMMARY + " (written by 'rivervalley run' or 'rivervalley sweep')");
        }
        List<RecordedRun> runs = inParallel(dirs.stream().map(dir -> (Callable<RecordedRun>) () -> Runs.read(dir, reader)).toList());
        return write(runsDirectory, directory, runs);
    }

    /**
     * Writes the report of {@code runs}, already read or held in memory (their directories under
     * {@code runsDirectory}, in the order {@link Runs#find} lists them), into {@code out}, replacing it.
     */
    public Written write(Path runsDirectory, List<RecordedRun> runs, Path out) {
        return write(runsDirectory, new ReportDirectory(runsDirectory, out), runs);
    }

    private Written write(Path runsDirectory, ReportDirectory directory, List<RecordedRun> runs) {
        Path target = directory.target();
        try (StagedDirectory staged = directory.stage()) {
            Path staging = staged.path();
            Files.createDirectories(staging.resolve("charts"));
            int charts = build(runsDirectory, runs, staging, target);
            staged.commit();
            return new Written(target.resolve("index.html"), runs.size(), charts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + target, e);
        }
    }

    private int build(Path root, List<RecordedRun> runs, Path staging, Path target) throws IOException {
        List<ChartJob> jobs = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        List<Section> sections = new ArrayList<>();
        StringBuilder body = new StringBuilder();

        // Cross-run charts first: they tell the story at a glance.
        List<Figure> overview = new ArrayList<>();
        Conclusions conclusions = Conclusions.of(runs);
        for (RunsChart chart : ChartCatalog.OVERVIEW) {
            if (chart.appliesTo(runs)) {
                overview.add(job(jobs, chart.name(), chart.caption(runs), () -> chart.draw(runs), chart.height(runs)));
            }
        }
        Optional<Path> sweep = Runs.sweepTable(root);
        boolean runCharts = perRun == PerRunCharts.ALWAYS
                || (perRun == PerRunCharts.AUTO && !(sweep.isPresent() && runs.size() > SUMMARY_ABOVE));
        for (RecordedRun run : runs) {
            String slug = slug(run.name(), slugs);
            List<Figure> figures = new ArrayList<>();
            for (RunChart chart : runCharts ? ChartCatalog.PER_RUN : List.<RunChart>of()) {
                if (chart.appliesTo(run)) {
                    figures.add(job(jobs, slug + "-" + chart.name(), chart.caption(run), () -> chart.draw(run), chart.height()));
                }
            }
            sections.add(new Section(run, slug, figures));
        }
        List<Figure> sweepFigures = new ArrayList<>();
        if (sweep.isPresent()) {
            for (SweepCharts.Named chart : sweepCharts(sweep.get(), runs)) {
                sweepFigures.add(job(jobs, chart.name(), chart.caption(), chart::chart, HEIGHT));
            }
        }
        render(jobs, staging.resolve("charts"));

        body.append("<header><h1>rivervalley report</h1><p>").append(runs.size()).append(" run").append(runs.size() == 1 ? "" : "s")
                .append(" from <code>").append(Html.escape(root.toAbsolutePath().normalize().toString())).append("</code>. ")
                .append("Loss = river loss (true progress along the valley floor) + hill excess (the price of being up a wall). ")
                .append(formats.has(ChartFormats.Format.SVG) ? "Charts open as SVG when clicked." : "")
                .append(runCharts ? "" : " Summary of a sweep: sweep charts and tables; each run's section has its files and spec "
                        + "(rerun the report with --per-run-charts for its charts).")
                .append("</p></header>\n");
        body.append(contents(sections));
        body.append(HeadlinesSection.html(runs, conclusions));
        body.append(runTable(sections, target));
        if (sweep.isPresent()) {
            if (!sweepFigures.isEmpty()) {
                body.append("<section id=\"sweep-charts\"><h2>Sweep</h2>\n");
                for (Figure f : sweepFigures) {
                    body.append(f.html());
                }
                body.append("</section>\n");
            }
            body.append(sweepTable(sweep.get(), target));
        }
        body.append("<section id=\"overview\"><h2>All runs compared</h2>\n");
        for (Figure f : overview) {
            body.append(f.html());
        }
        body.append("</section>\n");
        for (Section s : sections) {
            body.append(s.html(target));
        }
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>rivervalley report</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
        AtomicFile.writeString(staging.resolve("index.html"), page);
        return jobs.size();
    }

    // ---------------------------------------------------------------- charts

    private record ChartJob(String name, Supplier<JFreeChart> chart, int height) {
    }

    private Figure job(List<ChartJob> jobs, String name, String caption, Supplier<JFreeChart> chart, int height) {
        jobs.add(new ChartJob(name, chart, height));
        return new Figure(name, caption, height, formats);
    }

    private void render(List<ChartJob> jobs, Path directory) {
        inParallel(jobs.stream().map(job -> (Callable<ChartFiles.Written>) () ->
                ChartFiles.write(job.chart().get(), directory, job.name(), WIDTH, job.height(), formats)).toList());
    }

    /** Runs the tasks on {@link #threads} threads; results in task order; the first failure is rethrown. */
    private <T> List<T> inParallel(List<Callable<T>> tasks) {
        try (Pool pool = new Pool(threads, "rivervalley-report", "writing the report")) {
            return pool.all(tasks);
        }
    }

    // ---------------------------------------------------------------- sections

    private record Section(RecordedRun run, String slug, List<Figure> figures) {
        String html(Path target) {
            StringBuilder out = new StringBuilder();
            out.append("<section id=\"run-").append(Html.escape(slug)).append("\"><h2>Run ").append(Html.escape(run.name()))
                    .append(" <span class=\"family\" style=\"border-color:").append(hex(run.family())).append("\">")
                    .append(Html.escape(run.family())).append("</span></h2>\n<p class=\"files\">");
            out.append(fileLinks(run, target));
            out.append("</p>\n");
            for (Figure f : figures) {
                out.append(f.html());
            }
            out.append("<details><summary>Resolved spec (spec.yaml)</summary><pre>")
                    .append(run.specText().isEmpty() ? "(the run has no spec.yaml)" : Html.escape(run.specText()))
                    .append("</pre></details>\n</section>\n");
            return out.toString();
        }
    }

    private static String contents(List<Section> sections) {
        StringBuilder out = new StringBuilder("<nav><a href=\"#conclude\">What to conclude</a> &middot; <a href=\"#headlines\">Headlines</a> &middot; <a href=\"#runs\">Runs</a> &middot; "
                + "<a href=\"#overview\">All runs compared</a>");
        for (Section s : sections) {
            out.append(" &middot; <a href=\"#run-").append(Html.escape(s.slug())).append("\">").append(Html.escape(s.run().name())).append("</a>");
        }
        return out.append("</nav>\n").toString();
    }

    private static String runTable(List<Section> sections, Path target) {
        StringBuilder out = new StringBuilder("<section id=\"runs\"><h2>Runs</h2>\n<table><thead><tr><th>run</th><th>schedule</th>"
                + "<th>peak LR</th><th>landscape</th><th>optimizer</th><th>noise</th><th>steps</th><th>replicas</th><th>seed</th>"
                + "<th>lines</th><th>compute</th><th>diverged</th><th>files</th></tr></thead><tbody>\n");
        for (Section section : sections) {
            RecordedRun run = section.run();
            RunSummary s = run.summary();
            int diverged = s.lines().stream().mapToInt(RunSummary.LineResult::diverged).max().orElse(0);
            out.append("<tr><td><a href=\"#run-").append(Html.escape(section.slug())).append("\">").append(Html.escape(run.name()))
                    .append("</a></td><td>").append(Html.escape(run.family())).append("</td><td class=\"n\">")
                    .append(Html.escape(run.peak().map(String::valueOf).orElse("")))
                    .append("</td><td>").append(Html.abbreviated(s.landscape() != null ? s.landscape() : run.specValue("landscape.type").orElse(""), CELL))
                    .append("</td><td>").append(Html.abbreviated(run.specValue("optimizer.type").orElse(""), CELL))
                    .append("</td><td>").append(Html.abbreviated(describeNoise(run), CELL))
                    .append("</td><td class=\"n\">").append(s.steps()).append("</td><td class=\"n\">").append(s.replicas())
                    .append("</td><td class=\"n\">").append(s.seed()).append("</td><td class=\"n\">").append(s.lines().size())
                    .append("</td><td class=\"n\">").append(s.totalCompute()).append("</td><td class=\"n\">").append(diverged)
                    .append("</td><td>").append(fileLinks(run, target)).append("</td></tr>\n");
        }
        return out.append("</tbody></table>\n</section>\n").toString();
    }

    private static String describeNoise(RecordedRun run) {
        String type = run.specValue("noise.type").orElse("");
        Optional<String> sigma = run.specValue("noise.sigma");
        Optional<String> batch = run.specValue("noise.batchSize");
        return type + sigma.map(v -> " sigma " + v).orElse("") + batch.map(v -> " batch " + v).orElse("");
    }

    private static String fileLinks(RecordedRun run, Path target) {
        StringBuilder out = new StringBuilder();
        for (String file : run.files()) {
            Path path = run.directory().resolve(file);
            if (Files.isRegularFile(path)) {
                if (out.length() > 0) {
                    out.append(" ");
                }
                out.append("<a href=\"").append(Html.escape(Html.link(target, path))).append("\">").append(Html.escape(file)).append("</a>");
            }
        }
        return out.toString();
    }

    /** The sweep charts, or none when the table is not in the layout 'rivervalley merge' writes (it is still shown). */
    private static List<SweepCharts.Named> sweepCharts(Path sweep, List<RecordedRun> runs) {
        try {
            return SweepCharts.all(SweepResult.read(sweep), sharedCurvature(runs));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The top Hessian eigenvalue at the start point, when every run's landscape has the same one (else empty). */
    private static java.util.OptionalDouble sharedCurvature(List<RecordedRun> runs) {
        Double shared = null;
        for (RecordedRun run : runs) {
            Optional<io.github.rivervalley.landscapes.Landscape> landscape = run.landscape();
            if (landscape.isEmpty()) {
                return java.util.OptionalDouble.empty();
            }
            double c = io.github.rivervalley.landscapes.spectral.Sharpness.of(landscape.get(), landscape.get().defaultStart());
            if (shared != null && shared != c) {
                return java.util.OptionalDouble.empty();
            }
            shared = c;
        }
        return shared == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(shared);
    }

    private static String sweepTable(Path sweep, Path target) throws IOException {
        StringBuilder out = new StringBuilder("<section id=\"sweep\"><h2>Sweep summary</h2>\n<p><a href=\"")
                .append(Html.escape(Html.link(target, sweep))).append("\">sweep.csv</a></p>\n<table>");
        // RFC 4180: the merger quotes cells that hold commas or quotes (a failure's reason, a string axis value).
        List<List<String>> records = Csv.records(Files.readString(sweep, StandardCharsets.UTF_8));
        List<List<String>> rows = records.subList(0, Math.min(records.size(), SWEEP_ROWS + 1));
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            out.append(i == 0 ? "<thead><tr>" : "<tr>");
            for (String value : rows.get(i)) {
                out.append('<').append(cell).append('>').append(Html.escape(value)).append("</").append(cell).append('>');
            }
            out.append(i == 0 ? "</tr></thead><tbody>\n" : "</tr>\n");
        }
        out.append("</tbody></table>\n");
        if (rows.size() > SWEEP_ROWS) {
            out.append("<p>First ").append(SWEEP_ROWS).append(" rows shown; the linked file has them all.</p>\n");
        }
        return out.append("</section>\n").toString();
    }

    // ---------------------------------------------------------------- helpers

    private static String hex(String family) {
        java.awt.Color c = io.github.rivervalley.reports.chart.Palette.family(family);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** A file-name-safe, unique slug for a run name. */
    static String slug(String name, Set<String> taken) {
        String base = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        if (base.isEmpty()) {
            base = "run";
        }
        String slug = base;
        for (int i = 2; !taken.add(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    static final String CSS = String.join("\n",
            "body{margin:0;background:#f6f6f4;color:#222;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}",
            "main{max-width:1160px;margin:0 auto;padding:24px}",
            "h1{font-size:28px;margin:0 0 4px}h2{font-size:22px;margin:32px 0 8px;border-bottom:2px solid #ddd;padding-bottom:4px}",
            "h3{font-size:18px;margin:20px 0 6px}",
            "nav{background:#fff;border:1px solid #ddd;padding:8px 12px;border-radius:6px;font-size:14px}",
            "table{border-collapse:collapse;background:#fff;font-size:14px;margin:8px 0;display:block;overflow-x:auto;width:max-content;max-width:100%}",
            "th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;white-space:nowrap}th{background:#eee}",
            "td.n{text-align:right;font-variant-numeric:tabular-nums}",
            // a cell of prose (a reason, a verdict): wraps within a fixed width instead of widening its table
            "td .prose{display:block;white-space:normal;width:26em}",
            "figure{margin:16px 0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px}",
            "figure img{display:block;width:100%;height:auto}figcaption{font-size:14px;color:#555;padding:4px 4px 0}",
            "pre{background:#fff;border:1px solid #ddd;padding:12px;overflow-x:auto;font-size:13px}",
            "details{margin:12px 0}summary{cursor:pointer;font-weight:600}",
            ".family{font-size:14px;font-weight:600;border:2px solid;border-radius:12px;padding:1px 10px;margin-left:8px;vertical-align:middle}",
            ".files a{margin-right:10px}a{color:#0060a0}code{font-size:14px}",
            "#runs table{display:table;width:100%}#runs td{white-space:normal;overflow-wrap:anywhere}",
            // numbers never break inside (a 17200-step run read "1720 / 0" on two lines)
            "#runs td.n{white-space:nowrap;overflow-wrap:normal}",
            ".conclude{background:#fffbe8;border:1px solid #e6d48a;border-radius:6px;padding:4px 16px;margin:12px 0}",
            ".conclude li{margin:4px 0}.conclude .note{font-size:13px;color:#555}",
            "");
}
