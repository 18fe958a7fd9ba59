package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.spec.MemoryBudget;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep expanded into its runs, every one validated.
 *
 * <p>Expansion order (stable, so run indices and shards never change): the grid is a cartesian product
 * in which the first grid axis varies slowest and the last fastest; the zip axes form one more axis
 * (varied together, index by index) after the grid axes; seeds vary fastest of all. Each run's spec is
 * the base spec with its axis values set (shallower paths first, so a whole-mapping axis such as
 * {@code schedule: [{type: wsd, ...}, {type: cosine, ...}]} can be combined with {@code schedule.peak}),
 * its {@code seed} and its {@code name}.
 *
 * <p>Changing a block's {@code type} by an axis (e.g. {@code schedule.type: [wsd, cosine]}) drops the
 * keys of that block which the new type does not have (a WSD {@code decayFraction} for cosine), so
 * one base spec can carry the fields of every family; keys set by an axis are never dropped.
 *
 * @param spec the sweep with its seeds made explicit (what {@code sweep-spec.yaml} records)
 * @param runs the runs, in expansion order
 */
public record Sweep(SweepSpec spec, List<Job> runs) {

    /**
     * One run of the sweep.
     *
     * @param index position in the expansion order (the basis of sharding)
     * @param name unique, file-name-safe run name (the run's directory)
     * @param axisValues axis path to value, in axis order
     * @param seed the run's seed
     * @param runSpec the full run spec tree
     * @param dropped keys removed because an axis changed their block's type, as dotted paths
     * @param prepared the run as the executor validated and bound it, ready to execute (null in a sweep
     *     that already ran, which is only read)
     */
    public record Job(int index, String name, Map<String, JsonNode> axisValues, long seed, ObjectNode runSpec, List<String> dropped,
            RunExecutor.Prepared prepared) {
        public Job {
            axisValues = Collections.unmodifiableMap(new LinkedHashMap<>(axisValues));
            dropped = List.copyOf(dropped);
        }

        /** The axis values as text, for names and tables. */
        public Map<String, String> axisText() {
            Map<String, String> text = new LinkedHashMap<>();
            axisValues.forEach((k, v) -> text.put(k, RunNames.text(v)));
            return text;
        }

        @Override
        public String toString() {
            return "Job[" + index + " " + name + "]";
        }
    }

    /** The most runs a sweep may expand to. */
    static final long MAX_RUNS = 1_000_000;

    public Sweep {
        runs = List.copyOf(runs);
    }

    /** The axis paths in column order. */
    public List<String> axisPaths() {
        return spec.axes().stream().map(SweepSpec.Axis::path).toList();
    }

    /**
     * Expands and validates: every run is checked and bound with {@code executor.prepare} before this
     * returns, so an invalid sweep fails before any run starts, and each run is bound once.
     *
     * @throws SpecException naming the axis (as {@code grid.schedule.peak}), the run and the field
     */
    public static Sweep expand(SweepSpec spec, RunExecutor executor) {
        return expand(spec, executor, true);
    }

    /**
     * The expansion of a sweep that already ran (names, axis values, seeds), without validating it again:
     * what merges need, with no engine at hand.
     */
    static Sweep recorded(SweepSpec spec) {
        return expand(spec, runSpec -> new RunExecutor.Prepared(runSpec, outDir -> {
            throw new UnsupportedOperationException("a recorded sweep is only read");
        }), false);
    }

    private static Sweep expand(SweepSpec spec, RunExecutor executor, boolean validate) {
        JsonNode resolvedBase;
        try {
            ObjectNode named = spec.base().deepCopy();
            if (!named.has("name")) {
                named.put("name", RunNames.join(List.of(RunNames.sanitize(spec.name()).isEmpty() ? "base" : RunNames.sanitize(spec.name()))));
            }
            resolvedBase = executor.prepare(named).resolved();
        } catch (SpecException e) {
            throw new SpecException(e.field().isEmpty() ? "base" : "base." + e.field(),
                    e.getMessage().substring(e.field().isEmpty() ? 0 : e.field().length() + 2), e);
        }
        JsonNode baseSeed = resolvedBase.get("seed");
        long defaultSeed = baseSeed != null && baseSeed.canConvertToLong() ? baseSeed.asLong() : 0L;
        ObjectNode base = spec.base().deepCopy();
        if (!base.has("seed") && resolvedBase.get("seed") != null) {
            base.set("seed", resolvedBase.get("seed")); // recorded, so merges know the seed without the engine
        }
        for (SweepSpec.Axis axis : validate ? spec.axes() : List.<SweepSpec.Axis>of()) {
            checkPath(axis, spec.base(), resolvedBase);
        }

        // One dimension per grid axis, then one for all zip axes together; dimensionOf[a] for axis a.
        List<SweepSpec.Axis> axes = spec.axes();
        int gridCount = (int) axes.stream().filter(a -> a.kind() == SweepSpec.Kind.GRID).count();
        int[] dimensionOf = new int[axes.size()];
        int[] sizes = new int[gridCount + (gridCount < axes.size() ? 1 : 0)];
        for (int a = 0, g = 0; a < axes.size(); a++) {
            dimensionOf[a] = axes.get(a).kind() == SweepSpec.Kind.GRID ? g++ : gridCount;
            sizes[dimensionOf[a]] = axes.get(a).values().size();
        }
        // Counted before any list is built, without overflow (21 axes of 8 values would wrap a long to 0).
        long total = Math.max(1, (long) spec.seeds().size() + spec.seedCount());
        for (int size : sizes) {
            total = MemoryBudget.times(total, size);
        }
        if (total > MAX_RUNS) {
            throw new SpecException("", "the sweep expands to " + (total == Long.MAX_VALUE ? "more than 2^63" : Long.toString(total))
                    + " runs; at most " + MAX_RUNS + " are allowed");
        }
        List<Long> seeds = new ArrayList<>(spec.seeds());
        for (int i = 0; i < spec.seedCount(); i++) {
            seeds.add(defaultSeed + i);
        }
        SweepSpec resolved = new SweepSpec(spec.name(), base, spec.axes(), seeds, 0);
        List<String> labels = RunNames.labels(spec.axes().stream().map(SweepSpec.Axis::path).toList());
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelOf.put(spec.axes().get(i).path(), labels.get(i));
        }
        // Overrides are applied shallowest first; equal depths keep axis order.
        List<SweepSpec.Axis> applyOrder = new ArrayList<>(spec.axes());
        applyOrder.sort(Comparator.comparingInt(a -> TreePaths.parse(a.path(), a.field()).size()));

        List<Map<String, JsonNode>> combos = new ArrayList<>();
        int[] digits = new int[sizes.length];
        for (long c = 0; c < total / Math.max(1, seeds.size()); c++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                values.put(axes.get(a).path(), axes.get(a).values().get(digits[dimensionOf[a]]));
            }
            combos.add(values);
            for (int d = sizes.length - 1; d >= 0; d--) {
                if (++digits[d] < sizes[d]) {
                    break;
                }
                digits[d] = 0;
            }
        }

        List<String> names = new ArrayList<>();
        List<Map<String, JsonNode>> runValues = new ArrayList<>();
        List<Long> runSeeds = new ArrayList<>();
        for (Map<String, JsonNode> values : combos) {
            for (Long seed : seeds.isEmpty() ? List.of(defaultSeed) : seeds) {
                List<String> components = new ArrayList<>();
                values.forEach((path, value) -> components.add(RunNames.component(labelOf.get(path), RunNames.text(value))));
                if (!seeds.isEmpty()) {
                    components.add(RunNames.component("seed", Long.toString(seed)));
                }
                names.add(RunNames.join(components));
                runValues.add(values);
                runSeeds.add(seed);
            }
        }
        names = RunNames.unique(names);

        List<Job> runs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ObjectNode tree = base.deepCopy();
            Map<String, JsonNode> values = runValues.get(i);
            Set<String> typePaths = new LinkedHashSet<>();
            for (SweepSpec.Axis axis : applyOrder) {
                List<TreePaths.Step> path = TreePaths.parse(axis.path(), axis.field());
                TreePaths.set(tree, path, values.get(axis.path()), resolvedBase, axis.field());
                if (axis.path().equals("type") || axis.path().endsWith(".type")) {
                    typePaths.add(axis.path().substring(0, Math.max(0, axis.path().length() - 5)));
                }
            }
            if (!seeds.isEmpty()) {
                tree.put("seed", runSeeds.get(i));
            }
            tree.put("name", names.get(i));
            List<String> dropped = new ArrayList<>();
            RunExecutor.Prepared prepared = validate ? prepare(tree, executor, names.get(i), values, spec.axes(), typePaths, dropped) : null;
            runs.add(new Job(i, names.get(i), values, runSeeds.get(i), tree, dropped, prepared));
        }
        return new Sweep(resolved, runs);
    }

    /**
     * Rejects an axis whose path leaves the base spec at a key that looks like a misspelling of one that
     * exists there. Paths that simply are not in the base (optional fields, fields of another type) are
     * left to the per-run validation, which names the field too.
     */
    private static void checkPath(SweepSpec.Axis axis, JsonNode base, JsonNode resolvedBase) {
        List<TreePaths.Step> path = TreePaths.parse(axis.path(), axis.field());
        int inResolved = TreePaths.existingPrefix(resolvedBase, path);
        int inBase = TreePaths.existingPrefix(base, path);
        int depth = Math.max(inResolved, inBase);
        if (depth == path.size()) {
            return;
        }
        TreePaths.Step missing = path.get(depth);
        if (missing.isIndex()) {
            return; // reported when set, with the list's length
        }
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode root : List.of(resolvedBase, base)) {
            JsonNode parent = TreePaths.existingPrefix(root, path) >= depth ? TreePaths.prefix(root, path, depth) : null;
            if (parent != null && parent.isObject()) {
                parent.fieldNames().forEachRemaining(keys::add);
            }
        }
        keys.remove("name");
        keys.remove("seed");
        String where = depth == 0 ? "the base spec" : TreePaths.render(path.subList(0, depth));
        Suggestions.closest(missing.key(), keys).ifPresent(s -> {
            throw new SpecException(axis.field(), "'" + missing.key() + "' is not a field of " + where
                    + "; did you mean '" + s + "'? fields there: " + String.join(", ", keys));
        });
    }

    /** Validates and binds the run, first dropping (into {@code dropped}) keys its blocks' new types do not have. */
    private static RunExecutor.Prepared prepare(ObjectNode tree, RunExecutor executor, String name, Map<String, JsonNode> values,
                                                List<SweepSpec.Axis> axes, Set<String> typePaths, List<String> dropped) {
        while (true) {
            try {
                return executor.prepare(tree);
            } catch (SpecException e) {
                String field = e.field();
                if (e.getCause() instanceof UnrecognizedPropertyException && !values.containsKey(field)) {
                    int dot = field.lastIndexOf('.');
                    String parent = dot < 0 ? "" : field.substring(0, dot);
                    if (typePaths.contains(parent) && !dropped.contains(field)) {
                        TreePaths.remove(tree, TreePaths.parse(field, field));
                        dropped.add(field);
                        continue;
                    }
                }
                throw runError(e, name, values, axes);
            }
        }
    }

    private static SpecException runError(SpecException e, String name, Map<String, JsonNode> values, List<SweepSpec.Axis> axes) {
        String field = e.field();
        String axisField = "";
        for (SweepSpec.Axis axis : axes) {
            if (field.equals(axis.path()) || field.startsWith(axis.path() + ".") || field.startsWith(axis.path() + "[")
                    || axis.path().startsWith(field + ".")) {
                axisField = axis.field();
                break;
            }
        }
        StringBuilder settings = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            settings.append(entry.getKey()).append('=').append(RunNames.text(entry.getValue()));
            if (it.hasNext()) {
                settings.append(", ");
            }
        }
        return new SpecException(axisField, "run '" + name + "' (" + settings + ") is invalid: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "Sweep[" + spec.name() + ", " + runs.size() + " runs]";
    }
}
