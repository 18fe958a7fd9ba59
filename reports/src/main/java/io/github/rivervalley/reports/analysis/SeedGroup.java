package io.github.rivervalley.reports.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs whose specs are equal except for {@code name} and {@code seed}: repeats of one experiment, whose
 * numbers are reported as a mean over seeds with its standard error, never as the best single seed.
 *
 * @param label how the group is named in sentences: its family and the spec fields that set it apart from
 *     the other groups ({@link #labels})
 * @param family the schedule family
 * @param runs the runs, in input order
 */
public record SeedGroup(String label, String family, List<RecordedRun> runs) {

    public SeedGroup {
        runs = List.copyOf(runs);
    }

    /** Groups {@code runs} (input order kept); runs without a readable spec stay alone. */
    public static List<SeedGroup> of(List<RecordedRun> runs) {
        Map<String, List<RecordedRun>> byKey = new LinkedHashMap<>();
        for (RecordedRun run : runs) {
            byKey.computeIfAbsent(key(run), k -> new ArrayList<>()).add(run);
        }
        List<List<RecordedRun>> groups = new ArrayList<>(byKey.values());
        List<String> labels = labels(groups);
        List<SeedGroup> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            out.add(new SeedGroup(labels.get(i), groups.get(i).get(0).family(), groups.get(i)));
        }
        return out;
    }

    /**
     * The groups in the order a reader scans a figure: by family, then by label with numbers compared as
     * numbers ({@code peak 0.1} before {@code peak 0.15} before {@code peak 0.2}, not after {@code peak 0.19}).
     */
    public static List<SeedGroup> sorted(List<SeedGroup> groups) {
        List<SeedGroup> out = new ArrayList<>(groups);
        out.sort(java.util.Comparator.comparing(SeedGroup::family).thenComparing(SeedGroup::label, SeedGroup::compareNatural));
        return out;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");

    /** Text compared piecewise, runs of digits (decimals, e notation) as numbers. */
    static int compareNatural(String a, String b) {
        java.util.regex.Matcher x = NUMBER.matcher(a);
        java.util.regex.Matcher y = NUMBER.matcher(b);
        int i = 0;
        int j = 0;
        while (x.find(i) && y.find(j)) {
            int c = a.substring(i, x.start()).compareTo(b.substring(j, y.start()));
            if (c != 0) {
                return c;
            }
            c = Double.compare(Double.parseDouble(x.group()), Double.parseDouble(y.group()));
            if (c != 0) {
                return c;
            }
            i = x.end();
            j = y.end();
        }
        return a.substring(i).compareTo(b.substring(j));
    }

    /** Labels longer than this fall back to the run name. */
    static final int LONGEST_LABEL = 48;

    /**
     * What distinguishes each group from the others: its schedule family, followed by the spec fields whose
     * values differ between the groups (outside the schedule, and inside it when a family has several groups):
     * {@code cosine} when only the schedules differ, {@code wsd, optimizer adam} against {@code wsd, optimizer sgd}
     * and {@code cosine, optimizer sgd}, {@code wsd, peak 0.1} in a peak sweep. The run name (without its seed
     * part) when that is longer than {@link #LONGEST_LABEL} characters, when labels would repeat, or when a
     * spec is unreadable.
     */
    static List<String> labels(List<List<RecordedRun>> groups) {
        List<Map<String, String>> fields = new ArrayList<>();
        for (List<RecordedRun> group : groups) {
            Map<String, String> flat = new java.util.TreeMap<>();
            group.get(0).spec().ifPresent(spec -> flatten("", SpecReader.instance().toTree(spec), flat));
            flat.remove("name");
            flat.remove("seed");
            fields.add(flat);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            RecordedRun first = groups.get(i).get(0);
            // Outside the schedule: fields that differ between all groups; inside: between the groups of this family.
            List<Map<String, String>> family = new ArrayList<>();
            for (int j = 0; j < groups.size(); j++) {
                if (groups.get(j).get(0).family().equals(first.family())) {
                    family.add(fields.get(j));
                }
            }
            Map<String, String> differing = new LinkedHashMap<>();
            for (Map.Entry<String, String> field : fields.get(i).entrySet()) {
                String path = field.getKey();
                // The step count belongs with the schedule: a study gives WSD fewer steps than cosine for equal compute.
                boolean schedule = path.startsWith("schedule.") || path.equals("steps");
                // What is recorded does not change a run: record fields never name it.
                if (path.equals("schedule.type") || path.startsWith("record.")) {
                    continue;
                }
                List<Map<String, String>> among = schedule ? family : fields;
                // A field some groups lack (Adam's beta1 beside SGD) is told by the block's type, which differs too.
                boolean everywhere = path.endsWith(".type") || among.stream().allMatch(f -> f.containsKey(path));
                if (everywhere && among.stream().anyMatch(f -> !field.getValue().equals(f.get(path)))) {
                    differing.put(path, field.getValue());
                }
            }
            List<String> parts = new ArrayList<>();
            differing.forEach((path, value) -> parts.add(shortName(path, differing.keySet()) + " " + value));
            String label = parts.isEmpty() ? first.family() : first.family() + ", " + String.join(", ", parts);
            boolean readable = first.spec().isPresent();
            labels.add(readable && label.length() <= LONGEST_LABEL ? label : withoutSeed(first.name()));
        }
        if (new LinkedHashSet<>(labels).size() < labels.size()) {
            labels.clear();
            groups.forEach(g -> labels.add(withoutSeed(g.get(0).name())));
        }
        return labels;
    }

    /**
     * A spec field as a label names it: its last segment ({@code schedule.peak -> peak},
     * {@code landscape.hillCurvature -> hillCurvature}; a block's type by the block, {@code optimizer.type ->
     * optimizer}), or the whole path when another field of the same label ends the same way.
     */
    static String shortName(String path, java.util.Collection<String> others) {
        String name = leaf(path);
        long same = others.stream().filter(o -> leaf(o).equals(name)).count();
        return same > 1 ? path : name;
    }

    private static String leaf(String path) {
        String p = path.endsWith(".type") ? path.substring(0, path.length() - ".type".length()) : path;
        return p.substring(p.lastIndexOf('.') + 1);
    }

    /** The leaves of a spec tree by dotted path; lists as their JSON text. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node != null && !node.isMissingNode() && !node.isNull()) {
            out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    /** The spec without name and seed: what runs of one group share. */
    private static String key(RecordedRun run) {
        if (run.spec().isEmpty()) {
            return "run:" + run.directory();
        }
        ObjectNode tree = (ObjectNode) SpecReader.instance().toTree(run.spec().get());
        tree.remove("name");
        tree.remove("seed");
        return tree.toString();
    }

    /** A sweep run name without its {@code seed-N} component ({@code peak-0.1_seed-3 -> peak-0.1}). */
    static String withoutSeed(String name) {
        String stripped = name.replaceAll("(^|[_-])seed-?[0-9]+(?=$|[_-])", "").replaceAll("^[_-]+|[_-]+$", "");
        return stripped.isEmpty() ? name : stripped;
    }

    /** The budgets any run of the group has a checkpoint for, in increasing order. */
    public List<Long> budgets() {
        Set<Long> budgets = new java.util.TreeSet<>();
        for (RecordedRun run : runs) {
            for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
                budgets.add(c.budget());
            }
        }
        return new ArrayList<>(budgets);
    }

    /**
     * The checkpoint loss at {@code budget}, mean over the seeds whose loss there is finite, or empty when
     * none is (or the runs disagree on its compute, which equal specs never do).
     */
    public Optional<Estimate> loss(long budget) {
        return value(budget, RunSummary.CheckpointResult::loss, RunSummary.CheckpointResult::lossSe);
    }

    /**
     * Any checkpoint value at {@code budget} ({@code value} of each seed's checkpoint), mean over the seeds
     * where it is finite, with the standard error over seeds; with one seed the SE is {@code singleSeedSe}
     * of its checkpoint (NaN when that gives null). Empty when no seed has a finite value.
     */
    public Optional<Estimate> value(long budget, Function<RunSummary.CheckpointResult, Double> value,
            Function<RunSummary.CheckpointResult, Double> singleSeedSe) {
        List<Double> values = new ArrayList<>();
        double replicaSe = Double.NaN;
        for (RecordedRun run : runs) {
            for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
                Double v = value.apply(c);
                if (c.budget() == budget && v != null && Double.isFinite(v)) {
                    values.add(v);
                    Double se = singleSeedSe.apply(c);
                    replicaSe = se == null ? Double.NaN : se;
                }
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(Estimate.of(values, replicaSe));
    }

    /** The compute the group's checkpoint at {@code budget} cost (from its first run that has it), or -1. */
    public long compute(long budget) {
        for (RecordedRun run : runs) {
            for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
                if (c.budget() == budget) {
                    return c.compute();
                }
            }
        }
        return -1;
    }

    /** The seeds of the runs, distinct, in order. */
    public Set<Long> seeds() {
        Set<Long> seeds = new LinkedHashSet<>();
        runs.forEach(r -> seeds.add(r.summary().seed()));
        return seeds;
    }
}
