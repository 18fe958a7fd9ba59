package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line overrides of a run spec, {@code schedule.peak=0.01 optimizer.type=adam}: dotted paths as
 * in a sweep's axes, applied and validated exactly as a one-run sweep would apply them (a misspelt key
 * gets a "did you mean", changing a block's {@code type} drops the fields the new type does not have).
 * Values are YAML: {@code 0.01}, {@code adam}, {@code [1000, 2000]}, {@code "{type: hill, sigma: 1}"}.
 */
public final class Overrides {

    /** A sweep axis field is written {@code grid.PATH}; an override is named by its path alone. */
    private static final String AXIS_PREFIX = SweepSpec.Kind.GRID.key() + ".";

    /** How the sweep names a field of its base spec: here that spec is the user's own, so the prefix goes. */
    private static final String BASE = "base";

    /** How the sweep opens the error of one of its runs; group 1 is the run's overrides. */
    private static final Pattern RUN_PREFIX = Pattern.compile("^run '[^']*' \\(([^)]*)\\) is invalid: ");

    private Overrides() {
    }

    /** One parsed {@code PATH=VALUE}. */
    public record Assignment(String path, JsonNode value) {
    }

    /** Parses {@code PATH=VALUE}; the value is read as YAML (a number, a word, a list, a mapping). */
    public static Assignment parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new SpecException("", "override '" + text + "' is not PATH=VALUE; expected e.g. schedule.peak=0.01 or optimizer.type=adam");
        }
        String path = text.substring(0, eq).trim();
        TreePaths.parse(path, path);
        String raw = text.substring(eq + 1);
        JsonNode value;
        try {
            // The value as the one entry of a YAML mapping: numbers, words, [lists] and {mappings} all read as in a spec.
            value = raw.isBlank() ? null : SpecReader.instance().readTree("value: " + raw, "the value of " + path).get("value");
        } catch (SpecException e) {
            throw new SpecException(path, "value '" + raw + "' is not valid YAML: " + e.getMessage());
        }
        if (value == null || value.isMissingNode() || value.isNull()) {
            throw new SpecException(path, "an empty value is not allowed; expected " + path + "=VALUE");
        }
        return new Assignment(path, value);
    }

    /**
     * The spec {@code base} with the {@code assignments} applied, validated with {@code executor}. Unless an
     * assignment sets {@code name}, the run is named after the base plus the overridden values
     * ({@code wsd_peak-0.01_type-adam}), so it never overwrites the unmodified run's directory.
     *
     * @throws SpecException naming the override's path, the value and what is allowed
     */
    public static ObjectNode apply(ObjectNode base, List<String> assignments, RunExecutor executor) {
        if (assignments.isEmpty()) {
            return base;
        }
        List<SweepSpec.Axis> axes = new ArrayList<>();
        String explicitName = null;
        for (String text : assignments) {
            Assignment a = parse(text);
            if (axes.stream().anyMatch(x -> x.path().equals(a.path()))) {
                throw new SpecException(a.path(), "is overridden twice; give each path once");
            }
            if (a.path().equals("name")) {
                explicitName = a.value().asText();
            }
            axes.add(new SweepSpec.Axis(a.path(), SweepSpec.Kind.GRID, List.of(a.value())));
        }
        String baseName = base.path("name").asText("run");
        Sweep sweep;
        try {
            sweep = Sweep.expand(new SweepSpec(baseName, base, axes, List.of(), 0), executor);
        } catch (SpecException e) {
            throw plain(e);
        }
        ObjectNode spec = sweep.runs().get(0).runSpec();
        spec.put("name", explicitName != null ? explicitName : RunNames.join(List.of(RunNames.sanitize(baseName), sweep.runs().get(0).name())));
        executor.prepare(spec); // the name set last is checked too
        return spec;
    }

    /**
     * The sweep's error in the terms of a single run: axis fields ({@code grid.schedule.peak}) and base fields
     * ({@code base.optimizer}) named by their paths, without the run's name, and the field named once.
     */
    private static SpecException plain(SpecException e) {
        String field = e.field();
        if (field.startsWith(AXIS_PREFIX)) {
            field = field.substring(AXIS_PREFIX.length());
        } else if (field.equals(BASE) || field.startsWith(BASE + ".")) {
            field = field.substring(Math.min(field.length(), BASE.length() + 1));
        }
        String message = e.getMessage();
        if (!e.field().isEmpty() && message.startsWith(e.field() + ": ")) {
            message = message.substring(e.field().length() + 2);
        }
        Matcher run = RUN_PREFIX.matcher(message);
        if (run.find()) {
            String rest = message.substring(run.end());
            if (!field.isEmpty() && rest.startsWith(field + ": ")) {
                rest = rest.substring(field.length() + 2); // already named in front of the message
            }
            message = "with " + run.group(1) + ": " + rest;
        }
        return new SpecException(field, message, e);
    }
}
