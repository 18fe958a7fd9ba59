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
 * The uncertain tokens' plateau under constant-rate minibatch SGD against its closed form.
 *
 * <p>Token i's row has Hessian {@code H_i = pi_i (diag q_i - q_i q_i^T)} at its optimum, and a batch of B
 * pairs gives that row a gradient noise of covariance {@code H_i / B} there (the token is drawn with
 * probability pi_i, its successor y adds {@code q_i - e_y}, of covariance {@code diag q_i - q_i q_i^T}).
 * Along an eigenvector of eigenvalue lambda the row is an AR(1) process with noise variance
 * {@code s = lambda / B}, so its stationary excess is {@code eta s / (2 (2 - eta lambda))}; summed over
 * the directions: {@code sum_j eta lambda_j / (2 B (2 - eta lambda_j))}, about {@code eta Tr(H) / (4 B)}.
 * Here every hill token is uniform over all V tokens, so the rows start at their optimum (zero logits),
 * no logit runs off to minus infinity, and {@code H_i} has eigenvalue {@code pi_i / V} (V - 1 times).
 */
class HillPlateauTest {

    private static final int V = 8;
    private static final int HILL_TOKENS = 4;
    private static final int BATCH = 1024;
    /** eta lambda = 0.2 on every hill direction: far from the small-rate limit, so the (2 - eta lambda) term shows. */
    private static final double ETA = 0.2 * V * V;
    private static final int STEPS = 4000;
    private static final int EVERY = 20;

    @Test
    void stationaryHillExcessMatchesTheFisherNoiseClosedForm() {
        String yaml = """
                name: plateau
                seed: 11
                steps: %d
                replicas: 16
                landscape:
                  type: bigram
                  data: {type: synthetic, vocabulary: %d, seed: 1,
                         groups: [{share: 0.5, kind: deterministic}, {share: 0.5, kind: uniform, successors: %d}]}
                  model: {type: tabular}
                optimizer: {type: sgd}
                noise: {type: minibatch, batchSize: %d}
                schedule: {type: constant, peak: %s}
                record: {every: %d}
                """.formatted(STEPS, V, V, BATCH, Double.toString(ETA), EVERY);
        SpecReader reader = SpecReader.instance();
        Trace trace = Simulation.trace(reader.read(yaml, "plateau.yaml", RunSpec.class), 2);

        double pi = 1.0 / V;
        double lambda = pi / V;
        double etaLambda = ETA * lambda;
        double exact = HILL_TOKENS * (V - 1) * etaLambda / (2.0 * BATCH * (2 - etaLambda));
        double smallRate = ETA * HILL_TOKENS * pi * (1 - 1.0 / V) / (4.0 * BATCH);

        // Rows 20 steps apart are independent: the excess relaxes in 1/(2 eta lambda) = 2.5 steps. The
        // first 200 steps are skipped (they start at the optimum, so 80 relaxation times is ample).
        int excess = trace.layout().indexOf("hill_excess");
        int se = trace.layout().indexOf("hill_excess_se");
        double sum = 0;
        double var = 0;
        int n = 0;
        for (TraceRow row : trace.rows()) {
            if (row.step() >= 200) {
                sum += row.get(excess);
                var += row.get(se) * row.get(se);
                n++;
            }
        }
        double mean = sum / n;
        double standardError = Math.sqrt(var) / n;
        // 4 standard errors of the Monte Carlo, plus 2% for the softmax's departure from its quadratic
        // model at these deviations (logit deviations have variance eta / (B (2 - eta lambda)) = 0.007 here).
        assertEquals(exact, mean, 4 * standardError + 0.02 * exact,
                "measured " + mean + " +- " + standardError + ", eta Tr(H)/(4B) = " + smallRate);
        // The plateau is eta Tr(H) / (4B) in size, not eta / B: here Tr(H) / 4 = 4 (1/8)(7/8) / 4 = 0.11.
        assertTrue(mean < 0.2 * ETA / BATCH, "measured " + mean + ", eta / B = " + ETA / BATCH);
    }
}
