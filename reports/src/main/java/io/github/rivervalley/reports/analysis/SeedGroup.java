package io.github.rivervalley.reports.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs whose specs are equal except for {@code name} and {@code seed}: repeats of one experiment, whose
 * numbers are reported as a mean over seeds with its standard error, never as the best single seed.
 *
 * @param label how the group is named in sentences (its family when that is unique among the groups,
 *     else its first run's name without the seed part)
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
        Map<String, Integer> familyCount = new LinkedHashMap<>();
        for (List<RecordedRun> group : byKey.values()) {
            familyCount.merge(group.get(0).family(), 1, Integer::sum);
        }
        List<SeedGroup> out = new ArrayList<>();
        for (List<RecordedRun> group : byKey.values()) {
            RecordedRun first = group.get(0);
            String label = familyCount.get(first.family()) == 1 ? first.family() : withoutSeed(first.name());
            out.add(new SeedGroup(label, first.family(), group));
        }
        return out;
    }

    private static String key(RecordedRun run) {
        JsonNode spec = run.spec();
        if (!(spec instanceof ObjectNode object) || object.isEmpty()) {
            return "run:" + run.directory();
        }
        ObjectNode copy = object.deepCopy();
        copy.remove("name");
        copy.remove("seed");
        return copy.toString();
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
        List<Double> values = new ArrayList<>();
        double replicaSe = Double.NaN;
        for (RecordedRun run : runs) {
            for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
                if (c.budget() == budget && c.loss() != null && Double.isFinite(c.loss())) {
                    values.add(c.loss());
                    replicaSe = c.lossSe() == null ? Double.NaN : c.lossSe();
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
