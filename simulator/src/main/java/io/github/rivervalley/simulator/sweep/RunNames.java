package io.github.rivervalley.simulator.sweep;

import io.github.rivervalley.simulator.results.RunDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Run names made from axis values, safe as file names on every platform: components
 * {@code label-value} joined by {@code _}, e.g. {@code schedule.type=wsd, schedule.peak=0.1, seed=3}
 * gives {@code type-wsd_peak-0.1_seed-3}. Only {@code [A-Za-z0-9.-]} appear inside a component,
 * and a name starts with a letter or digit (what run specs allow as a name).
 */
final class RunNames {

    /** Longest value part of one component before it is shortened. */
    private static final int MAX_VALUE = 40;
    /** Longest run name before it is shortened with a hash suffix (file names allow 255 bytes). */
    private static final int MAX_NAME = 160;
    /** File names the sweep directory itself uses; no run may take them. */
    static final Set<String> RESERVED = Set.of(RunDirectory.SWEEP_CSV, RunDirectory.SWEEP_JSON, RunDirectory.SWEEP_SPEC);

    private RunNames() {
    }

    /**
     * Labels for axis paths: the last key of each path ({@code schedule.peak -> peak}), or the whole path
     * with dots as dashes when two axes share a last key ({@code landscape.seed}, {@code noise.seed}).
     */
    static List<String> labels(List<String> paths) {
        Map<String, Integer> counts = new HashMap<>();
        for (String path : paths) {
            counts.merge(lastKey(path), 1, Integer::sum);
        }
        counts.merge("seed", 1, Integer::sum); // the seed component is always called 'seed'
        List<String> labels = new ArrayList<>();
        for (String path : paths) {
            String last = lastKey(path);
            labels.add(sanitize(counts.get(last) > 1 ? path.replace('.', '-') : last));
        }
        return labels;
    }

    private static String lastKey(String path) {
        List<TreePaths.Step> steps = TreePaths.parse(path, path);
        StringBuilder out = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            out.insert(0, steps.get(i).isIndex() ? "-" + steps.get(i).index() : steps.get(i).key());
            if (!steps.get(i).isIndex()) {
                break;
            }
        }
        return out.toString();
    }

    /**
     * A value as text for tables: numbers in plain decimal ({@code 0.0001}, not {@code 1.0E-4}), text as
     * it is, a mapping by its {@code type} (schedule families) or its values, a list by its elements.
     */
    static String text(JsonNode value) {
        if (value.isNumber() && !Double.isFinite(value.doubleValue())) {
            return Double.toString(value.doubleValue()); // 1e999 reads as Infinity: no decimal form
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue().stripTrailingZeros();
            return decimal.scale() < 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.get("type") != null && value.get("type").isTextual()) {
            return value.get("type").asText();
        }
        List<String> parts = new ArrayList<>();
        value.elements().forEachRemaining(v -> parts.add(text(v)));
        return String.join("+", parts);
    }

    /**
     * Keeps {@code [A-Za-z0-9.-]} (so {@code -1} stays negative), turns each run of anything else into one
     * {@code -}, and trims trailing dashes and dots and leading dots.
     */
    static String sanitize(String text) {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
            if (ok) {
                out.append(c);
                dash = false;
            } else if (!dash && out.length() > 0) {
                out.append('-');
                dash = true;
            }
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '-' || out.charAt(end - 1) == '.')) {
            end--;
        }
        int start = 0;
        while (start < end && out.charAt(start) == '.') {
            start++;
        }
        return out.substring(start, end);
    }

    /** One name component, {@code label-value}. */
    static String component(String label, String valueText) {
        String value = sanitize(valueText);
        if (value.isEmpty()) {
            value = "v";
        }
        if (value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE - 9) + "-" + hash(valueText);
        }
        return label + "-" + value;
    }

    /** Joins components into a name, shortening very long names with a hash of the full name. */
    static String join(List<String> components) {
        String name = String.join("_", components);
        if (!name.isEmpty() && !Character.isLetterOrDigit(name.charAt(0))) {
            name = "r" + name;
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME - 9) + "-" + hash(name);
        }
        return name;
    }

    /**
     * Makes names unique, deterministically: the first run (in expansion order) keeps its name, later
     * ones with the same name (compared ignoring case, for case-insensitive file systems) get
     * {@code -2}, {@code -3}, ... (the smallest suffix no other run uses).
     */
    static List<String> unique(List<String> names) {
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            taken.add(name.toLowerCase(Locale.ROOT));
        }
        taken.addAll(RESERVED);
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            if (used.add(key) && !RESERVED.contains(key)) {
                out.add(name);
                continue;
            }
            int k = 2;
            while (taken.contains((name + "-" + k).toLowerCase(Locale.ROOT))) {
                k++;
            }
            String renamed = name + "-" + k;
            taken.add(renamed.toLowerCase(Locale.ROOT));
            used.add(renamed.toLowerCase(Locale.ROOT));
            out.add(renamed);
        }
        return out;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                hex.append(String.format(Locale.ROOT, "%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
