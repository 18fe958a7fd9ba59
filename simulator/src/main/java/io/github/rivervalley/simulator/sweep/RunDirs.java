package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rivervalley.simulator.io.StagedDirectory;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunFiles;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.SummaryFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a sweep keeps per run, and what they say about the run's state. A run directory is
 * {@code DIR/<run name>/}; the engine writes {@code summary.json} last, so its presence means the run
 * is complete. A failed run's directory holds only {@code error.txt}. {@code timing.json} (wall time)
 * is kept apart from the run's own files so those stay a pure function of the spec.
 */
final class RunDirs {


    static final ObjectMapper JSON = new ObjectMapper();

    /** What a run directory holds. */
    enum State {
        /** {@code summary.json} is there and the run's files are complete ({@link RunFiles}). */
        DONE,
        /** {@code error.txt} is there: the run failed and its reason is recorded. */
        FAILED,
        /** A directory without either, or with damaged files: an interrupted run, to be removed and redone. */
        INCOMPLETE,
        /** No directory yet. */
        ABSENT
    }

    private RunDirs() {
    }

    static State state(Path runDir) {
        if (summary(runDir) != null && problem(runDir) == null) {
            return State.DONE;
        }
        if (Files.isRegularFile(runDir.resolve(RunDirectory.ERROR))) {
            return State.FAILED;
        }
        return Files.exists(runDir) ? State.INCOMPLETE : State.ABSENT;
    }

    /**
     * Why a run directory holding {@code summary.json} is not a complete run (its trace missing or truncated,
     * the summary empty, ...), or null when it is; such a run is redone by a resume.
     */
    static String problem(Path runDir) {
        return RunFiles.problem(runDir, List.of());
    }

    /** The run's {@code summary.json}, or null when it is absent or not a complete run summary. */
    static RunSummary summary(Path runDir) {
        try {
            return SummaryFile.readRun(runDir);
        } catch (SummaryFile.InvalidSummaryException | UncheckedIOException e) {
            return null;
        }
    }

    /** The recorded failure reason, or null. */
    static String error(Path runDir) {
        try {
            return Files.readString(runDir.resolve(RunDirectory.ERROR), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** The recorded wall time in seconds, or NaN. */
    static double wallSeconds(Path runDir) {
        try {
            JsonNode node = JSON.readTree(Files.readString(runDir.resolve(RunDirectory.TIMING), StandardCharsets.UTF_8));
            JsonNode seconds = node == null ? null : node.get("wall_seconds");
            return seconds != null && seconds.isNumber() ? seconds.asDouble() : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Deletes a directory and everything in it (nothing when it does not exist). */
    static void deleteTree(Path dir) {
        try {
            StagedDirectory.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
