package io.github.rivervalley.bigram.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import org.junit.jupiter.api.Test;

/**
 * The stable phase through the simulator ({@code sgd} + {@code minibatch} noise + constant schedule): the
 * uncertain groups' excess is proportional to eta / B, while the deterministic group's loss keeps falling.
 * Same setting and error budget as {@code SgdPhysicsTest}: the time average over the second half of 40000
 * steps (400 rows) has a relative standard error of a few percent against the 25% allowed.
 */
class StableMinibatchTest {

    private static Trace run(double eta, int batch) {
        String yaml = """
                name: stable
                seed: 3
                steps: 40000
                landscape:
                  type: bigram
                  data:
                    type: synthetic
                    vocabulary: 64
                    seed: 1
                    groups:
                      - {share: 0.5, kind: deterministic}
                      - {share: 0.125, kind: uniform, successors: 2}
                      - {share: 0.125, kind: uniform, successors: 4}
                      - {share: 0.125, kind: uniform, successors: 8}
                      - {share: 0.125, kind: uniform, successors: 16}
                  model: {type: tabular}
                optimizer: {type: sgd}
                noise: {type: minibatch, batchSize: %d}
                schedule: {type: constant, peak: %s}
                record: {every: 50}
                """.formatted(batch, Double.toString(eta));
        SpecReader reader = SpecReader.instance();
        return Simulation.trace(reader.read(yaml, "stable.yaml", RunSpec.class), 2);
    }

    private static double meanSecondHalf(Trace trace, String column) {
        int index = trace.layout().indexOf(column);
        double sum = 0.0;
        int n = 0;
        for (TraceRow row : trace.rows()) {
            if (row.step() > 20000) {
                sum += row.get(index);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void hillExcessScalesWithEtaOverBatchAndTheRiverKeepsFalling() {
        Trace base = run(8, 32);
        double hill = meanSecondHalf(base, "hill_excess");
        assertEquals(2.0, meanSecondHalf(run(16, 32), "hill_excess") / hill, 0.5);
        assertEquals(2.0, meanSecondHalf(run(8, 16), "hill_excess") / hill, 0.5);
        double mid = base.value("main", 20000, "excess_det");
        double end = base.value("main", 40000, "excess_det");
        assertTrue(end < 0.7 * mid, "deterministic excess " + mid + " -> " + end);
        assertTrue(base.value("main", 40000, "loss_det") < base.value("main", 20000, "loss_det"));
    }
}
