package io.github.rivervalley.simulator.results.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One run read back from its directory ({@link Runs#read}), or held in memory as it would be read back
 * ({@link Runs#of}): the summary, the resolved spec (as text and as a tree) and the downsampled trace of
 * every line. Immutable.
 *
 * @param directory the run directory
 * @param summary the content of {@code summary.json}
 * @param specText the content of {@code spec.yaml} (empty when the run has none)
 * @param spec {@code spec.yaml} parsed as a tree (an empty object when absent or unreadable)
 * @param traces one trace per line, in file order (empty when the run has no {@code trace.csv})
 */
public record RecordedRun(Path directory, RunSummary summary, String specText, JsonNode spec, List<RecordedTrace> traces) {

    public RecordedRun {
        traces = List.copyOf(traces);
    }

    /** The run name (from the summary). */
    public String name() {
        return summary.name();
    }

    /**
     * The schedule family that colours this run in charts: the summary's schedule type, else the spec's
     * {@code schedule.type}, else {@code "unknown"}.
     */
    public String family() {
        if (summary.schedule() != null && !summary.schedule().isBlank()) {
            return summary.schedule();
        }
        return spec.path("schedule").path("type").asText("unknown");
    }

    /** The trace of the named line. */
    public Optional<RecordedTrace> trace(String line) {
        return traces.stream().filter(t -> t.line().equals(line)).findFirst();
    }

    /** The first (root) line's trace. */
    public Optional<RecordedTrace> mainTrace() {
        return traces.isEmpty() ? Optional.empty() : Optional.of(traces.get(0));
    }

    /** A spec value by dotted path ({@code schedule.peak}) as text, or empty. */
    public Optional<String> specValue(String dottedPath) {
        JsonNode node = spec;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isValueNode() ? node.asText() : node.toString());
    }

    /**
     * The landscape built from the spec's {@code landscape} block, when its type is known to this build
     * (used to draw the loss under the trajectory); empty otherwise.
     */
    public Optional<Landscape> landscape() {
        JsonNode block = spec.path("landscape");
        if (!block.isObject()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SpecReader.instance().bind(block, LandscapeSpec.class).build());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Files of this run, relative to its directory, that a report links to. */
    public List<String> files() {
        return List.of(RunDirectory.TRACE, RunDirectory.SUMMARY, RunDirectory.SPEC);
    }

    @Override
    public String toString() {
        return "RecordedRun[" + name() + " (" + family() + "), " + traces.size() + " lines, " + directory + "]";
    }
}
