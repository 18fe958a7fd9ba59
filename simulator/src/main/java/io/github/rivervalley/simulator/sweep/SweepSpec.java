package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.spec.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep as written: a {@code base} run spec, axes that override its dotted fields, and seeds.
 *
 * <pre>
 * name: peak-sweep            # optional; default: the file name
 * base: { ...a run spec... }
 * grid:                       # cartesian product, first axis varies slowest
 *   schedule.peak: [0.05, 0.1, 0.2]
 * zip:                        # lists of equal length, varied together (one combined axis)
 *   schedule.warmup: [100, 200]
 *   steps: [1000, 2000]
 * seeds: 3                    # a count (base seed, base seed + 1, ...) or a list [1, 7, 42]
 * </pre>
 *
 * @param name the sweep's name
 * @param base the base run spec as written (axes override fields of it)
 * @param axes grid axes in the order written, then zip axes in the order written
 * @param seeds explicit seeds, or empty when {@code seedCount} (or no seeds at all) was given
 * @param seedCount a seed count, or 0
 */
public record SweepSpec(String name, ObjectNode base, List<Axis> axes, List<Long> seeds, int seedCount) {

    /** The keys a sweep file may hold. */
    static final List<String> KEYS = List.of("name", "base", "grid", "zip", "seeds");

    /** How an axis combines with the others. */
    public enum Kind {
        /** Cartesian product with the other grid axes. */
        GRID,
        /** Varied together with the other zip axes, index by index. */
        ZIP;

        String key() {
            return name().toLowerCase();
        }
    }

    /**
     * One axis: the dotted field it overrides and the values it takes.
     *
     * @param path dotted field path in the run spec, e.g. {@code schedule.peak}
     * @param kind grid or zip
     * @param values the values, in order (any YAML value: numbers, text, lists, whole mappings)
     */
    public record Axis(String path, Kind kind, List<JsonNode> values) {
        public Axis {
            values = List.copyOf(values);
        }

        /** Where the axis is written in the sweep file, e.g. {@code grid.schedule.peak}. */
        public String field() {
            return kind.key() + "." + path;
        }

        @Override
        public String toString() {
            return field() + " (" + values.size() + " values)";
        }
    }

    public SweepSpec {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
    }

    /** Reads a sweep file; the sweep's name defaults to the file name without extension. */
    public static SweepSpec read(Path file) {
        JsonNode tree = SpecReader.instance().readTree(file);
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return parse(tree, dot > 0 ? fileName.substring(0, dot) : fileName);
    }

    /** Parses a sweep tree; {@code defaultName} is used when it has no {@code name}. */
    public static SweepSpec parse(JsonNode tree, String defaultName) {
        if (!(tree instanceof ObjectNode root)) {
            throw new SpecException("", "a sweep must be a mapping with keys " + String.join(", ", KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                String hint = Suggestions.closest(key, KEYS).map(s -> "did you mean '" + s + "'? ").orElse("");
                throw new SpecException(key, "unknown key '" + key + "' in a sweep; " + hint + "allowed keys: " + String.join(", ", KEYS));
            }
        }
        String name = defaultName;
        JsonNode nameNode = root.get("name");
        if (nameNode != null) {
            if (!nameNode.isTextual() || RunNames.sanitize(nameNode.asText()).isEmpty()) {
                throw new SpecException("name", "'" + nameNode + "' is not allowed; expected text with letters or digits");
            }
            name = nameNode.asText();
        }
        JsonNode base = root.get("base");
        if (!(base instanceof ObjectNode baseObject)) {
            throw new SpecException("base", base == null ? "missing; a sweep needs the base run spec its axes override"
                    : "expected a mapping (a run spec), not " + base.getNodeType().toString().toLowerCase());
        }
        List<Axis> axes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (Kind kind : Kind.values()) {
            JsonNode block = root.get(kind.key());
            if (block == null) {
                continue;
            }
            if (!(block instanceof ObjectNode object)) {
                throw new SpecException(kind.key(), "expected a mapping of field paths to lists of values, such as schedule.peak: [0.1, 0.2]");
            }
            if (object.isEmpty()) {
                throw new SpecException(kind.key(), "is empty; give at least one field path with its values, or leave '" + kind.key() + "' out");
            }
            int zipLength = -1;
            String zipFirst = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String path = entry.getKey();
                String field = kind.key() + "." + path;
                TreePaths.parse(path, field);
                if (path.equals("seed")) {
                    throw new SpecException(field, "vary seeds with the top-level 'seeds' key (a count or a list), not as an axis");
                }
                if (path.equals("name")) {
                    throw new SpecException(field, "run names are made from the axis values; 'name' cannot be an axis");
                }
                if (!paths.add(path)) {
                    throw new SpecException(field, "'" + path + "' is already an axis; each field can be varied by one axis only");
                }
                if (!(entry.getValue() instanceof ArrayNode list)) {
                    throw new SpecException(field, "'" + entry.getValue() + "' is not allowed; expected a list of values, such as [0.1, 0.2]");
                }
                if (list.isEmpty()) {
                    throw new SpecException(field, "is an empty list; an axis needs at least one value");
                }
                List<JsonNode> values = new ArrayList<>();
                for (JsonNode value : list) {
                    if (value.isNull()) {
                        throw new SpecException(field, "null is not allowed as an axis value; leave the field out of the axis instead");
                    }
                    if (values.contains(value)) {
                        throw new SpecException(field, "lists " + value + " twice; each value of an axis must differ");
                    }
                    values.add(value);
                }
                if (kind == Kind.ZIP) {
                    if (zipLength < 0) {
                        zipLength = values.size();
                        zipFirst = field;
                    } else if (values.size() != zipLength) {
                        throw new SpecException(field, "has " + values.size() + " values but " + zipFirst + " has " + zipLength
                                + "; zip axes are varied together, so their lists must have equal length");
                    }
                }
                axes.add(new Axis(path, kind, values));
            }
        }
        List<Long> seeds = new ArrayList<>();
        int seedCount = 0;
        JsonNode seedsNode = root.get("seeds");
        if (seedsNode != null) {
            if (seedsNode.isIntegralNumber()) {
                if (!seedsNode.canConvertToInt() || seedsNode.asInt() < 1) {
                    throw new SpecException("seeds", seedsNode + " is not allowed; expected a count of at least 1 or a list of whole numbers");
                }
                seedCount = seedsNode.asInt();
            } else if (seedsNode instanceof ArrayNode list && !list.isEmpty()) {
                for (JsonNode seed : list) {
                    if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                        throw new SpecException("seeds", "'" + seed + "' is not allowed; seeds are whole numbers");
                    }
                    if (seeds.contains(seed.asLong())) {
                        throw new SpecException("seeds", "lists " + seed + " twice; each seed must differ");
                    }
                    seeds.add(seed.asLong());
                }
            } else {
                throw new SpecException("seeds", "'" + seedsNode + "' is not allowed; expected a count of at least 1 or a non-empty list of whole numbers");
            }
        }
        if (axes.isEmpty() && seedsNode == null) {
            throw new SpecException("", "a sweep needs at least one axis: give 'grid', 'zip' or 'seeds'");
        }
        return new SweepSpec(name, baseObject.deepCopy(), axes, seeds, seedCount);
    }

    /** Whether the sweep varies seeds (and so names runs with a seed component). */
    public boolean variesSeeds() {
        return !seeds.isEmpty() || seedCount > 0;
    }

    /** The sweep as a tree in the file format ({@code name}, {@code seeds}, {@code grid}, {@code zip}, {@code base}). */
    public ObjectNode toTree() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("name", name);
        if (!seeds.isEmpty()) {
            ArrayNode list = root.putArray("seeds");
            seeds.forEach(list::add);
        } else if (seedCount > 0) {
            root.put("seeds", seedCount);
        }
        for (Kind kind : Kind.values()) {
            ObjectNode block = f.objectNode();
            for (Axis axis : axes) {
                if (axis.kind() == kind) {
                    ArrayNode list = block.putArray(axis.path());
                    axis.values().forEach(v -> list.add(v.deepCopy()));
                }
            }
            if (!block.isEmpty()) {
                root.set(kind.key(), block);
            }
        }
        root.set("base", base.deepCopy());
        return root;
    }

    @Override
    public String toString() {
        return "SweepSpec[" + name + ", axes=" + axes + ", seeds=" + (seedCount > 0 ? seedCount : seeds.size()) + "]";
    }
}
