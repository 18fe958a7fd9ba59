package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.io.Csv;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the sweep's summary from whatever runs are complete: {@code sweep.csv} (one row per run and
 * checkpoint) and {@code sweep.json} (the expanded run list with each run's status). Reads only
 * {@code sweep-spec.yaml} and the run directories, so it works after any mix of shards, and writes
 * both files atomically, so it may be run at any time (again).
 *
 * <p>{@code sweep.csv} columns: {@code run}, one column per axis (its dotted path), {@code seed},
 * {@code status} ({@code done}, {@code failed}, {@code missing}), {@code budget}, {@code line},
 * {@code step}, {@code compute}, {@code loss}, {@code river_loss}, {@code hill_excess},
 * {@code river_coord}, {@code diverged} (replicas diverged by that checkpoint) and {@code wall_seconds}
 * (the whole run's wall time; the only column that differs between identical sweeps). A failed or
 * missing run has one row with its status and empty values.
 */
public final class SweepMerger {

    /** The fixed columns after the axis columns. */
    public static final List<String> COLUMNS = List.of("seed", "status", "budget", "line", "step", "compute",
            "loss", "river_loss", "hill_excess", "river_coord", "diverged", "wall_seconds");

    /**
     * What a merge found.
     *
     * @param runs runs in the sweep
     * @param done complete runs
     * @param failed runs with a recorded failure, in expansion order
     * @param missing runs neither complete nor failed, in expansion order
     */
    public record Report(int runs, int done, List<String> failed, List<String> missing) {
        public Report {
            failed = List.copyOf(failed);
            missing = List.copyOf(missing);
        }

        /** Whether every run is complete or failed with a recorded reason. */
        public boolean complete() {
            return missing.isEmpty();
        }

        /** One line for the user, naming a few missing and failed runs. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            out.append(done).append(" of ").append(runs).append(" runs done");
            if (!failed.isEmpty()) {
                out.append(", ").append(failed.size()).append(" failed (").append(some(failed)).append("; reasons in <run>/error.txt)");
            }
            if (!missing.isEmpty()) {
                out.append(", ").append(missing.size()).append(" missing (").append(some(missing)).append(')');
            }
            return out.toString();
        }

        private static String some(List<String> names) {
            return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + ", ...";
        }
    }

    private SweepMerger() {
    }

    /** Reads the expansion recorded in {@code dir/sweep-spec.yaml} (names and axis values only; not validated again). */
    public static Sweep recorded(Path dir) {
        Path file = dir.resolve(RunDirectory.SWEEP_SPEC);
        if (!Files.isRegularFile(file)) {
            throw new SpecException("DIR", dir + " is not a sweep directory: it has no " + RunDirectory.SWEEP_SPEC);
        }
        SweepSpec spec = SweepSpec.parse(SpecReader.instance().readTree(file), "sweep");
        return Sweep.recorded(spec);
    }

    /** Writes {@code sweep.csv} and {@code sweep.json} for the sweep recorded in {@code dir}. */
    public static Report merge(Path dir) {
        Sweep sweep = recorded(dir);
        List<String> axes = sweep.axisPaths();
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("run");
        header.addAll(axes);
        header.addAll(COLUMNS);
        appendRow(csv, header);

        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode runList = f.arrayNode();
        int done = 0;
        List<String> failed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Sweep.Job run : sweep.runs()) {
            Path runDir = dir.resolve(run.name());
            RunDirs.State state = RunDirs.state(runDir);
            RunSummary summary = state == RunDirs.State.DONE ? RunDirs.summary(runDir) : null;
            String status = state == RunDirs.State.DONE ? "done" : state == RunDirs.State.FAILED ? "failed" : "missing";
            long seed = summary != null ? summary.seed() : run.seed();

            ObjectNode entry = runList.addObject();
            entry.put("index", run.index());
            entry.put("name", run.name());
            entry.put("seed", seed);
            ObjectNode axisValues = entry.putObject("axes");
            run.axisValues().forEach((k, v) -> axisValues.set(k, v.deepCopy()));
            entry.put("status", status);

            List<String> prefix = new ArrayList<>();
            prefix.add(run.name());
            prefix.addAll(run.axisText().values());
            prefix.add(Long.toString(seed));
            prefix.add(status);
            if (summary == null) {
                if (state == RunDirs.State.FAILED) {
                    failed.add(run.name());
                    entry.put("reason", RunDirs.error(runDir));
                } else {
                    missing.add(run.name());
                    entry.put("reason", state != RunDirs.State.INCOMPLETE ? "not run yet"
                            : Files.exists(runDir.resolve(RunDirectory.SUMMARY)) ? "damaged: " + RunDirs.problem(runDir)
                            : "interrupted (no " + RunDirectory.SUMMARY + ")");
                }
                List<String> row = new ArrayList<>(prefix);
                for (int i = 2; i < COLUMNS.size(); i++) {
                    row.add("");
                }
                appendRow(csv, row);
                continue;
            }
            done++;
            String divergence = divergence(summary);
            if (divergence != null) {
                entry.put("reason", divergence);
            }
            double wall = RunDirs.wallSeconds(runDir);
            String wallText = Double.isNaN(wall) ? "" : String.format(Locale.ROOT, "%.3f", wall);
            if (summary.checkpoints().isEmpty()) {
                List<String> row = new ArrayList<>(prefix);
                for (int i = 2; i < COLUMNS.size() - 1; i++) {
                    row.add("");
                }
                row.add(wallText);
                appendRow(csv, row);
            }
            for (RunSummary.CheckpointResult c : summary.checkpoints()) {
                List<String> row = new ArrayList<>(prefix);
                for (Object value : new Object[] {c.budget(), c.line(), c.step(), c.compute(), c.loss(), c.riverLoss(),
                        c.hillExcess(), c.riverCoord(), c.diverged()}) {
                    row.add(value == null ? "" : value.toString());
                }
                row.add(wallText);
                appendRow(csv, row);
            }
        }
        ObjectNode json = f.objectNode();
        json.put("name", sweep.spec().name());
        json.put("runs", sweep.runs().size());
        json.put("done", done);
        json.put("failed", failed.size());
        json.put("missing", missing.size());
        ArrayNode axisList = json.putArray("axes");
        for (SweepSpec.Axis axis : sweep.spec().axes()) {
            ObjectNode a = axisList.addObject();
            a.put("path", axis.path());
            a.put("kind", axis.kind().name().toLowerCase(Locale.ROOT));
            ArrayNode values = a.putArray("values");
            axis.values().forEach(v -> values.add(v.deepCopy()));
        }
        json.set("run_list", runList);
        AtomicFile.writeString(dir.resolve(RunDirectory.SWEEP_CSV), csv.toString());
        try {
            AtomicFile.writeString(dir.resolve(RunDirectory.SWEEP_JSON),
                    RunDirs.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write sweep.json", e);
        }
        return new Report(sweep.runs().size(), done, failed, missing);
    }

    /** "3 of 8 replicas diverged on line main (first at step 120)", or null when nothing diverged. */
    private static String divergence(RunSummary summary) {
        int worst = 0;
        String line = null;
        long first = Long.MAX_VALUE;
        for (RunSummary.LineResult l : summary.lines()) {
            if (l.diverged() > worst) {
                worst = l.diverged();
                line = l.name();
            }
            if (l.firstDivergenceStep() != null) {
                first = Math.min(first, l.firstDivergenceStep());
            }
        }
        if (worst == 0) {
            return null;
        }
        return "diverged: " + worst + " of " + summary.replicas() + " replicas on line " + line
                + (first == Long.MAX_VALUE ? "" : " (first at step " + first + ")");
    }

    static void appendRow(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(Csv.field(cells.get(i)));
        }
        csv.append('\n');
    }
}
