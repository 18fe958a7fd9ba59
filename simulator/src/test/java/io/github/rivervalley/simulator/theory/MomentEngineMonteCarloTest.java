package io.github.rivervalley.simulator.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The moment engine against the Monte Carlo engine on seeded random configurations: random hill spectra,
 * straight or rotated valleys, linear or quadratic rivers, SGD/heavy ball/Nesterov with random momentum,
 * every noise model, random WSD/WSD-S/cosine schedules and off-floor starts. Every recorded row of every
 * line must agree within 4 standard errors (loss, river loss, hill excess from the trace's own SEs; river
 * coordinate and steepest-hill displacement from the theory's standard deviation over sqrt(replicas)).
 * Rows are compared at single steps (no time averages, so no autocorrelation to correct for). 16384
 * replicas give the hill excess about 1% relative SE (a single hill's excess {@code (lambda/2) h^2} has
 * relative SD sqrt(2) when h is centred; 1.41/128 = 1.1%), so a bias of 5% would be caught.
 */
class MomentEngineMonteCarloTest {

    private static final int REPLICAS = 16_384;
    private static final double Z = 4.0;

    private record Config(Landscape landscape, Optimizer optimizer, NoiseModel noise, Schedule schedule, double[] start, long every) {
    }

    private static Config draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int hills = 1 + r.nextInt(3);
        double[] lambdas = new double[hills];
        for (int i = 0; i < hills; i++) {
            lambdas[i] = Math.exp(Math.log(0.5) + r.nextDouble() * Math.log(40)); // 0.5 .. 20, log-uniform
        }
        double lambdaMax = java.util.Arrays.stream(lambdas).max().orElseThrow();
        RiverProfile river = r.nextBoolean() ? new RiverProfile.Linear(0.1 + r.nextDouble())
                : new RiverProfile.Quadratic(0.01 + 0.1 * r.nextDouble(), 2 * r.nextDouble() - 1);
        StraightValley straight = new StraightValley(river, lambdas);
        Landscape landscape = r.nextInt(3) == 0 ? new RotatedValley(straight, r.nextLong()) : straight;
        int kind = r.nextInt(3);
        double mu = kind == 0 ? 0.0 : 0.3 + 0.6 * r.nextDouble();
        Optimizer optimizer = kind == 0 ? new GradientDescent() : new Momentum(mu, kind == 2);
        // Stable: eta lambda below the optimizer's limit (2, 2(1+mu), 2(1+mu)/(1+2mu)) times 0.2 .. 0.8.
        double limit = kind == 2 ? 2 * (1 + mu) / (1 + 2 * mu) : 2 * (1 + mu);
        double peak = (0.2 + 0.6 * r.nextDouble()) * limit / lambdaMax;
        double sigma = 0.2 + r.nextDouble();
        NoiseModel noise = switch (r.nextInt(5)) {
            case 0 -> Noises.isotropic(sigma);
            case 1 -> Noises.hill(sigma);
            case 2 -> Noises.river(sigma);
            case 3 -> Noises.curvature(1 + 15 * r.nextDouble());
            default -> Noises.none();
        };
        long b1 = 80 + r.nextInt(120);
        long b2 = b1 + 40 + r.nextInt(120);
        long warmup = r.nextInt(30);
        DecayShape shape = DecayShape.values()[r.nextInt(DecayShape.values().length)];
        double floor = 0.05 + 0.3 * r.nextDouble();
        Schedule schedule = switch (r.nextInt(3)) {
            case 0 -> Schedules.wsd(peak, warmup, WarmupShape.LINEAR, 0.1 + 0.3 * r.nextDouble(), floor, shape, b1, b2);
            case 1 -> Schedules.wsdS(peak, warmup, WarmupShape.LINEAR, 0.1 + 0.3 * r.nextDouble(), floor, shape, 0, b1, b2);
            default -> Schedules.cosine(peak, warmup, WarmupShape.COSINE, floor, b1, b2);
        };
        double[] start = new double[landscape.dimension()];
        for (int i = 0; i < start.length; i++) {
            start[i] = r.nextGaussian();
        }
        return new Config(landscape, optimizer, noise, schedule, start, 13 + r.nextInt(20));
    }

    /** The seeds of the random configurations (their coverage is checked below). */
    static long[] seeds() {
        return new long[] {1, 2, 3, 4, 5, 6, 8};
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void everyRowWithinFourStandardErrors(long seed) {
        Config c = draw(seed);
        String what = "seed " + seed + ": " + c.landscape() + ", " + c.optimizer() + ", " + c.noise() + ", " + c.schedule();
        Run run = Run.of("mc", c.landscape(), c.schedule()).withOptimizer(c.optimizer()).withNoise(c.noise())
                .withStart(c.start()).withReplicas(REPLICAS).withSeed(seed).withRecord(RecordSpec.every(c.every()));
        Trace trace = Simulation.trace(run, 2);
        MomentEngine engine = MomentEngine.of(c.landscape(), c.optimizer(), c.noise(), c.schedule(), c.start());
        int compared = 0;
        double sqrtN = Math.sqrt(REPLICAS);
        for (ExpectedRow row : engine.rows(RowSteps.every(c.every()))) {
            String at = what + "\n line " + row.line() + " step " + row.step();
            assertEquals(0.0, trace.value(row.line(), row.step(), TraceColumns.DIVERGED), at);
            assertEquals(row.lr(), trace.value(row.line(), row.step(), TraceColumns.LR), 0.0, at);
            check(row.loss(), trace, row, TraceColumns.LOSS, trace.value(row.line(), row.step(), TraceColumns.LOSS_SE), at);
            check(row.hillExcess(), trace, row, TraceColumns.HILL_EXCESS, trace.value(row.line(), row.step(), TraceColumns.HILL_EXCESS_SE), at);
            check(row.riverLoss(), trace, row, TraceColumns.RIVER_LOSS, trace.value(row.line(), row.step(), TraceColumns.RIVER_LOSS_SE), at);
            check(row.riverCoord(), trace, row, TraceColumns.RIVER_COORD, row.riverCoordSd() / sqrtN, at);
            check(row.hillDisp(), trace, row, TraceColumns.HILL_DISP, row.hillDispSd() / sqrtN, at);
            compared++;
        }
        assertTrue(compared >= 8, compared + " rows");
    }

    /** The seeded configurations above cover rotated valleys, both river kinds, the three optimizers and every noise type. */
    @org.junit.jupiter.api.Test
    void theSeedsCoverEveryKindOfConfiguration() {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (long seed : seeds()) {
            Config c = draw(seed);
            kinds.add(c.landscape().getClass().getSimpleName());
            kinds.add(((StraightValley) (c.landscape() instanceof RotatedValley r ? r.valley() : c.landscape())).river().getClass().getSimpleName());
            kinds.add(c.optimizer() instanceof Momentum m ? (m.nesterov() ? "nesterov" : "heavy ball") : "sgd");
            kinds.add(c.noise().getClass().getSimpleName());
        }
        assertTrue(kinds.containsAll(java.util.List.of("RotatedValley", "StraightValley", "Linear", "Quadratic", "sgd", "heavy ball",
                "nesterov", "IsotropicNoise", "HillNoise", "RiverNoise", "CurvatureNoise", "NoNoise")), kinds.toString());
    }

    /**
     * |simulated - theory| within 4 SE. Where the SE is 0 (no noise reached that quantity yet) both are
     * deterministic and may differ only by rounding: the simulation sums 16384 equal values and
     * divides, the rotated frame adds O(d) ulps, so 1e-9 of the magnitude is a generous bound.
     */
    private static void check(double theory, Trace trace, ExpectedRow row, String column, double se, String at) {
        double mean = trace.value(row.line(), row.step(), column);
        double rounding = 1e-9 * (Math.abs(theory) + 1e-3);
        assertTrue(Math.abs(mean - theory) <= Z * se + rounding,
                at + " " + column + ": simulated " + mean + ", theory " + theory + ", SE " + se + " (z = " + (mean - theory) / se + ")");
    }
}
