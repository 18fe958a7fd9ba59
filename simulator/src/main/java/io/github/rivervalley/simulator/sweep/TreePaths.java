package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * Dotted field paths into a spec tree: {@code schedule.peak}, {@code landscape.hillCurvature[1]}.
 * A segment is a mapping key, optionally followed by list indices in brackets.
 */
final class TreePaths {

    private TreePaths() {
    }

    /** One step of a path: a mapping key, or an index into a list when {@code key} is null. */
    record Step(String key, int index) {
        boolean isIndex() {
            return key == null;
        }

        @Override
        public String toString() {
            return isIndex() ? "[" + index + "]" : key;
        }
    }

    /** Parses a dotted path; {@code field} names where it came from, for errors. */
    static List<Step> parse(String path, String field) {
        List<Step> steps = new ArrayList<>();
        if (path == null || path.isBlank()) {
            throw new SpecException(field, "an empty field path is not allowed; expected a dotted path such as schedule.peak");
        }
        for (String segment : path.split("\\.", -1)) {
            int bracket = segment.indexOf('[');
            String key = bracket < 0 ? segment : segment.substring(0, bracket);
            if (key.isEmpty() || !key.matches("[A-Za-z0-9_-]+")) {
                throw new SpecException(field, "'" + path + "' is not a field path; expected keys separated by dots, such as schedule.peak or start[0]");
            }
            steps.add(new Step(key, -1));
            String rest = bracket < 0 ? "" : segment.substring(bracket);
            while (!rest.isEmpty()) {
                int close = rest.indexOf(']');
                if (!rest.startsWith("[") || close < 2 || !rest.substring(1, close).matches("[0-9]+")) {
                    throw new SpecException(field, "'" + path + "' is not a field path; list indices are written [0], [1], ...");
                }
                if (close > 10 || Long.parseLong(rest.substring(1, close)) > Integer.MAX_VALUE) {
                    throw new SpecException(field, "'" + path + "' has the list index " + rest.substring(1, close)
                            + ", which is not allowed; expected an index below 2147483648 (and within the list)");
                }
                steps.add(new Step(null, Integer.parseInt(rest.substring(1, close))));
                rest = rest.substring(close + 1);
            }
        }
        return steps;
    }

    /** The node at {@code path}, or null when some step is missing. */
    static JsonNode get(JsonNode root, List<Step> path) {
        JsonNode node = root;
        for (Step step : path) {
            node = child(node, step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** How many leading steps of {@code path} exist in {@code root}. */
    static int existingPrefix(JsonNode root, List<Step> path) {
        JsonNode node = root;
        int depth = 0;
        for (Step step : path) {
            node = child(node, step);
            if (node == null) {
                return depth;
            }
            depth++;
        }
        return depth;
    }

    /** The node reached by the first {@code depth} steps (must exist). */
    static JsonNode prefix(JsonNode root, List<Step> path, int depth) {
        return get(root, path.subList(0, depth));
    }

    private static JsonNode child(JsonNode node, Step step) {
        if (step.isIndex()) {
            return node instanceof ArrayNode && step.index() < node.size() ? node.get(step.index()) : null;
        }
        return node instanceof ObjectNode ? node.get(step.key()) : null;
    }

    /**
     * Sets {@code value} at {@code path} in {@code root} (modified in place). A missing mapping on the way
     * is copied from {@code defaults} (the resolved base spec, whose blocks carry their {@code type}) or
     * else created empty, so that overriding a field of a block the base left to its default works.
     */
    static void set(ObjectNode root, List<Step> path, JsonNode value, JsonNode defaults, String field) {
        JsonNode node = root;
        JsonNode fallback = defaults;
        for (int i = 0; i < path.size(); i++) {
            Step step = path.get(i);
            boolean last = i == path.size() - 1;
            JsonNode nextFallback = fallback == null ? null : child(fallback, step);
            if (step.isIndex()) {
                if (!(node instanceof ArrayNode array) || step.index() >= array.size()) {
                    throw new SpecException(field, "index " + step + " is outside the list at " + render(path.subList(0, i))
                            + " (it has " + (node instanceof ArrayNode ? node.size() : 0) + " elements)");
                }
                if (last) {
                    array.set(step.index(), value.deepCopy());
                    return;
                }
                node = array.get(step.index());
            } else {
                if (!(node instanceof ObjectNode object)) {
                    throw new SpecException(field, render(path.subList(0, i)) + " is not a mapping, so it has no field '" + step.key() + "'");
                }
                if (last) {
                    object.set(step.key(), value.deepCopy());
                    return;
                }
                JsonNode next = object.get(step.key());
                if (next == null || next.isNull()) {
                    next = nextFallback != null && nextFallback.isContainerNode() ? nextFallback.deepCopy()
                            : path.get(i + 1).isIndex() ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                    object.set(step.key(), next);
                }
                node = next;
            }
            fallback = nextFallback;
        }
    }

    /** Removes the field at {@code path} (a mapping key) if present. */
    static void remove(ObjectNode root, List<Step> path) {
        JsonNode parent = get(root, path.subList(0, path.size() - 1));
        Step last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && !last.isIndex()) {
            object.remove(last.key());
        }
    }

    /** The path as text, {@code a.b[0].c}. */
    static String render(List<Step> path) {
        StringBuilder out = new StringBuilder();
        for (Step step : path) {
            if (!step.isIndex() && out.length() > 0) {
                out.append('.');
            }
            out.append(step);
        }
        return out.toString();
    }
}
