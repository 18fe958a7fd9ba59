package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunFiles;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.SummaryFile;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finding and reading run directories (any directory holding a {@code summary.json}). */
public final class Runs {

    /** How deep below the given directory runs are looked for (sweeps nest runs one or two levels down). */
    private static final int MAX_DEPTH = 6;

    private Runs() {
    }

    /**
     * RecordedRun directories under {@code root} (including {@code root} itself), sorted by path, skipping
     * hidden directories and the subtree {@code exclude} (a report written inside the results).
     */
    public static List<Path> find(Path root, Path exclude) {
        Path excluded = exclude == null ? null : exclude.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new TraceFormatException(root + " is not a directory; expected a directory of runs (each with a " + RunDirectory.SUMMARY + ")");
        }
        List<Path> runs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            walk.filter(Files::isDirectory)
                    .filter(dir -> excluded == null || !dir.toAbsolutePath().normalize().startsWith(excluded))
                    .filter(dir -> !hidden(root, dir))
                    .filter(dir -> Files.isRegularFile(dir.resolve(RunDirectory.SUMMARY)))
                    .sorted()
                    .forEach(runs::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return runs;
    }

    private static boolean hidden(Path root, Path dir) {
        Path relative = root.relativize(dir);
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith(".tmp")) {
                return true;
            }
        }
        return false;
    }

    /** Reads one run directory with the given trace reader. */
    public static RecordedRun read(Path directory, TraceReader reader) {
        String problem = RunFiles.problem(directory, TraceColumns.REQUIRED);
        if (problem != null) {
            throw new TraceFormatException(problem);
        }
        RunSummary summary;
        try {
            summary = SummaryFile.readRun(directory);
        } catch (SummaryFile.InvalidSummaryException e) {
            throw new TraceFormatException(e.getMessage(), e);
        }
        Path specFile = directory.resolve(RunDirectory.SPEC);
        String specText = "";
        if (Files.isRegularFile(specFile)) {
            try {
                specText = Files.readString(specFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + specFile, e);
            }
        }
        Optional<RunSpec> spec = bind(directory, specText);
        Optional<Schedule> schedule = spec.flatMap(Runs::schedule);
        Path traceFile = directory.resolve(RunDirectory.TRACE);
        List<RecordedTrace> traces = reader.read(traceFile, schedule.orElse(null));
        for (RunSummary.LineResult line : summary.lines()) {
            RecordedTrace trace = traces.stream().filter(t -> t.line().equals(line.name())).findFirst().orElse(null);
            if (trace == null || trace.lastStep() != line.endStep()) {
                throw new TraceFormatException(traceFile + (trace == null ? " has no rows of line '" + line.name() + "'"
                        : " ends line '" + line.name() + "' at step " + trace.lastStep()) + ", but " + RunDirectory.SUMMARY
                        + " says it ran to step " + line.endStep() + " (the trace is incomplete)");
            }
        }
        return new RecordedRun(directory, summary, specText, spec, schedule, traces);
    }

    /**
     * A run held in memory as {@link #read} gives it once its files are in {@code directory}: the
     * summary, the text of its {@code spec.yaml} (may be empty) and its traces (from a {@link Downsampler}
     * given the run's schedule, which {@code specText} describes).
     */
    public static RecordedRun of(Path directory, RunSummary summary, String specText, List<RecordedTrace> traces) {
        Optional<RunSpec> spec = bind(directory, specText);
        return new RecordedRun(directory, summary, specText, spec, spec.flatMap(Runs::schedule), traces);
    }

    /**
     * The spec a run wrote, bound once; empty when there is none or it is not a spec this build reads (a
     * run of a later version, a hand-edited file): the report then shows its text and the summary's facts only.
     */
    private static Optional<RunSpec> bind(Path directory, String specText) {
        if (specText.isEmpty()) {
            return Optional.empty();
        }
        try {
            SpecReader reader = SpecReader.instance();
            return Optional.of(reader.bind(reader.readTree(specText, directory.resolve(RunDirectory.SPEC).toString()), RunSpec.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Schedule> schedule(RunSpec spec) {
        try {
            return Optional.of(spec.schedule().build(spec.steps()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The sweep summary of {@code root}, when it is a sweep directory. */
    public static java.util.Optional<Path> sweepTable(Path root) {
        Path sweep = root.resolve(RunDirectory.SWEEP_CSV);
        return Files.isRegularFile(sweep) ? java.util.Optional.of(sweep) : java.util.Optional.empty();
    }
}
