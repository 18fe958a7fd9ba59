package io.github.rivervalley.bigram.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.model.TabularModel;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.noise.SparseRows;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * The simulator's sparse SGD loop (taken when the oracle lists its touched rows) against its general loop
 * (the same oracle behind a wrapper that hides the rows): the traces must be identical, character for
 * character, including a run that diverges.
 */
class SparseEngineTest {

    private static Run run(String peak) {
        return run(peak, "float64");
    }

    private static Run run(String peak, String precision) {
        return Simulation.prepare(SpecReader.instance().read(yaml(peak, precision, "{type: minibatch, batchSize: 8}"), "sparse.yaml", RunSpec.class));
    }

    private static String yaml(String peak, String precision, String noise) {
        return """
                name: sparse
                seed: 5
                steps: 1200
                replicas: 3
                landscape:
                  type: bigram
                  data: {type: synthetic, vocabulary: 24, frequencies: zipf, seed: 2,
                         groups: [{share: 0.5, kind: deterministic}, {share: 0.5, kind: uniform, successors: 3}]}
                  model: {type: tabular, precision: %s}
                optimizer: {type: sgd}
                noise: %s
                schedule: {type: wsd, peak: %s, warmup: 50, budgets: [600, 1200]}
                record: {every: 25}
                """.formatted(precision, noise, peak);
    }

    private static Run dense(Run run) {
        TabularModel model = (TabularModel) run.landscape();
        return run.withNoise(landscape -> {
            GradientOracle sparse = model.newMinibatchOracle(8); // in the run's precision
            assertTrue(sparse instanceof SparseRows);
            return (x, out, random) -> sparse.gradient(x, out, random);
        });
    }

    /**
     * The sparse loop's trace on {@code threads} threads, asserted equal to the general loop's on as many and
     * to the reference loop's on {@code referenceThreads}.
     */
    private static Trace sparseTraceEqualToTheOtherLoops(Run run, int threads, int referenceThreads) {
        Trace sparse = Simulation.trace(run, threads);
        assertEquals(Simulation.trace(dense(run), threads).toCsv(), sparse.toCsv(), "the general loop");
        assertEquals(Simulation.referenceTrace(run, referenceThreads).toCsv(), sparse.toCsv(), "the engine's reference loop (no fast paths)");
        return sparse;
    }

    @Test
    void sparseLoopEqualsTheGeneralLoop() {
        Trace sparse = sparseTraceEqualToTheOtherLoops(run("6"), 2, 1);
        for (RunSummary.LineResult line : sparse.summary().lines()) {
            assertEquals(0, line.diverged());
        }
    }

    /**
     * precision float32: the fused float32 step equals the general loop's float32 gradient and float64 step,
     * and the trace is the same bytes on 1 and 2 threads; it differs from the float64 trace (the path ran).
     */
    @Test
    void float32TraceIsTheSameOnAnyThreadCount() {
        Run run = run("6", "float32");
        Trace two = sparseTraceEqualToTheOtherLoops(run, 2, 1);
        assertEquals(Simulation.trace(run, 1).toCsv(), two.toCsv(), "1 thread against 2");
        assertNotEquals(Simulation.trace(run("6"), 2).toCsv(), two.toCsv(), "float32 against float64");
    }

    /** float32 only changes the minibatch oracle: with another noise type it would do nothing, so it is refused. */
    @Test
    void float32WithoutMinibatchNoiseIsRefused() {
        RunSpec spec = SpecReader.instance().read(yaml("6", "float32", "{type: isotropic, sigma: 0.1}"), "sparse.yaml", RunSpec.class);
        SpecException e = assertThrows(SpecException.class, () -> Simulation.prepare(spec));
        assertEquals("landscape.model.precision", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("isotropic") && e.getMessage().contains("minibatch"), e.getMessage());
        Simulation.prepare(SpecReader.instance().read(yaml("6", "float64", "{type: isotropic, sigma: 0.1}"), "sparse.yaml", RunSpec.class));
    }

    @Test
    void divergenceIsDetectedAtTheSameStep() {
        Trace sparse = sparseTraceEqualToTheOtherLoops(run("1e306"), 1, 2);
        assertFalse(sparse.summary().lines().stream().allMatch(l -> l.diverged() == 0), sparse.summary().toString());
    }
}
