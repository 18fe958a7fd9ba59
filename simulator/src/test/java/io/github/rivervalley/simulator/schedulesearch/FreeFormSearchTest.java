package io.github.rivervalley.simulator.schedulesearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.theory.ModeSystem;
import io.github.rivervalley.simulator.theory.MomentAdjoint;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeFormSearchTest {

    private static FreeFormSearch.Result search(StraightValley valley, Optimizer optimizer, NoiseModel noise, double[] start,
            Bounds bounds, int segments, int iterations) {
        MomentAdjoint adjoint = new MomentAdjoint(ModeSystem.of(valley, noise, start), optimizer);
        return new FreeFormSearch(adjoint, new KnotSchedule(bounds, segments)).search(iterations);
    }

    /** No noise and a start on the floor: the loss is the river's, {@code -slope * sum(eta)}, so the peak to the end is optimal. */
    @Test
    void withoutNoiseFromTheFloorTheOptimumHoldsThePeak() {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(1.0), new double[] {10.0, 2.0});
        Bounds bounds = new Bounds(1000, 0.1, 50, 0.0, false);
        FreeFormSearch.Result result = search(valley, Optimizers.gd(), Noises.none(), new double[3], bounds, 40, 500);
        for (int t = 50; t < 1000; t++) {
            assertEquals(0.1, result.rates()[t], 0.0, "step " + t);
        }
    }

    /**
     * Hill noise, a flat river and a start up the walls: high rates first close the distance to the floor,
     * low rates at the end shrink the noise floor (stationary excess proportional to the rate), so the optimum
     * starts at the peak and decays towards zero; and it beats holding the peak.
     */
    @Test
    void withNoiseAFlatRiverAndAStartOffTheFloorTheOptimumDecaysTowardZero() {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.0), new double[] {4.0, 1.0});
        double peak = 0.2;
        Bounds bounds = new Bounds(600, peak, 0, 0.0, true);
        double[] start = {0, 2.0, 2.0};
        FreeFormSearch.Result result = search(valley, Optimizers.gd(), Noises.hill(0.5), start, bounds, 60, 3000);
        double[] rates = result.rates();
        assertTrue(rates[0] >= 0.99 * peak, "starts at the peak: " + rates[0]);
        assertTrue(rates[rates.length - 1] <= 0.05 * peak, "ends near zero: " + rates[rates.length - 1]);
        MomentAdjoint adjoint = new MomentAdjoint(ModeSystem.of(valley, Noises.hill(0.5), start), Optimizers.gd());
        double[] constant = new double[600];
        java.util.Arrays.fill(constant, peak);
        assertTrue(result.loss() < 0.5 * adjoint.loss(constant), result.loss() + " vs constant " + adjoint.loss(constant));
        assertEquals(adjoint.loss(rates), result.loss(), 0.0, "the reported loss is the loss of the written-out rates");
    }

    /** Random problems and constraints: the result satisfies them, runs as a spec, and is the same bits twice. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void neverViolatesItsConstraintsAndIsDeterministic(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StraightValley valley = new StraightValley(r.nextBoolean() ? new RiverProfile.Linear(r.nextDouble())
                : new RiverProfile.Quadratic(0.05, 5), new double[] {1 + 9 * r.nextDouble(), 0.5 + r.nextDouble()});
        double mu = r.nextDouble() * 0.9;
        Optimizer optimizer = r.nextBoolean() ? Optimizers.gd() : new Momentum(mu, r.nextBoolean());
        long steps = 200 + r.nextInt(400);
        Bounds bounds = new Bounds(steps, 0.1 * (1 - mu), r.nextInt(50), r.nextBoolean() ? 0 : 0.3 * r.nextDouble(), r.nextBoolean());
        double[] start = {0, r.nextGaussian(), r.nextGaussian()};
        NoiseModel noise = Noises.isotropic(0.3 + r.nextDouble());
        FreeFormSearch.Result a = search(valley, optimizer, noise, start, bounds, 30, 300);
        FreeFormSearch.Result b = search(valley, optimizer, noise, start, bounds, 30, 300);
        assertArrayEquals(a.knots(), b.knots());
        assertEquals(a.loss(), b.loss(), 0.0);
        assertTrue(bounds.admits(a.rates(), 1e-12), "seed " + seed + ": " + bounds);
        String yaml = "name: optimal\nsteps: " + steps + "\nlandscape: {type: straight-valley, hillCurvature: [3]}\n"
                + "optimizer: {type: sgd}\nschedule: " + SpecReader.instance().toTree(a.spec()).toString() + "\n";
        RunSpec spec = SpecReader.instance().read(yaml, "optimal", RunSpec.class);
        double[] built = KnotSchedule.rates(Simulation.prepare(spec).schedule());
        assertArrayEquals(a.rates(), built, "the piecewise spec runs with exactly the optimised rates");
    }

    @Test
    void poolAdjacentViolatorsGivesTheNearestNonIncreasingSequence() {
        double[] a = {1, 3, 2};
        FreeFormSearch.nonIncreasing(a);
        assertArrayEquals(new double[] {2, 2, 2}, a);
        double[] b = {3, 1, 2, 0};
        FreeFormSearch.nonIncreasing(b);
        assertArrayEquals(new double[] {3, 1.5, 1.5, 0}, b);
    }
}
