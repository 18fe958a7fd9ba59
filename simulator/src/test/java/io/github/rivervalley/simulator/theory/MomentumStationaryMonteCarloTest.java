package io.github.rivervalley.simulator.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import io.github.rivervalley.simulator.spec.RecordSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stationary hill excess of heavy-ball and Nesterov momentum (closed forms derived in docs/theory.md)
 * against the Monte Carlo simulator: one step's replica mean within 4 standard errors. Two equal hills give
 * a per-replica excess of relative SD 1, so 16384 replicas give a relative SE of 0.8%; the closed forms
 * differ from SGD's by a factor of 3 to 9 here, so the test separates them sharply.
 */
class MomentumStationaryMonteCarloTest {

    @ParameterizedTest
    @CsvSource({"0.5, false", "0.8, false", "0.5, true", "0.8, true"})
    void stationaryExcessMatchesSimulation(double mu, boolean nesterov) {
        double lambda = 4.0;
        double sigma = 0.5;
        double s = sigma * sigma;
        double eta = 0.05;
        double el = eta * lambda;
        // 600 steps: the slowest decay of the moments, |eigenvalue|^2 <= mu here, is below 1e-50 by then.
        long steps = 600;
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.2), new double[] {lambda, lambda});
        Run run = Run.of("momentum", valley, Schedules.constant(eta, 0, WarmupShape.LINEAR, steps))
                .withOptimizer(new Momentum(mu, nesterov)).withNoise(Noises.hill(sigma)).withReplicas(16_384).withSeed(7)
                .withRecord(RecordSpec.every(steps));
        Trace trace = Simulation.trace(run, 2);
        double perHill = nesterov
                ? eta * s * (1 + mu + el * mu * (1 + 2 * mu)) / (2 * (1 - mu + el * mu) * (2 * (1 + mu) - el * (1 + 2 * mu)))
                : (1 + mu) * eta * s / (2 * (1 - mu) * (2 * (1 + mu) - el));
        double exact = 2 * perHill;
        double mean = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS);
        double se = trace.value(Line.MAIN, steps, TraceColumns.HILL_EXCESS_SE);
        double sgd = 2 * eta * s / (2 * (2 - el));
        assertTrue(Math.abs(mean - exact) <= 4 * se, (nesterov ? "nesterov" : "heavy ball") + " mu " + mu + ": simulated "
                + mean + ", closed form " + exact + " (SGD's form: " + sgd + "), SE " + se + ", z " + (mean - exact) / se);
    }
}
