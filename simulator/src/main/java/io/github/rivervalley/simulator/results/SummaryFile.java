package io.github.rivervalley.simulator.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code summary.json}, typed once: {@link #json} writes a {@link RunSummary} and {@link #read} reads one
 * back, for every reader (resume and merge of sweeps, {@link RunFiles}, reports). Reading checks the
 * structure a complete run leaves (a name, the checkpoints, at least one line, each with its name and end
 * step) before binding, so a truncated or foreign file is refused naming what it lacks; keys it does not
 * know (from a newer version) are ignored.
 */
public final class SummaryFile {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT);

    private SummaryFile() {
    }

    /** A {@code summary.json} that is missing or not a complete run summary; the message names the file. */
    public static final class InvalidSummaryException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidSummaryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The text of {@code summary.json} for {@code summary} (indented, ending with a newline). */
    public static String json(RunSummary summary) {
        try {
            return WRITER.writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code summary.json} from the run directory {@code runDir}. */
    public static RunSummary readRun(Path runDir) {
        return read(runDir.resolve(RunDirectory.SUMMARY));
    }

    /**
     * Reads and checks a {@code summary.json}.
     *
     * @throws InvalidSummaryException when it is missing, not JSON or not a complete run summary
     * @throws UncheckedIOException when it cannot be read
     */
    public static RunSummary read(Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InvalidSummaryException(file + " is missing", e);
        } catch (JacksonException e) {
            throw new InvalidSummaryException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String problem = problem(tree);
        if (problem != null) {
            throw new InvalidSummaryException(file + " is not a complete run summary: " + problem, null);
        }
        try {
            return JSON.treeToValue(tree, RunSummary.class);
        } catch (JacksonException e) {
            throw new InvalidSummaryException(file + " is not a valid run summary: " + e.getOriginalMessage(), e);
        }
    }

    private static String problem(JsonNode summary) {
        if (summary == null || !summary.isObject()) {
            return "expected a JSON object";
        }
        if (!summary.path("name").isTextual()) {
            return "it lacks the run's name";
        }
        if (!summary.path("checkpoints").isArray()) {
            return "it lacks the checkpoints";
        }
        JsonNode lines = summary.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            return "it lacks the lines";
        }
        for (JsonNode line : lines) {
            if (!line.path("name").isTextual() || !line.path("end_step").canConvertToLong()) {
                return "a line lacks its name or end_step";
            }
        }
        return null;
    }
}
