package io.github.rivervalley.simulator.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.LineSchedule;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The adjoint gradient of the final expected loss against the moment engine and central finite differences. */
class MomentAdjointTest {

    private record Problem(StraightValley valley, Optimizer optimizer, NoiseModel noise, double[] start, double[] lrs) {
    }

    private static Problem draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] lambdas = {0.5 + 9.5 * r.nextDouble(), 0.5 + 9.5 * r.nextDouble(), 0.5 + 9.5 * r.nextDouble()};
        RiverProfile river = r.nextBoolean() ? new RiverProfile.Linear(0.2 + r.nextDouble())
                : new RiverProfile.Quadratic(0.02 + 0.1 * r.nextDouble(), 3 * r.nextDouble());
        StraightValley valley = new StraightValley(river, lambdas);
        int kind = r.nextInt(3);
        double mu = kind == 0 ? 0 : 0.3 + 0.6 * r.nextDouble();
        Optimizer optimizer = kind == 0 ? new GradientDescent() : new Momentum(mu, kind == 2);
        double limit = (kind == 2 ? 2 * (1 + mu) / (1 + 2 * mu) : 2 * (1 + mu)) / 10.0;
        double[] lrs = new double[100 + r.nextInt(300)];
        for (int t = 0; t < lrs.length; t++) {
            lrs[t] = (0.05 + 0.7 * r.nextDouble()) * limit;
        }
        double[] start = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        NoiseModel noise = r.nextBoolean() ? Noises.isotropic(0.2 + r.nextDouble()) : Noises.curvature(1 + 10 * r.nextDouble());
        return new Problem(valley, optimizer, noise, start, lrs);
    }

    private static Schedule schedule(double[] lrs) {
        Line main = new Line(Line.MAIN, Optional.empty(), 0, lrs.length, t -> lrs[(int) t], List.of());
        return new LineSchedule(1.0, List.of(main), List.of());
    }

    /** The adjoint's forward loss is the engine's final expected loss (same recursion; rounding differs by a few ulps). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void lossIsTheEnginesFinalLoss(long seed) {
        Problem p = draw(seed);
        ModeSystem system = ModeSystem.of(p.valley(), p.noise(), p.start());
        double adjointLoss = new MomentAdjoint(system, p.optimizer()).loss(p.lrs());
        List<ExpectedRow> rows = MomentEngine.of(p.valley(), p.optimizer(), p.noise(), schedule(p.lrs()), p.start())
                .rows(RowSteps.every(Long.MAX_VALUE));
        double engineLoss = rows.get(rows.size() - 1).loss();
        assertTrue(Math.abs(adjointLoss - engineLoss) <= 1e-12 * Math.abs(engineLoss) + 1e-15, adjointLoss + " vs " + engineLoss);
    }

    /**
     * Central differences {@code (L(eta + h e_t) - L(eta - h e_t)) / 2h} have truncation error
     * {@code O(h^2 L''')} and rounding error about {@code 1e-16 |L| / h}; with {@code h = 1e-6 eta_t} both are
     * far below 1e-6 of the gradient's scale here. Each component must agree to 1e-6 of the largest
     * component (a component near zero has no meaningful relative error), and components of at least 1% of
     * the largest to 1e-6 of themselves.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void gradientEqualsCentralDifferences(long seed) {
        Problem p = draw(seed);
        MomentAdjoint adjoint = new MomentAdjoint(ModeSystem.of(p.valley(), p.noise(), p.start()), p.optimizer());
        double[] lrs = p.lrs();
        double[] gradient = new double[lrs.length];
        adjoint.lossAndGradient(lrs, gradient);
        double scale = 0;
        for (double g : gradient) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 0);
        SplittableRandom pick = new SplittableRandom(seed);
        for (int n = 0; n < 40; n++) {
            int t = n < 2 ? (n == 0 ? 0 : lrs.length - 1) : pick.nextInt(lrs.length);
            double[] shifted = lrs.clone();
            double h = 1e-6 * lrs[t];
            shifted[t] = lrs[t] + h;
            double up = adjoint.loss(shifted);
            shifted[t] = lrs[t] - h;
            double down = adjoint.loss(shifted);
            double fd = (up - down) / (2 * h);
            double error = Math.abs(fd - gradient[t]);
            String what = "seed " + seed + " " + p.optimizer() + " step " + t + ": adjoint " + gradient[t] + ", differences " + fd;
            assertTrue(error <= 1e-6 * scale, what);
            if (Math.abs(gradient[t]) >= 0.01 * scale) {
                assertTrue(error <= 1e-6 * Math.abs(gradient[t]), what);
            }
        }
    }
}
