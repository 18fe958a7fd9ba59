package io.github.rivervalley.bigram.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.io.Csv;
import io.github.rivervalley.simulator.io.StagedDirectory;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.SummaryFile;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The standard comparison on one bigram dataset and model: WSD, WSD-S, cosine and a constant learning rate at
 * equal compute (cosine and constant run for WSD's total compute, {@code B_K + p sum_{k<K} B_k}), and the
 * split of every decay's loss drop by token group.
 *
 * <p>All four runs are validated before any runs. Outputs in the output directory: one run directory per
 * schedule ({@code trace.csv}, {@code summary.json}, {@code spec.yaml}, as {@code rivervalley run} writes
 * them), {@code decay-shares.csv} (one row per decay), {@code final-groups.csv} (each run's loss and excess
 * per group at its last checkpoint), {@code group-curves.csv} (the per-group columns of every recorded row of
 * every run, for loss curves) and {@code study.json} / {@code study.txt} (the summary).
 */
public final class BigramStudy {

    /** The compared schedules, in output order. */
    public static final List<String> SCHEDULES = List.of("wsd", "wsd-s", "cosine", "constant");

    private final StudySpec spec;
    private final List<RunSpec> runs;
    private final List<Run> prepared;
    private final long totalCompute;

    private BigramStudy(StudySpec spec, List<RunSpec> runs, List<Run> prepared, long totalCompute) {
        this.spec = spec;
        this.runs = runs;
        this.prepared = prepared;
        this.totalCompute = totalCompute;
    }

    /** Reads and validates a study spec file and prepares its four runs; nothing is run or written. */
    public static BigramStudy read(Path file) {
        JsonNode tree = SpecReader.instance().readTree(file);
        return of(tree);
    }

    /** Validates a study spec tree and prepares its four runs. */
    public static BigramStudy of(JsonNode tree) {
        SpecReader reader = SpecReader.instance();
        StudySpec spec = reader.bind(tree, StudySpec.class);
        ObjectNode schedule = (ObjectNode) tree.get("schedule");
        List<Long> budgets = spec.schedule().budgets();
        long last = budgets.get(budgets.size() - 1);

        // The four runs share one landscape spec: its data (costly: a text corpus is counted) is built once.
        Map<LandscapeSpec, Landscape> landscapes = new HashMap<>();
        Function<LandscapeSpec, Landscape> once = landscape -> landscapes.computeIfAbsent(landscape, LandscapeSpec::build);
        RunSpec wsd = reader.bind(runTree(tree, spec, "wsd", last, withType(schedule, "wsd")), RunSpec.class);
        Run wsdRun = Simulation.bind(wsd, once).run();
        long total = wsdRun.schedule().totalCompute();

        ObjectNode wsdS = withType(schedule, "wsd-s");
        ObjectNode cosine = JsonNodeFactory.instance.objectNode().put("type", "cosine");
        ObjectNode constant = JsonNodeFactory.instance.objectNode().put("type", "constant");
        for (String key : List.of("peak", "warmup", "warmupShape")) {
            if (schedule.has(key)) {
                cosine.set(key, schedule.get(key));
                constant.set(key, schedule.get(key));
            }
        }
        if (schedule.has("floor")) {
            cosine.set("floor", schedule.get("floor"));
        }
        cosine.set("budgets", JsonNodeFactory.instance.arrayNode().add(total));
        constant.set("budgets", JsonNodeFactory.instance.arrayNode().add(total));

        List<RunSpec> runs = new ArrayList<>(List.of(wsd,
                reader.bind(runTree(tree, spec, "wsd-s", last, wsdS), RunSpec.class),
                reader.bind(runTree(tree, spec, "cosine", total, cosine), RunSpec.class),
                reader.bind(runTree(tree, spec, "constant", total, constant), RunSpec.class)));
        List<Run> prepared = new ArrayList<>(List.of(wsdRun));
        for (int n = 1; n < runs.size(); n++) {
            prepared.add(Simulation.bind(runs.get(n), once).run());
        }
        return new BigramStudy(spec, List.copyOf(runs), List.copyOf(prepared), total);
    }

    private static ObjectNode withType(ObjectNode schedule, String type) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("type", type);
        schedule.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    private static ObjectNode runTree(JsonNode study, StudySpec spec, String schedule, long steps, ObjectNode scheduleTree) {
        ObjectNode run = JsonNodeFactory.instance.objectNode();
        run.put("name", spec.name() + "-" + schedule);
        for (String key : List.of("seed", "replicas")) {
            if (study.has(key)) {
                run.set(key, study.get(key));
            }
        }
        run.put("steps", steps);
        run.set("landscape", study.get("landscape"));
        run.set("optimizer", study.has("optimizer") ? study.get("optimizer") : JsonNodeFactory.instance.objectNode().put("type", "sgd"));
        run.set("noise", study.get("noise"));
        run.set("schedule", scheduleTree);
        if (study.has("record")) {
            run.set("record", study.get("record"));
        }
        return run;
    }

    /** The study spec. */
    public StudySpec spec() {
        return spec;
    }

    /** The four run specs, in {@link #SCHEDULES} order. */
    public List<RunSpec> runs() {
        return runs;
    }

    /** Total compute of every schedule (WSD's). */
    public long totalCompute() {
        return totalCompute;
    }

    /** What one schedule's run delivered. */
    public record Outcome(String schedule, RunSpec spec, Run run, Trace trace, List<DecayDrop> decays,
                          String finalLine, long finalStep, double finalLoss, double[] finalGroupLoss, double[] finalGroupExcess) {

        /** The run's {@code spec.yaml}: its resolved spec with every default written out. */
        public String specYaml() {
            return SpecReader.instance().toYaml(spec.resolved());
        }

        @Override
        public String toString() {
            return "Outcome[" + schedule + ", final loss " + finalLoss + " at " + finalLine + " step " + finalStep + ", "
                    + decays.size() + " decays]";
        }
    }

    /** The whole study. */
    public record Comparison(BigramData data, long totalCompute, List<Outcome> outcomes) {

        @Override
        public String toString() {
            return "Comparison[V=" + data.vocabularySize() + ", compute " + totalCompute + ", " + outcomes + "]";
        }

        /** Every decay of every run. */
        public List<DecayDrop> decays() {
            List<DecayDrop> out = new ArrayList<>();
            for (Outcome o : outcomes) {
                out.addAll(o.decays());
            }
            return out;
        }
    }

    /** Runs the four schedules in memory (thread count never changes the results). */
    public Comparison execute(int threads) {
        BigramData data = ((BigramModel) prepared.get(0).landscape()).data();
        List<Outcome> outcomes = new ArrayList<>();
        for (int n = 0; n < runs.size(); n++) {
            Run run = prepared.get(n);
            Trace trace = Simulation.trace(run, threads);
            String schedule = SCHEDULES.get(n);
            List<DecayDrop> decays = DecayShares.of(schedule, run.schedule(), data, rows(trace));
            RunSummary.CheckpointResult last = trace.summary().checkpoints().get(trace.summary().checkpoints().size() - 1);
            int groups = data.groupCount();
            double[] loss = new double[groups];
            double[] excess = new double[groups];
            for (int g = 0; g < groups; g++) {
                loss[g] = trace.value(last.line(), last.step(), "loss_" + data.groupName(g));
                excess[g] = trace.value(last.line(), last.step(), "excess_" + data.groupName(g));
            }
            outcomes.add(new Outcome(schedule, runs.get(n), run, trace, decays, last.line(), last.step(),
                    trace.value(last.line(), last.step(), "loss"), loss, excess));
        }
        return new Comparison(data, totalCompute, List.copyOf(outcomes));
    }

    private static DecayShares.Rows rows(Trace trace) {
        Map<String, TraceRow> byKey = new HashMap<>();
        for (TraceRow row : trace.rows()) {
            byKey.put(row.line() + "@" + row.step(), row);
        }
        return (line, step, column) -> {
            TraceRow row = byKey.get(line + "@" + step);
            int i = trace.layout().indexOf(column);
            return row == null || i < 0 ? OptionalDouble.empty() : OptionalDouble.of(row.get(i));
        };
    }

    /** Runs the study and writes everything under {@code out} (each file atomically). */
    public Comparison run(Path out, int threads) {
        Comparison result = execute(threads);
        for (Outcome o : result.outcomes()) {
            try (StagedDirectory staged = StagedDirectory.begin(out.resolve(o.run().name()))) { // the run's files as a whole
                Path dir = staged.path();
                AtomicFile.writeString(dir.resolve(RunDirectory.TRACE), o.trace().toCsv());
                AtomicFile.writeString(dir.resolve(RunDirectory.SPEC), o.specYaml());
                AtomicFile.writeString(dir.resolve(RunDirectory.SUMMARY), SummaryFile.json(o.trace().summary()));
                staged.commit();
            }
        }
        AtomicFile.writeString(out.resolve("decay-shares.csv"), DecayShares.csv(result.decays()));
        AtomicFile.writeString(out.resolve("final-groups.csv"), finalGroupsCsv(result));
        AtomicFile.writeString(out.resolve("group-curves.csv"), groupCurvesCsv(result));
        AtomicFile.writeString(out.resolve("study.json"), json(result));
        AtomicFile.writeString(out.resolve("study.txt"), text(result));
        return result;
    }

    /** Every recorded row of every run: loss, {@code loss_<g>} and {@code excess_<g>}, for per-group loss curves. */
    public static String groupCurvesCsv(Comparison result) {
        BigramData data = result.data();
        List<String> columns = new ArrayList<>(List.of("lr", "loss"));
        for (String g : data.groupNames()) {
            columns.add("loss_" + g);
        }
        for (String g : data.groupNames()) {
            columns.add("excess_" + g);
        }
        StringBuilder out = new StringBuilder("run,schedule,line,step,").append(String.join(",", columns)).append('\n');
        for (Outcome o : result.outcomes()) {
            Trace trace = o.trace();
            int[] index = columns.stream().mapToInt(c -> trace.layout().indexOf(c)).toArray();
            for (TraceRow row : trace.rows()) {
                out.append(Csv.field(o.run().name())).append(',').append(Csv.field(o.schedule())).append(',').append(Csv.field(row.line())).append(',').append(row.step());
                for (int i : index) {
                    out.append(',').append(row.get(i));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Each run's loss and per-group loss and excess at its last checkpoint. */
    public static String finalGroupsCsv(Comparison result) {
        BigramData data = result.data();
        StringBuilder out = new StringBuilder("run,schedule,line,step,loss");
        for (String g : data.groupNames()) {
            out.append(",loss_").append(g);
        }
        for (String g : data.groupNames()) {
            out.append(",excess_").append(g);
        }
        out.append('\n');
        for (Outcome o : result.outcomes()) {
            out.append(Csv.field(o.run().name())).append(',').append(Csv.field(o.schedule())).append(',').append(Csv.field(o.finalLine())).append(',')
                    .append(o.finalStep()).append(',').append(o.finalLoss());
            for (double v : o.finalGroupLoss()) {
                out.append(',').append(v);
            }
            for (double v : o.finalGroupExcess()) {
                out.append(',').append(v);
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The summary for the terminal and {@code study.txt}. */
    public static String text(Comparison result) {
        BigramData data = result.data();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "data: V = %d, L* = %.5f; a group is a river when every token has entropy <= %s nats%n",
                data.vocabularySize(), data.lowerBound(), BigramData.RIVER_MAX_ENTROPY));
        out.append(String.format(Locale.ROOT, "%-8s %-6s %7s %7s %19s%n", "group", "role", "tokens", "mass", "entropy (nats)"));
        for (int g = 0; g < data.groupCount(); g++) {
            out.append(String.format(Locale.ROOT, "%-8s %-6s %7d %7.3f %9.4f - %7.4f%n", data.groupName(g),
                    data.isRiverGroup(g) ? "river" : "hill", data.groupSize(g), data.groupMass(g),
                    data.groupMinEntropy(g), data.groupMaxEntropy(g)));
        }
        out.append(String.format(Locale.ROOT, "%nequal compute: %d steps per schedule%n%n", result.totalCompute()));
        out.append(String.format(Locale.ROOT, "%-10s %12s %12s %12s%n", "schedule", "final loss", "river excess", "hill excess"));
        for (Outcome o : result.outcomes()) {
            double river = 0.0;
            double hill = 0.0;
            for (int g = 0; g < data.groupCount(); g++) {
                if (data.isRiverGroup(g)) {
                    river += o.finalGroupExcess()[g];
                } else {
                    hill += o.finalGroupExcess()[g];
                }
            }
            out.append(String.format(Locale.ROOT, "%-10s %12.5f %12.5f %12.5f%n", o.schedule(), o.finalLoss(), river, hill));
        }
        out.append('\n').append(new Verdict(result).text());
        out.append(String.format(Locale.ROOT, "%nloss drop during each decay and the share from the hill (uncertain) groups:%n"));
        out.append(DecayShares.text(result.decays()));
        return out.toString();
    }

    /** The summary as JSON. */
    public static String json(Comparison result) {
        BigramData data = result.data();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("vocabulary", data.vocabularySize());
        root.put("lower_bound", data.lowerBound());
        root.put("total_compute", result.totalCompute());
        ArrayNode groups = root.putArray("groups");
        for (int g = 0; g < data.groupCount(); g++) {
            groups.addObject().put("name", data.groupName(g)).put("river", data.isRiverGroup(g)).put("tokens", data.groupSize(g))
                    .put("mass", data.groupMass(g)).put("lower_bound", data.groupLowerBound(g))
                    .put("min_entropy", data.groupMinEntropy(g)).put("max_entropy", data.groupMaxEntropy(g));
        }
        new Verdict(result).json(root);
        ArrayNode runs = root.putArray("runs");
        for (Outcome o : result.outcomes()) {
            ObjectNode r = runs.addObject().put("schedule", o.schedule()).put("run", o.run().name()).put("final_line", o.finalLine())
                    .put("final_step", o.finalStep()).put("final_loss", o.finalLoss());
            ObjectNode loss = r.putObject("final_group_loss");
            ObjectNode excess = r.putObject("final_group_excess");
            for (int g = 0; g < data.groupCount(); g++) {
                loss.put(data.groupName(g), o.finalGroupLoss()[g]);
                excess.put(data.groupName(g), o.finalGroupExcess()[g]);
            }
            ArrayNode decays = r.putArray("decays");
            for (DecayDrop d : o.decays()) {
                ObjectNode node = decays.addObject().put("line", d.line()).put("start", d.start()).put("end", d.end())
                        .put("loss_start", d.lossStart()).put("loss_end", d.lossEnd()).put("drop", d.drop()).put("hill_share", d.hillShare());
                ObjectNode drops = node.putObject("group_drop");
                for (int g = 0; g < data.groupCount(); g++) {
                    drops.put(data.groupName(g), d.groupDrop()[g]);
                }
            }
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
