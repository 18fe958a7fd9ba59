package io.github.rivervalley.bigram.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * The factored model's float32 minibatch gradient inside the engine: a run is a function of spec and seed,
 * the same trace on one and two threads (each worker has its own float32 scratch), including a run that
 * diverges; and float32 is really in use (its trace differs from float64's).
 */
class FactoredFloat32EngineTest {

    private static Run run(String peak, String precision) {
        String yaml = """
                name: factored32
                seed: 9
                steps: 300
                replicas: 3
                landscape:
                  type: bigram
                  data: {type: synthetic, vocabulary: 24, frequencies: zipf, seed: 2,
                         groups: [{share: 0.5, kind: deterministic}, {share: 0.5, kind: uniform, successors: 3}]}
                  model: {type: factored, embedding: 5, seed: 1, precision: %s}
                optimizer: {type: sgd}
                noise: {type: minibatch, batchSize: 7}
                schedule: {type: constant, peak: %s}
                record: {every: 20}
                """.formatted(precision, peak);
        return Simulation.prepare(SpecReader.instance().read(yaml, "factored32.yaml", RunSpec.class));
    }

    @Test
    void float32TraceIsTheSameOnAnyThreadCount() {
        Trace one = Simulation.trace(run("0.5", "float32"), 1);
        assertEquals(one.toCsv(), Simulation.trace(run("0.5", "float32"), 2).toCsv(), "1 against 2 threads");
        assertNotEquals(Simulation.trace(run("0.5", "float64"), 1).toCsv(), one.toCsv(), "float32 against float64");
    }

    @Test
    void divergenceIsTheSameOnAnyThreadCount() {
        Trace one = Simulation.trace(run("1e306", "float32"), 1);
        assertFalse(one.summary().lines().stream().allMatch(l -> l.diverged() == 0), one.summary().toString());
        assertEquals(one.toCsv(), Simulation.trace(run("1e306", "float32"), 2).toCsv());
    }
}
