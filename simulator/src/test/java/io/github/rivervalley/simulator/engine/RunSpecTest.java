package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rivervalley.simulator.results.CsvTraceWriter;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Run specs: binding, defaults, validation before anything is written, and the files a run leaves. */
class RunSpecTest {

    private static final String BASE = """
            name: test-run
            seed: 7
            steps: 50
            replicas: 3
            landscape: {type: straight-valley, hillCurvature: [2.0, 8.0], river: {type: linear, slope: 1.0}}
            start: [0.0, 1.0, -1.0]
            optimizer: {type: sgd}
            noise: {type: isotropic, sigma: 0.1}
            schedule: {type: constant, peak: 0.1}
            record: {every: 10}
            """;

    private static RunSpec read(String yaml) {
        return SpecReader.instance().read(yaml, "test spec", RunSpec.class);
    }

    @Test
    void runWritesTraceSummaryAndResolvedSpec(@TempDir Path dir) throws IOException {
        RunSpec spec = read(BASE);
        RunSummary summary = Simulation.run(spec, dir, 2);
        Path out = dir.resolve("test-run");
        List<String> trace = Files.readAllLines(out.resolve(RunDirectory.TRACE));
        assertTrue(trace.get(0).startsWith(String.join(",", TraceColumns.REQUIRED) + ",hill_disp,crossings,amplitude,diverged,loss_se,hill_excess_se,river_loss_se"),
                trace.get(0));
        assertEquals(1 + 6, trace.size(), "rows at steps 0, 10, ..., 50");
        JsonNode json = new ObjectMapper().readTree(out.resolve(RunDirectory.SUMMARY).toFile());
        assertEquals("test-run", json.get("name").asText());
        assertEquals(3, json.get("replicas").asInt());
        assertEquals(1, json.get("checkpoints").size());
        assertEquals(50, json.get("checkpoints").get(0).get("step").asLong());
        assertEquals(summary.lines().get(0).loss(), json.get("lines").get(0).get("loss").asDouble());
        // The resolved spec has every default written out and reads back to the same run.
        RunSpec resolved = SpecReader.instance().read(out.resolve(RunDirectory.SPEC), RunSpec.class);
        assertEquals(SpecReader.instance().toTree(spec.resolved()), SpecReader.instance().toTree(resolved));
        String yaml = Files.readString(out.resolve(RunDirectory.SPEC));
        assertTrue(yaml.contains("divergenceThreshold"), yaml);
        assertFalse(Files.list(out).anyMatch(p -> p.toString().endsWith(".tmp")));
        // The same spec run in memory, written by the same writer, gives the same bytes as the file.
        Trace memory = Simulation.trace(spec, 1);
        java.io.StringWriter text = new java.io.StringWriter();
        io.github.rivervalley.simulator.results.CsvTraceWriter writer =
                new io.github.rivervalley.simulator.results.CsvTraceWriter(text, Simulation.prepare(spec).schedule());
        writer.init(memory.layout());
        memory.rows().forEach(writer::handleStep);
        assertEquals(String.join("\n", trace) + "\n", text.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "replicas|replicas: 3|replicas: 0",
        "steps|steps: 50|steps: -5",
        "start|start: [0.0, 1.0, -1.0]|start: [0.0, 1.0]",
        "optimizer.type|optimizer: {type: sgd}|optimizer: {type: sgdd}",
        "optimizer.type|optimizer: {type: sgd}|optimizer: {type: gd}",
        "optimizer.momentum|optimizer: {type: sgd}|optimizer: {type: momentum, momentum: 1.5}",
        "optimizer.beta2|optimizer: {type: sgd}|optimizer: {type: adam, beta2: 1.0}",
        "noise.sigma|noise: {type: isotropic, sigma: 0.1}|noise: {type: isotropic, sigma: -1}",
        "noise.batchSize|noise: {type: isotropic, sigma: 0.1}|noise: {type: curvature, batchSize: 0}",
        "record.every|record: {every: 10}|record: {every: 0}",
        "record.evry|record: {every: 10}|record: {evry: 10}",
        "optimizer.lr|optimizer: {type: sgd}|optimizer: {type: sgd, lr: 0.1}",
        "record.preconditionedSharpness|record: {every: 10}|record: {every: 10, sharpnessEvery: 10, preconditionedSharpness: true}",
        "record.preconditionedSharpness|record: {every: 10}|record: {every: 10, preconditionedSharpness: true}",
        "noise.type|noise: {type: isotropic, sigma: 0.1}|noise: {type: gaussian, sigma: 0.1}",
        "name|name: test-run|name: 'a/b'",
        "landscape.hillCurvature[1]|hillCurvature: [2.0, 8.0]|hillCurvature: [2.0, -8.0]",
    })
    void invalidSpecsNameTheField(String field, String good, String bad, @TempDir Path dir) {
        assertTrue(BASE.contains(good), good);
        SpecException e = assertThrows(SpecException.class, () -> Simulation.run(read(BASE.replace(good, bad)), dir, 1));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("test-run")), "nothing written for an invalid spec");
    }
}
