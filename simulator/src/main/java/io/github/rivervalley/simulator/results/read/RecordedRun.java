package io.github.rivervalley.simulator.results.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One run read back from its directory ({@link Runs#read}), or held in memory as it would be read back
 * ({@link Runs#of}): the summary, the resolved spec (as text and bound to the typed spec once, with the
 * schedule it describes) and the downsampled trace of every line. Immutable.
 *
 * @param directory the run directory
 * @param summary the content of {@code summary.json}
 * @param specText the content of {@code spec.yaml} (empty when the run has none)
 * @param spec {@code spec.yaml} bound to a run spec (empty when absent or not a spec this build reads)
 * @param schedule the run's schedule, built from {@code spec} (or the in-memory run's own)
 * @param traces one trace per line, in file order (empty when the run has no {@code trace.csv})
 */
public record RecordedRun(Path directory, RunSummary summary, String specText, Optional<RunSpec> spec, Optional<Schedule> schedule,
        List<RecordedTrace> traces) {

    public RecordedRun {
        traces = List.copyOf(traces);
    }

    /** The run name (from the summary). */
    public String name() {
        return summary.name();
    }

    /**
     * The schedule family that colours this run in charts, as its schedule reports it
     * ({@link Schedule#family()}); without one, the family the summary recorded, else {@code "unknown"}.
     */
    public String family() {
        if (schedule.isPresent()) {
            return schedule.get().family().label();
        }
        if (summary.schedule() != null && !summary.schedule().isBlank()) {
            return summary.schedule();
        }
        return "unknown";
    }

    /** The schedule's peak learning rate, if the schedule is known. */
    public Optional<Double> peak() {
        return schedule.map(Schedule::peak);
    }

    /** The trace of the named line. */
    public Optional<RecordedTrace> trace(String line) {
        return traces.stream().filter(t -> t.line().equals(line)).findFirst();
    }

    /** The first (root) line's trace. */
    public Optional<RecordedTrace> mainTrace() {
        return traces.isEmpty() ? Optional.empty() : Optional.of(traces.get(0));
    }

    /** A value of the bound spec by dotted path ({@code optimizer.type}) as text, or empty. */
    public Optional<String> specValue(String dottedPath) {
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = SpecReader.instance().toTree(spec.get());
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
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(spec.get().landscape().build());
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
