package io.github.rivervalley.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code noise: {type: hill, sigma: [s_1, ..., s_n]}}: hill i gets its own noise, so at a constant rate it
 * settles at its own stationary excess {@code eta s_i^2 / (2 (2 - eta lambda_i))} (the AR(1) closed form).
 * Each direction is measured alone (noise on that hill only), then all of them together, on a straight
 * valley and on the same valley rotated (whose decomposition is the straight one's in the valley frame).
 */
class PerHillNoiseTest {

    private static final double[] LAMBDA = {10, 4, 1};
    private static final double[] SIGMA = {1, 2, 3};
    private static final double ETA = 0.1;
    /** Rows 30 steps apart: h^2 decorrelates like (1 - eta lambda)^(2k), at most 0.9^60 = 0.002 here. */
    private static final int EVERY = 30;
    /** The excess starts at 0 (start on the river) and relaxes in 1/(2 eta lambda) <= 5 steps; 200 is ample. */
    private static final int BURN_IN = 200;

    private static String spec(String landscape, String sigma) {
        return """
                name: per-hill
                seed: 4
                steps: 6000
                replicas: 128
                landscape: %s
                start: [0, 0, 0, 0]
                optimizer: {type: sgd}
                noise: {type: hill, sigma: %s}
                schedule: {type: constant, peak: %s}
                record: {every: %d}
                """.formatted(landscape, sigma, ETA, EVERY);
    }

    private static final String STRAIGHT = "{type: straight-valley, hillCurvature: [10, 4, 1]}";
    private static final String ROTATED = "{type: rotated-valley, seed: 3, valley: {hillCurvature: [10, 4, 1]}}";

    private static Trace run(String yaml) {
        SpecReader reader = SpecReader.instance();
        return Simulation.trace(reader.read(yaml, "per-hill.yaml", RunSpec.class), 2);
    }

    /** Time average of hill_excess after the burn-in, and its standard error (rows independent). */
    private static double[] stationaryExcess(Trace trace) {
        int excess = trace.layout().indexOf("hill_excess");
        int se = trace.layout().indexOf("hill_excess_se");
        double sum = 0;
        double var = 0;
        int n = 0;
        for (TraceRow row : trace.rows()) {
            if (row.step() >= BURN_IN) {
                sum += row.get(excess);
                var += row.get(se) * row.get(se);
                n++;
            }
        }
        return new double[] {sum / n, Math.sqrt(var) / n};
    }

    private static double closedForm(int hill) {
        return ETA * SIGMA[hill] * SIGMA[hill] / (2 * (2 - ETA * LAMBDA[hill]));
    }

    @ParameterizedTest
    @ValueSource(strings = {STRAIGHT, ROTATED})
    void eachHillSettlesAtItsOwnStationaryExcess(String landscape) {
        double total = 0;
        for (int hill = 0; hill < LAMBDA.length; hill++) {
            double[] sigma = new double[LAMBDA.length];
            sigma[hill] = SIGMA[hill];
            double[] measured = stationaryExcess(run(spec(landscape, java.util.Arrays.toString(sigma))));
            // 4 standard errors: a false alarm about once in 16,000 checks.
            assertEquals(closedForm(hill), measured[0], 4 * measured[1], "hill " + hill + " on " + landscape);
            total += closedForm(hill);
        }
        double[] all = stationaryExcess(run(spec(landscape, java.util.Arrays.toString(SIGMA))));
        assertEquals(total, all[0], 4 * all[1], "all hills on " + landscape);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "noise.sigma|" + STRAIGHT + "|[1, 2]|a list of 2 numbers",
        "noise.sigma[1]|" + STRAIGHT + "|[1, -2, 3]|-2",
        "noise.sigma|{type: curved-valley, hillCurvature: 10, extraHills: [4, 1]}|[1, 2, 3]|straight-valley or rotated-valley",
        "noise.sigma|" + ROTATED + "|[]|[]",
    })
    void badListsNameTheField(String field, String landscape, String sigma, String mentioned) {
        SpecException e = assertThrows(SpecException.class, () -> Simulation.prepare(
                SpecReader.instance().read(spec(landscape, sigma), "bad.yaml", RunSpec.class)));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aSingleNumberStaysANumberInTheResolvedSpec() {
        SpecReader reader = SpecReader.instance();
        RunSpec one = reader.read(spec(STRAIGHT, "[0.5]"), "one.yaml", RunSpec.class);
        String written = reader.toTree(one.resolved()).get("noise").toString();
        assertTrue(written.contains("\"sigma\":0.5"), written);
        RunSpec list = reader.read(spec(STRAIGHT, "[1, 2, 3]"), "list.yaml", RunSpec.class);
        assertFalse(reader.toTree(list.resolved()).get("noise").get("sigma").isNumber());
    }
}
