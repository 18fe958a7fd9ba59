package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error messages say what is wrong in the user's terms (issue 17, item 10): the field's full path, the file
 * and line, never internal exception text such as "For input string" or "Character I is neither a decimal digit".
 */
class ErrorMessagesTest {

    private static final String RUN = """
            name: msg
            steps: 20
            landscape: {type: straight-valley, dimension: 3, hillCurvature: 3.0}
            optimizer: {type: sgd}
            noise: {type: isotropic, sigma: 0.1}
            schedule: {type: constant, peak: 0.1}
            """;

    /** Internal texts that must never reach the user. */
    private static final List<String> INTERNAL = List.of("For input string", "neither a decimal digit", "maximal count",
            "Input length", "Exception", "landscape.landscape", "model.model");

    @TempDir
    Path tmp;

    private String badInput(String... args) {
        CliRun run = CliRun.execute(args);
        assertEquals(Main.BAD_INPUT, run.exit(), run.err());
        for (String internal : INTERNAL) {
            assertFalse(run.err().contains(internal), "'" + internal + "' in: " + run.err());
        }
        return run.err();
    }

    private String run(String yaml) throws IOException {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), yaml);
        return badInput("run", spec.toString(), "--out", tmp.resolve("out").toString());
    }

    private String sweep(String axes) throws IOException {
        Path spec = Files.writeString(tmp.resolve("sweep.yaml"), "base:\n" + RUN.indent(2) + axes);
        return badInput("sweep", spec.toString(), "--out", tmp.resolve("s").toString(), "--list");
    }

    @Test
    void sweepAxesWithHugeValuesOrIndicesAreNamed() throws IOException {
        String huge = sweep("grid:\n  schedule.peak: [1e999]\n");
        assertTrue(huge.contains("schedule.peak"), huge);
        String index = sweep("grid:\n  start[2147483648]: [1.0]\n");
        assertTrue(index.contains("list index 2147483648"), index);
    }

    @Test
    void aCurvedValleyTooSteepToMeasureIsRefusedNamingTheAmplitude() throws IOException {
        String err = run(RUN.replace("{type: straight-valley, dimension: 3, hillCurvature: 3.0}",
                "{type: curved-valley, hillCurvature: 3.0, amplitude: 1e300, wavenumber: 1}"));
        assertTrue(err.startsWith("error: landscape.amplitude: 1.0E300 is not allowed"), err);
    }

    @Test
    void fieldPathsAreWhole() throws IOException {
        String threshold = run(RUN + "record: {divergenceThreshold: -1}\n");
        assertTrue(threshold.startsWith("error: record.divergenceThreshold: "), threshold);
        String bigram = run(RUN.replace("{type: straight-valley, dimension: 3, hillCurvature: 3.0}",
                "{type: bigram, data: {type: synthetic, vocabulary: 64, groups: [{share: 1, kind: uniform, successors: 4}]},"
                + " model: {type: factored, embedding: 1073741824}}").replace("{type: isotropic, sigma: 0.1}", "{type: minibatch, batchSize: 4}"));
        assertTrue(bigram.startsWith("error: landscape.model.embedding: "), bigram);
    }

    @Test
    void aSpecThatIsNotUtf8IsNamedAsSuch() throws IOException {
        Path spec = tmp.resolve("latin1.yaml");
        Files.write(spec, (RUN + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        String err = badInput("run", spec.toString(), "--out", tmp.resolve("out").toString());
        assertTrue(err.contains(spec + " is not UTF-8 text"), err);
    }

    @Test
    void aNonNumericTraceCellNamesTheFileLineAndColumn() throws IOException {
        Path wsd = SyntheticRuns.wsd(tmp.resolve("runs"), "wsd", new long[] {200, 400}, 0.15, 20, 0.2, 0.1);
        Path trace = wsd.resolve("trace.csv");
        List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        String[] cells = lines.get(5).split(",", -1);
        cells[header.indexOf("loss")] = "abc";
        lines.set(5, String.join(",", cells));
        Files.write(trace, lines, StandardCharsets.UTF_8);
        String err = badInput("report", tmp.resolve("runs").toString());
        assertTrue(err.contains(trace + " line 6 column loss: 'abc' is not a number"), err);
    }
}
