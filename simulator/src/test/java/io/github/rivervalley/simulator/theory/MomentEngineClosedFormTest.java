package io.github.rivervalley.simulator.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.CurvedValley;
import io.github.rivervalley.landscapes.analytic.HillSpectrum;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.LineSchedule;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The moment engine against closed forms (derived in docs/theory.md). Tolerances: the engine's stationary
 * values come from iterating a contraction to its fixed point; rounding adds a few ulps per step and the
 * contraction damps old errors by at least {@code rho^2} per step, so the fixed point carries about
 * {@code 1 / (1 - rho^2)} ulps (well under 1e3 for the rates used here), far inside 1e-12 relative.
 */
class MomentEngineClosedFormTest {

    private static final double REL = 1e-12;

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                what + ": expected " + expected + ", got " + actual + " (relative " + (actual - expected) / expected + ")");
    }

    private static ExpectedRow last(MomentEngine engine, String line) {
        List<ExpectedRow> rows = engine.rows(RowSteps.every(Long.MAX_VALUE));
        return rows.stream().filter(r -> r.line().equals(line)).reduce((a, b) -> b).orElseThrow();
    }

    private static Schedule constant(double eta, long steps) {
        return Schedules.constant(eta, 0, WarmupShape.LINEAR, steps);
    }

    /** Steps after which {@code rho^t} is below 1e-18 relative (the transient is gone to the last bit). */
    private static long settle(double rho) {
        return (long) Math.ceil(Math.log(1e-18) / Math.log(rho)) + 10;
    }

    /** Stationary SGD hill excess per hill: {@code eta s / (2 (2 - eta lambda))}, s = sigma^2 the noise variance. */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 1.0, 1.7})
    void stationarySgdHillExcess(double etaLambdaMax) {
        double[] lambdas = HillSpectrum.geometric(10.0, 0.5, 5);
        double eta = etaLambdaMax / lambdas[0];
        double sigma = 0.7;
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.2), lambdas);
        double rho = 0.0;
        double expected = 0.0;
        for (double lambda : lambdas) {
            rho = Math.max(rho, Math.abs(1 - eta * lambda));
            expected += eta * sigma * sigma / (2 * (2 - eta * lambda));
        }
        MomentEngine engine = MomentEngine.of(valley, Optimizers.gd(), Noises.isotropic(sigma),
                constant(eta, settle(rho * rho)), new double[valley.dimension()]);
        assertRelative(expected, last(engine, Line.MAIN).hillExcess(), REL, "eta lambda_max " + etaLambdaMax);
    }

    /**
     * Heavy ball ({@code v <- mu v + g, x <- x - eta v}) at a constant rate: the stationary hill excess per
     * hill is {@code (1 + mu) eta s / (2 (1 - mu) (2 (1 + mu) - eta lambda))}; Nesterov's is
     * {@code eta s (1 + mu + eta lambda mu (1 + 2 mu)) / (2 (1 - mu + eta lambda mu) (2 (1 + mu) - eta lambda (1 + 2 mu)))}.
     * Both are derived in docs/theory.md ("Stationary hill excess with momentum") from the stationary
     * Lyapunov equation of the (position, velocity) pair; both reduce to SGD's at mu = 0.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.5, 0.8, 0.9})
    void stationaryMomentumHillExcess(double mu) {
        double lambda = 4.0;
        double sigma = 0.5;
        double s = sigma * sigma;
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.3), new double[] {lambda});
        for (boolean nesterov : new boolean[] {false, true}) {
            double eta = 0.2 / lambda;
            double el = eta * lambda;
            double expected = nesterov
                    ? eta * s * (1 + mu + el * mu * (1 + 2 * mu)) / (2 * (1 - mu + el * mu) * (2 * (1 + mu) - el * (1 + 2 * mu)))
                    : (1 + mu) * eta * s / (2 * (1 - mu) * (2 * (1 + mu) - el));
            // The modes contract like |eigenvalue|^t <= max(sqrt(mu), 1 - eta lambda)-ish; 40000 steps is far past 1e-18 for mu <= 0.9.
            MomentEngine engine = MomentEngine.of(valley, new Momentum(mu, nesterov), Noises.hill(sigma), constant(eta, 40_000),
                    new double[2]);
            assertRelative(expected, last(engine, Line.MAIN).hillExcess(), REL, (nesterov ? "nesterov" : "heavy ball") + " mu " + mu);
        }
    }

    /** Curvature noise {@code s = lambda / B} and a quadratic river as a mode of its own. */
    @Test
    void curvatureNoiseAndQuadraticRiverSettleAtTheirStationaryValues() {
        double mu = 0.05;
        double batch = 8;
        double[] lambdas = {3.0, 1.0};
        StraightValley valley = new StraightValley(new RiverProfile.Quadratic(mu, 2.0), lambdas);
        double eta = 0.3;
        MomentEngine engine = MomentEngine.of(valley, Optimizers.gd(), Noises.curvature(batch),
                constant(eta, settle(1 - eta * mu)), new double[] {-5, 1, 1});
        ExpectedRow row = last(engine, Line.MAIN);
        double excess = 0.0;
        for (double lambda : lambdas) {
            excess += eta * (lambda / batch) / (2 * (2 - eta * lambda));
        }
        assertRelative(excess, row.hillExcess(), REL, "hill excess");
        assertRelative(eta * (mu / batch) / (2 * (2 - eta * mu)), row.riverLoss(), REL, "river loss");
        // The mean settles on the river's minimum (the centred mean decays to below 1e-18 of its start).
        assertEquals(2.0, row.riverCoord(), 1e-15);
    }

    /** GD with no noise: every hill contracts by {@code (1 - eta_t lambda)} per step, exactly. */
    @Test
    void gdContractsEachHillByOneMinusEtaLambda() {
        double[] lambdas = {5.0, 0.5};
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.1), lambdas);
        Schedule schedule = Schedules.wsd(0.35, 20, WarmupShape.LINEAR, 0.25, 0.1, DecayShape.COSINE, 300);
        double[] start = {0.0, 1.0, -2.0};
        MomentEngine engine = MomentEngine.of(valley, Optimizers.gd(), Noises.none(), schedule, start);
        for (Line line : schedule.lines()) {
            for (ExpectedRow row : engine.rows(RowSteps.every(37))) {
                if (!row.line().equals(line.name())) {
                    continue;
                }
                // Same products in the same order as the engine: (1 - eta lambda) times the previous value.
                double h1 = start[1];
                double h2 = start[2];
                for (long t = 0; t < row.step(); t++) {
                    double eta = rateOf(schedule, line, t);
                    h1 = (1 - eta * lambdas[0]) * h1;
                    h2 = (1 - eta * lambdas[1]) * h2;
                }
                double excess = 0.5 * lambdas[0] * h1 * h1 + 0.5 * lambdas[1] * h2 * h2;
                // Identical products; only the sum of the two terms may differ by 1 ulp-ish.
                assertRelative(excess, row.hillExcess(), 1e-15, line.name() + " step " + row.step());
                assertEquals(h1, row.hillDisp(), 0.0, "steepest hill is hill 0");
                assertEquals(0.0, row.hillDispSd(), 0.0);
            }
        }
    }

    /** The update {@code t}'s rate on {@code line} (an ancestor's before the fork). */
    private static double rateOf(Schedule schedule, Line line, long t) {
        return schedule.rowRate(line, t + 1);
    }

    /**
     * River progress on a linear river: {@code E[x_T] - x_0 = slope * sum_t eta_t} for SGD; with momentum
     * the buffer builds up as {@code (1 - mu^(t+1)) / (1 - mu)} times the slope, so heavy ball moves
     * {@code eta_t slope (1 - mu^(t+1)) / (1 - mu)} at step t and Nesterov {@code eta_t slope (1 + mu (1 - mu^(t+1)) / (1 - mu))}.
     * The sums are accumulated here step by step in double (their rounding and the engine's differ by a few
     * ulps per step at most, so 1e-12 relative holds for these few thousand steps).
     */
    @Test
    void riverProgressIsSlopeTimesTheSumOfRates() {
        double slope = 0.4;
        StraightValley valley = new StraightValley(new RiverProfile.Linear(slope), new double[] {2.0, 3.0});
        Schedule schedule = Schedules.wsdS(0.3, 50, WarmupShape.LINEAR, 0.2, 0.1, DecayShape.LINEAR, 0, 400, 1000);
        double x0 = 1.5;
        for (Optimizer optimizer : new Optimizer[] {Optimizers.gd(), new Momentum(0.7, false), new Momentum(0.7, true)}) {
            for (NoiseModel noise : new NoiseModel[] {Noises.none(), Noises.isotropic(0.3), Noises.river(1.0)}) {
                MomentEngine engine = MomentEngine.of(valley, optimizer, noise, schedule, new double[] {x0, 0.1, 0.2});
                ExpectedRow row = last(engine, Line.MAIN);
                Line main = schedule.line(Line.MAIN);
                double mu = optimizer instanceof Momentum m ? m.momentum() : 0.0;
                boolean nesterov = optimizer instanceof Momentum m && m.nesterov();
                double progress = 0.0;
                double buildUp = 1.0;
                for (long t = 0; t < main.endStep(); t++) {
                    buildUp *= mu; // mu^(t+1)
                    double v = mu == 0 ? 1.0 : (1 - buildUp) / (1 - mu);
                    progress += main.lr().at(t) * slope * (nesterov ? 1 + mu * v : v);
                }
                assertRelative(x0 + progress, row.riverCoord(), REL, optimizer + " " + noise);
                assertRelative(-slope * (x0 + progress), row.riverLoss(), REL, optimizer + " " + noise + " river loss");
            }
        }
    }

    /** Identical hills share one mode; the excess is the multiplicity times one hill's. */
    @Test
    void identicalHillsAreOneMode() {
        int d = 1000;
        StraightValley many = new StraightValley(new RiverProfile.Linear(0.1), HillSpectrum.constant(2.0, d));
        StraightValley one = new StraightValley(new RiverProfile.Linear(0.1), HillSpectrum.constant(2.0, 1));
        Schedule schedule = Schedules.cosine(0.5, 10, 200);
        ExpectedRow a = last(MomentEngine.of(many, Optimizers.nesterov(), Noises.hill(0.3), schedule, new double[d + 1]), Line.MAIN);
        ExpectedRow b = last(MomentEngine.of(one, Optimizers.nesterov(), Noises.hill(0.3), schedule, new double[2]), Line.MAIN);
        assertEquals(2, ModeSystem.of(many, Noises.hill(0.3), new double[d + 1]).modes());
        assertEquals(d * b.hillExcess(), a.hillExcess(), 0.0, "exact: multiplying by 1000 is what the engine does");
    }

    /** Forks: a branch's moments equal an uninterrupted run with the branch's rates (bit for bit). */
    @Test
    void branchesEqualUninterruptedRuns() {
        SplittableRandom random = new SplittableRandom(12);
        StraightValley valley = new StraightValley(new RiverProfile.Quadratic(0.02, 3.0), HillSpectrum.geometric(6.0, 0.3, 4));
        double[] start = {0.5, 0.3, -0.2, 0.1, 0.0};
        Schedule wsd = Schedules.wsd(0.2, 30, WarmupShape.COSINE, 0.2, 0.05, DecayShape.ONE_SQRT, 300, 900, 5000);
        for (Optimizer optimizer : new Optimizer[] {Optimizers.gd(), Optimizers.momentum(), Optimizers.nesterov()}) {
            NoiseModel noise = Noises.isotropic(0.2 + random.nextDouble());
            MomentEngine engine = MomentEngine.of(valley, optimizer, noise, wsd, start);
            List<ExpectedRow> all = engine.rows(RowSteps.every(97));
            int branches = 0;
            for (Line branch : wsd.lines()) {
                if (branch.isRoot()) {
                    continue;
                }
                branches++;
                Line alone = new Line(Line.MAIN, java.util.Optional.empty(), 0, branch.endStep(),
                        t -> wsd.rowRate(branch, t + 1), List.of());
                Schedule single = new LineSchedule(wsd.peak(), List.of(alone), List.of());
                MomentEngine uninterrupted = MomentEngine.of(valley, optimizer, noise, single, start);
                List<ExpectedRow> reference = uninterrupted.rows(RowSteps.every(97));
                List<ExpectedRow> mine = all.stream().filter(r -> r.line().equals(branch.name())).toList();
                assertFalse(mine.isEmpty());
                int matched = 0;
                for (ExpectedRow row : mine) {
                    // The branch's first row (its fork step) need not be on the reference's grid of 97.
                    ExpectedRow same = reference.stream().filter(r -> r.step() == row.step()).findFirst().orElse(null);
                    if (same == null) {
                        assertEquals(branch.forkStep(), row.step());
                        continue;
                    }
                    matched++;
                    assertEquals(same.loss(), row.loss(), 0.0, branch.name() + " step " + row.step());
                    assertEquals(same.hillExcess(), row.hillExcess(), 0.0);
                    assertEquals(same.riverCoord(), row.riverCoord(), 0.0);
                    assertEquals(same.hillDispSd(), row.hillDispSd(), 0.0);
                    assertEquals(same.lr(), row.lr(), 0.0);
                }
                assertTrue(matched >= 2, branch.name() + ": " + matched + " rows compared");
            }
            assertEquals(3, branches);
        }
    }

    /**
     * Many modes run in the vector loop (steps outside, modes inside), a few mode by mode; both evaluate
     * the same expressions, so each hill of a 12-hill valley has bit for bit the moments of a 1-hill valley.
     */
    @Test
    void manyModesAndFewModesGiveTheSameBits() {
        double[] lambdas = HillSpectrum.geometric(8.0, 0.2, 12);
        double[] start = new double[13];
        for (int i = 1; i < start.length; i++) {
            start[i] = 0.1 * i;
        }
        Schedule schedule = Schedules.wsd(0.2, 10, WarmupShape.LINEAR, 0.3, 0.1, DecayShape.LINEAR, 500);
        for (Optimizer optimizer : new Optimizer[] {Optimizers.gd(), Optimizers.momentum(), Optimizers.nesterov()}) {
            NoiseModel noise = Noises.curvature(3);
            StraightValley many = new StraightValley(new RiverProfile.Linear(0.1), lambdas);
            MomentEngine manyEngine = MomentEngine.of(many, optimizer, noise, schedule, start);
            for (int i = 0; i < lambdas.length; i++) {
                StraightValley one = new StraightValley(new RiverProfile.Linear(0.1), new double[] {lambdas[i]});
                MomentEngine oneEngine = MomentEngine.of(one, optimizer, noise, schedule, new double[] {0, start[i + 1]});
                MomentState a = finalState(manyEngine, "branch-500");
                MomentState b = finalState(oneEngine, "branch-500");
                assertEquals(b.mean(1), a.mean(i + 1), 0.0, optimizer + " hill " + i);
                assertEquals(b.variance(1), a.variance(i + 1), 0.0, optimizer + " hill " + i);
                assertEquals(b.velocityVariance(1), a.velocityVariance(i + 1), 0.0, optimizer + " hill " + i);
            }
        }
    }

    private static MomentState finalState(MomentEngine engine, String line) {
        MomentState[] out = new MomentState[1];
        engine.walk(RowSteps.every(Long.MAX_VALUE), (l, step, state) -> {
            if (l.name().equals(line)) {
                out[0] = state.copy();
            }
        });
        return out[0];
    }

    @Test
    void noTheoryWhereTheMomentsDoNotClose() {
        StraightValley linear = new StraightValley(new RiverProfile.Linear(0.1), new double[] {1.0});
        StraightValley softplus = new StraightValley(new RiverProfile.Softplus(0.1), new double[] {1.0});
        CurvedValley curved = new CurvedValley(new RiverProfile.Linear(0.1), 10, 0.5, 1);
        assertTrue(Exactness.of(linear, Optimizers.momentum(), Noises.curvature(4)).exact());
        assertTrue(Exactness.of(new io.github.rivervalley.landscapes.analytic.RotatedValley(linear, 3), Optimizers.gd(), Noises.hill(1)).exact());
        Exactness adam = Exactness.of(linear, Optimizers.adam(), Noises.none());
        assertFalse(adam.exact());
        assertTrue(adam.reason().contains("Adam"), adam.reason());
        assertFalse(Exactness.of(softplus, Optimizers.gd(), Noises.none()).exact());
        assertTrue(Exactness.of(softplus, Optimizers.gd(), Noises.none()).reason().contains("softplus"));
        assertFalse(Exactness.of(curved, Optimizers.gd(), Noises.none()).exact());
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> MomentEngine.of(linear, Optimizers.adamw(0.1), Noises.none(), constant(0.1, 10), new double[2]));
        assertTrue(e.getMessage().contains("theory") && e.getMessage().contains("Adam"), e.getMessage());
    }
}
