package io.github.rivervalley.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.reports.html.HtmlReport;
import io.github.rivervalley.simulator.io.Csv;
import io.github.rivervalley.simulator.results.read.TraceReader;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.sweep.EngineExecutor;
import io.github.rivervalley.simulator.sweep.Shard;
import io.github.rivervalley.simulator.sweep.Sweep;
import io.github.rivervalley.simulator.sweep.SweepRunner;
import io.github.rivervalley.simulator.sweep.SweepSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the selected benchmarks, prints each result as it comes, writes {@code bench.csv} (and charts for the
 * scaling benchmarks) to the output directory, and, when asked, runs the peer scripts and prints the ratios.
 */
public final class BenchRunner {

    /**
     * @param quick smaller workloads and fewer repeats (a smoke run, not for publishing)
     * @param only name prefixes to run (empty: all)
     * @param threads thread counts for the multi-threaded workloads
     * @param out output directory (bench.csv, compare.csv, charts, scratch)
     * @param compare also run the peer scripts and print ours/theirs
     * @param peers directory of the peer scripts
     * @param python interpreter for the peers
     * @param cpuTime one-thread benchmarks (and the peers) timed by CPU time instead of the wall clock
     */
    public record Options(boolean quick, List<String> only, List<Integer> threads, Path out, boolean compare, Path peers, String python,
            boolean cpuTime) {
    }

    private static final double MIB = 1024.0 * 1024.0;

    private final Options options;
    private final PrintWriter log;
    private final List<Measurement> results = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    public BenchRunner(Options options, PrintWriter log) {
        this.options = options;
        this.log = log;
    }

    private boolean selected(String name) {
        if (options.only().isEmpty()) {
            return true;
        }
        for (String prefix : options.only()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Harness harness(int warmups, int repeats) {
        return options.quick() ? new Harness(1, Math.min(3, repeats)) : new Harness(warmups, repeats);
    }

    private void bench(String name, Harness harness, Supplier<Harness.Task> task) {
        if (!selected(name)) {
            return;
        }
        if (options.cpuTime()) {
            harness = new Harness(harness.warmups(), harness.repeats(), threadsOf(name));
        }
        Measurement m = harness.measure(name, task.get());
        results.add(m);
        log.println(m);
        log.flush();
    }

    /** The thread count in a benchmark's name ({@code .../2t}), 1 without one. */
    static int threadsOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? 1 : Integer.parseInt(name.substring(slash + 1, name.length() - 1));
    }

    /** Runs everything selected; returns the measurements. */
    public List<Measurement> run() throws IOException {
        Files.createDirectories(options.out());
        boolean quick = options.quick();
        log.println("rivervalley bench" + (quick ? " --quick" : "") + (options.cpuTime() ? " --cpu-time" : "") + ": " + Machine.describe());
        Limits.register((name, task) -> bench(name, harness(2, 5), task), quick);
        for (int threads : options.threads()) {
            bench("straight-sgd-10k/" + threads + "t", harness(2, 7), () -> Workloads.straightSgd(quick, threads));
            bench("straight-sgd-hill-10k/" + threads + "t", harness(2, 7), () -> Workloads.straightSgd(quick, threads, Workloads.HILL));
        }
        bench("straight-sgd-10k-reference/1t", harness(1, 3), () -> Workloads.straightSgdReference(quick, 1));
        bench("long-trajectory", harness(2, 7), () -> Workloads.longTrajectory(quick));
        bench("rotated-d1000", harness(1, 3), () -> Workloads.rotated(quick, 1000));
        bench("rotated-d1000-sharpness", harness(1, 5), () -> Workloads.rotatedSharpness(1000));
        for (int threads : options.threads()) {
            for (int v : new int[] {1024, 4096}) {
                bench("bigram-tabular-V" + v + "/" + threads + "t", harness(1, 5),
                        () -> Workloads.bigram(v, TABULAR, threads, Math.max(10, (quick ? 200_000 : 2_000_000) / v)));
            }
            bench("bigram-tabular-V4096-f32/" + threads + "t", harness(1, 5),
                    () -> Workloads.bigram(4096, TABULAR_F32, threads, Math.max(10, (quick ? 200_000 : 2_000_000) / 4096)));
            for (int v : new int[] {4096, 8192}) {
                bench("bigram-factored-V" + v + "/" + threads + "t", harness(1, 3),
                        () -> Workloads.bigram(v, FACTORED, threads, Math.max(3, (quick ? 20_000 : 160_000) / v)));
                bench("bigram-factored-V" + v + "-f32/" + threads + "t", harness(1, 3),
                        () -> Workloads.bigram(v, FACTORED_F32, threads, Math.max(3, (quick ? 40_000 : 320_000) / v)));
            }
        }
        long longSteps = quick ? 1_000_000 : 10_000_000;
        if (selected("memory-10m-every-step") || selected("report-10m")) {
            memory(longSteps, selected("memory-10m-every-step"));
        }
        if (selected("report-10m")) {
            report(longSteps);
        }
        deleteTree(options.out().resolve("memory-probe"));
        if (selected("sweep-64")) {
            sweep(quick);
        }
        if (selected("scaling-d")) {
            scalingD(quick);
        }
        if (selected("scaling-v")) {
            scalingV(quick);
        }
        writeCsv();
        List<String> limits = Limits.ratios(results);
        if (!limits.isEmpty()) {
            log.println();
            log.println("against the limits measured above (one core):");
            limits.forEach(log::println);
            Files.write(options.out().resolve("limits.txt"), limits, StandardCharsets.UTF_8);
            log.flush();
        }
        if (options.compare()) {
            PeerComparison.compare(options, results, log);
        }
        return results;
    }

    /**
     * The 64 short runs of {@code examples/bench-sweep.yaml} (8 peaks x 8 seeds, 64 replicas x 20,000 steps
     * each; {@code --quick}: 2,000 steps) as a sweep on each thread count, after warmup sweeps; the note
     * gives each multi-threaded time as a fraction of the single-threaded one (goal: at most 0.55 on 2).
     */
    private void sweep(boolean quick) throws IOException {
        Path file = Path.of("examples", "bench-sweep.yaml");
        if (!Files.exists(file)) {
            log.println("sweep-64: skipped, " + file + " not found (run from the repository root)");
            return;
        }
        SpecReader reader = SpecReader.instance();
        JsonNode tree = reader.readTree(file);
        if (quick) {
            ((ObjectNode) tree.get("base")).put("steps", 2_000);
            ((ObjectNode) tree.get("base").get("schedule")).putArray("budgets").add(2_000);
        }
        EngineExecutor engine = new EngineExecutor();
        Sweep sweep = Sweep.expand(SweepSpec.parse(tree, "bench-sweep"), engine);
        Path root = options.out().resolve("sweep-probe");
        double runs = sweep.runs().size();
        int[] counter = {0};
        // Warm up until the JIT has settled (its time per sweep under 2% of the sweep's, at most eight sweeps):
        // the I/O of each run (YAML, JSON, paths, number formatting) is compiled over several sweeps, and while
        // it is, a 1-thread sweep gets that work done for free on the idle core, where a 2-thread one pays for it.
        int warmups = 0;
        while (warmups < (quick ? 1 : 24)) {
            long jit = Machine.jitMillis();
            long start = System.nanoTime();
            new SweepRunner(sweep, root.resolve("warmup-" + warmups++)).run(options.threads().get(0), Shard.ALL, false,
                    new SweepRunner.Listener() { });
            if (Machine.jitMillis() - jit < 0.02 * (System.nanoTime() - start) * 1e-6) {
                break;
            }
        }
        log.printf(Locale.ROOT, "sweep-64: %d warmup sweeps%n", warmups);
        Map<Integer, Double> medians = new LinkedHashMap<>();
        Map<Integer, Double> cpu = new LinkedHashMap<>();
        for (int threads : options.threads()) {
            double[] cpuSeconds = {0};
            long jitBefore = Machine.jitMillis();
            Harness.Task task = new Harness.Task("runs", runs, () -> {
                long before = Machine.processCpuNanos();
                new SweepRunner(sweep, root.resolve("t" + threads + "-" + counter[0]++)).run(threads, Shard.ALL, false,
                        new SweepRunner.Listener() { });
                cpuSeconds[0] += (Machine.processCpuNanos() - before) * 1e-9;
            });
            Measurement m = (quick ? new Harness(0, 1) : new Harness(0, 5)).measure("sweep-64/" + threads + "t", task);
            results.add(m);
            medians.put(threads, m.medianSeconds());
            cpu.put(threads, cpuSeconds[0] / m.seconds().length);
            log.println(m);
            log.printf(Locale.ROOT, "  process CPU %.3f s per sweep (every thread: workers, JIT, GC; the JIT %.3f s), wall %.3f s%n",
                    cpu.get(threads), (Machine.jitMillis() - jitBefore) * 1e-3 / m.seconds().length, m.medianSeconds());
            log.flush();
        }
        deleteTree(root);
        Double one = medians.get(1);
        if (one != null) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Integer, Double> e : medians.entrySet()) {
                if (e.getKey() != 1) {
                    parts.add(String.format(Locale.ROOT, "%d threads take %.3f of the 1-thread time (their CPU time %.3f of the 1-thread CPU)",
                            e.getKey(), e.getValue() / one, cpu.get(e.getKey()) / cpu.get(1)));
                }
            }
            String note = String.join("; ", parts) + " (goal on 2 threads: at most 0.55)";
            notes.put("sweep-64", note);
            log.println("sweep-64: " + note);
        }
    }

    /** {@code rivervalley report} over the trace the memory probe wrote (one timed run: it reads the whole file). */
    private void report(long steps) {
        Path runs = options.out().resolve("memory-probe");
        Path target = options.out().resolve("report-probe");
        Harness.Task task = new Harness.Task("rows", steps + 1, () -> new HtmlReport(new TraceReader(1024), 1).write(runs, target));
        Measurement m = new Harness(0, 1).measure("report-10m", task);
        results.add(m);
        log.println(m);
        log.flush();
        deleteTree(target);
    }

    private void memory(long steps, boolean report) throws IOException {
        Path dir = options.out().resolve("memory-probe");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                MemoryProbe.class.getName(), Long.toString(steps), dir.toString());
        List<String> lines = PeerComparison.runProcess(command);
        String result = lines.stream().filter(l -> l.startsWith(MemoryProbe.RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("memory probe failed:\n" + String.join("\n", lines)));
        Map<String, Double> values = new LinkedHashMap<>();
        for (String kv : result.substring(MemoryProbe.RESULT.length()).trim().split(" ")) {
            String[] parts = kv.split("=");
            values.put(parts[0], Double.parseDouble(parts[1]));
        }
        double seconds = values.get("seconds");
        Measurement m = new Measurement("memory-10m-every-step", "rows", steps + 1, new double[] {seconds});
        if (!report) {
            return; // only the trace was wanted (for report-10m)
        }
        results.add(m);
        String note = String.format(Locale.ROOT, "%d steps recorded every step under -Xmx512m: peak heap %.1f MiB (limit %.0f MiB), "
                + "trace %.0f MB, %.1f s (%.2e rows/s)", steps, values.get("peak_heap_bytes") / MIB, values.get("max_heap_bytes") / MIB,
                values.get("trace_bytes") / 1e6, seconds, (steps + 1) / seconds);
        notes.put("memory-10m-every-step", note);
        log.println(m);
        log.println("  " + note);
        log.flush();
    }

    private void scalingD(boolean quick) throws IOException {
        Harness h = quick ? new Harness(1, 1) : new Harness(1, 3);
        List<Scaling.Point> straight = new ArrayList<>();
        for (int d : Scaling.grid(10, 10_000, quick ? 1 : 3)) {
            int replicas = 64;
            long steps = Math.max(20, (long) ((quick ? 2e6 : 2e7) / ((double) replicas * d)));
            Harness.Task task = Workloads.simulation(Workloads.prepare(Workloads.straightSpec(d, replicas, steps, steps)), 1);
            Measurement m = h.measure("scaling-d straight d=" + d, task);
            straight.add(new Scaling.Point(d, m.medianSeconds() / m.work()));
            log.printf(Locale.ROOT, "  straight d=%-6d %.3e s per replica-step%n", d, m.medianSeconds() / m.work());
            log.flush();
        }
        List<Scaling.Point> rotated = new ArrayList<>();
        for (int d : Scaling.grid(10, quick ? 1000 : 2048, quick ? 1 : 3)) {
            long steps = Math.max(10, (long) ((quick ? 4e7 : 4e8) / ((double) d * d)));
            Harness.Task task = Workloads.simulation(Workloads.prepare(Workloads.rotatedSpec(d, steps)), 1);
            Measurement m = h.measure("scaling-d rotated d=" + d, task);
            rotated.add(new Scaling.Point(d, m.medianSeconds() / m.work()));
            log.printf(Locale.ROOT, "  rotated  d=%-6d %.3e s per step%n", d, m.medianSeconds() / m.work());
            log.flush();
        }
        Map<String, List<Scaling.Point>> series = Scaling.series();
        series.put("straight valley, 64 replicas", straight);
        series.put("rotated valley, 1 replica", rotated);
        Path png = options.out().resolve("scaling-d.png");
        Scaling.chart(png, "SGD time per replica-step against dimension", "expected: straight O(d), rotated O(d^2) (two dense d x d products per step)",
                "dimension d", "seconds per replica-step", series);
        String note = String.format(Locale.ROOT, "fitted exponents: straight %.2f (expected 1), rotated %.2f (expected 2)",
                Scaling.fittedExponent(straight), Scaling.fittedExponent(rotated));
        notes.put("scaling-d", note);
        log.println("scaling-d: " + note + "; chart " + png);
        log.flush();
    }

    /** Model blocks of the bigram benchmarks. */
    static final String TABULAR = "{type: tabular}";
    static final String TABULAR_F32 = "{type: tabular, precision: float32}";
    static final String FACTORED = "{type: factored, embedding: 64}";
    static final String FACTORED_F32 = "{type: factored, embedding: 64, precision: float32}";

    private void scalingV(boolean quick) throws IOException {
        Harness h = quick ? new Harness(0, 1) : new Harness(1, 3);
        Map<String, List<Scaling.Point>> series = Scaling.series();
        // Tabular stops at 8192: its V^2 logits take 8 V^2 bytes per copy (2 GiB at 16384), and a run holds several.
        int[][] limits = {{quick ? 2048 : 8192}, {quick ? 4096 : 16_384}};
        String[] models = {TABULAR, FACTORED};
        String[] names = {"tabular", "factored (k = 64)"};
        for (int m = 0; m < models.length; m++) {
            List<Scaling.Point> points = new ArrayList<>();
            for (int v = 256; v <= limits[m][0]; v *= 2) {
                long budget = m == 0 ? (quick ? 100_000 : 1_000_000) : (quick ? 10_000 : 80_000);
                long steps = Math.max(3, budget / v);
                Measurement r = h.measure("scaling-v " + names[m] + " V=" + v, Workloads.bigram(v, models[m], 1, steps));
                points.add(new Scaling.Point(v, r.rate()));
                log.printf(Locale.ROOT, "  %-18s V=%-6d %.3e pairs/s%n", names[m], v, r.rate());
                log.flush();
            }
            series.put(names[m] + ", batch " + Workloads.BATCH, points);
        }
        Path png = options.out().resolve("scaling-v.png");
        Scaling.chart(png, "Bigram SGD throughput against vocabulary size (1 thread)",
                "expected: tabular O(B V) per step (only the batch's rows), factored O(B V k): pairs/s ~ 1/V for both",
                "vocabulary V", "pairs per second", series);
        StringBuilder note = new StringBuilder("fitted exponents of pairs/s:");
        for (Map.Entry<String, List<Scaling.Point>> e : series.entrySet()) {
            note.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), Scaling.fittedExponent(e.getValue())));
        }
        note.append(" (expected -1)");
        notes.put("scaling-v", note.toString());
        log.println("scaling-v: " + note + "; chart " + png);
        log.flush();
    }

    private void writeCsv() throws IOException {
        StringBuilder csv = new StringBuilder("name,unit,work,median_rate,min_rate,max_rate,repeats,median_seconds\n");
        for (Measurement m : results) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%.0f,%.6e,%.6e,%.6e,%d,%.6e%n", Csv.field(m.name()), Csv.field(m.unit()), m.work(), m.rate(),
                    m.minRate(), m.maxRate(), m.seconds().length, m.medianSeconds()));
        }
        Path file = options.out().resolve("bench.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        log.println("wrote " + file);
    }

    /** Notes that go with the measurements (memory peak, fitted exponents). */
    public Map<String, String> notes() {
        return notes;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
