package io.github.rivervalley.simulator.schedulesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rivervalley.simulator.fit.Curve;
import io.github.rivervalley.simulator.fit.MultiPowerLaw;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fitted laws as schedule objectives: their final loss is the law's own prediction at the last step,
 * and their adjoint gradient is the central finite difference of that loss, component by component.
 */
class FittedObjectiveTest {

    private static final double PEAK = 3e-4;
    private static final int STEPS = 400;

    /** Two free hill modes (fast and slow) and a river with a time offset: every branch of the law. */
    private static final RiverValleyLaw RIVER_VALLEY = new RiverValleyLaw(PEAK, 5000, 2, false, true);
    private static final double[] RV_THETA = {2.6, 0.5, 0.45, 100, 0.09, 27, 0.05, 370};
    /** The published 100M parameters of the Multi-Power Law. */
    private static final double[] MPL_THETA = {2.651, 0.601, 0.453, 437.946, 2.132, 0.598, 0.655};

    private static double[] randomRates(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rates = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            rates[t] = PEAK * (0.3 + 0.7 * random.nextDouble());
        }
        return rates;
    }

    private static double lawFinal(io.github.rivervalley.simulator.fit.Law law, double[] theta, double[] rates) {
        double[] out = new double[1];
        law.predict(theta, Curve.ofSchedule("random", new long[] {rates.length}, rates), out, null);
        return out[0];
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void riverValleyLossIsTheLawsPredictionAndItsGradientTheFiniteDifference(long seed) {
        double[] rates = randomRates(seed);
        ScheduleObjective objective = new RiverValleyObjective(RIVER_VALLEY, RV_THETA);
        // The law sums the raw rates then divides by the reference rate; the objective sums the ratios: a few
        // ULPs of the 400-term area, amplified by at most alpha in the river's power, so 1e-13 relative.
        double law = lawFinal(RIVER_VALLEY, RV_THETA, rates);
        assertEquals(law, objective.loss(rates), 1e-13 * law);
        checkGradient(objective, rates);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void multiPowerLossIsTheLawsPredictionAndItsGradientTheFiniteDifference(long seed) {
        double[] rates = randomRates(seed);
        ScheduleObjective objective = new MultiPowerObjective(MPL_THETA);
        // Same operations in the same order as MultiPowerLaw.predict (a zero rate change adds exactly 0): same bits.
        assertEquals(lawFinal(new MultiPowerLaw(), MPL_THETA, rates), objective.loss(rates), 0.0);
        checkGradient(objective, rates);
    }

    /**
     * Central differences on rates of 9e-5 to 3e-4, Richardson-extrapolated from h = 2e-8 and 1e-8 so the
     * truncation error is O(h^4) (plain central differences at 3e-8 are off by 2e-6 relative on the MPL,
     * whose settling terms bend sharply); the hill's final excess is quadratic in each rate (no truncation at
     * all). Rounding: about eps |terms| / h ~ 1e-7 absolute against components up to ~100. So 1e-6 relative
     * (of the largest component, 1e-2 of it, for components near zero, where rounding dominates) holds.
     */
    private static void checkGradient(ScheduleObjective objective, double[] rates) {
        double[] gradient = new double[rates.length];
        double loss = objective.lossAndGradient(rates, gradient);
        assertEquals(objective.loss(rates), loss, 0.0, "the gradient pass returns the same loss");
        double scale = Arrays.stream(gradient).map(Math::abs).max().orElseThrow();
        for (int t = 0; t < rates.length; t++) {
            double fd = (4 * central(objective, rates, t, 1e-8) - central(objective, rates, t, 2e-8)) / 3;
            assertEquals(fd, gradient[t], 1e-6 * Math.max(Math.abs(fd), 1e-2 * scale), "step " + t);
        }
    }

    private static double central(ScheduleObjective objective, double[] rates, int t, double h) {
        double keep = rates[t];
        rates[t] = keep + h;
        double up = objective.loss(rates);
        rates[t] = keep - h;
        double down = objective.loss(rates);
        rates[t] = keep;
        return (up - down) / (2 * h);
    }

    /**
     * With no hill excess the law's loss falls with the learning-rate area alone, so the best schedule holds
     * the highest allowed rate to the end, and the free-form search finds exactly that.
     */
    @Test
    void withoutHillTheOptimumHoldsThePeak() {
        double[] theta = RV_THETA.clone();
        theta[4] = 1e-12;
        theta[6] = 1e-12;
        Bounds bounds = new Bounds(3000, PEAK, 300, 0.0, true);
        FreeFormSearch.Result result = new FreeFormSearch(new RiverValleyObjective(RIVER_VALLEY, theta), new KnotSchedule(bounds, 40))
                .search(500);
        for (int t = 300; t < 3000; t++) {
            assertEquals(PEAK, result.rates()[t], 0.0, "step " + t);
        }
    }
}
