package io.github.rivervalley.bigram.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.model.TabularModel;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.noise.SparseRows;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.Trace;
import org.junit.jupiter.api.Test;

/**
 * The simulator's sparse SGD loop (taken when the oracle lists its touched rows) against its general loop
 * (the same oracle behind a wrapper that hides the rows): the traces must be identical, character for
 * character, including a run that diverges.
 */
class SparseEngineTest {

    private static Run run(String peak) {
        String yaml = """
                name: sparse
                seed: 5
                steps: 1200
                replicas: 3
                landscape:
                  type: bigram
                  data: {type: synthetic, vocabulary: 24, frequencies: zipf, seed: 2,
                         groups: [{share: 0.5, kind: deterministic}, {share: 0.5, kind: uniform, successors: 3}]}
                  model: {type: tabular}
                optimizer: {type: sgd}
                noise: {type: minibatch, batchSize: 8}
                schedule: {type: wsd, peak: %s, warmup: 50, budgets: [600, 1200]}
                record: {every: 25}
                """.formatted(peak);
        SpecReader reader = SpecReader.instance();
        return Simulation.prepare(reader.bind(reader.readTree(yaml, "sparse.yaml"), RunSpec.class));
    }

    private static Run dense(Run run) {
        TabularModel model = (TabularModel) run.landscape();
        return run.withNoise(landscape -> {
            GradientOracle sparse = model.newMinibatchOracle(8);
            assertTrue(sparse instanceof SparseRows);
            return (x, out, random) -> sparse.gradient(x, out, random);
        });
    }

    @Test
    void sparseLoopEqualsTheGeneralLoop() {
        Run run = run("6");
        Trace sparse = Simulation.trace(run, 2);
        Trace general = Simulation.trace(dense(run), 2);
        assertEquals(general.toCsv(), sparse.toCsv());
        assertEquals(Simulation.referenceTrace(run, 1).toCsv(), sparse.toCsv(), "the engine's reference loop (no fast paths)");
        for (RunSummary.LineResult line : sparse.summary().lines()) {
            assertEquals(0, line.diverged());
        }
    }

    @Test
    void divergenceIsDetectedAtTheSameStep() {
        Run run = run("1e306");
        Trace sparse = Simulation.trace(run, 1);
        Trace general = Simulation.trace(dense(run), 1);
        assertEquals(general.toCsv(), sparse.toCsv());
        assertEquals(Simulation.referenceTrace(run, 2).toCsv(), sparse.toCsv(), "the engine's reference loop (no fast paths)");
        assertFalse(sparse.summary().lines().stream().allMatch(l -> l.diverged() == 0), sparse.summary().toString());
    }
}
