package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.HillNoise;
import io.github.rivervalley.simulator.noise.IsotropicNoise;
import io.github.rivervalley.simulator.noise.NoNoise;
import io.github.rivervalley.simulator.observe.Divergence;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import java.util.Optional;

/**
 * The specialised step loop for the commonest workload: GD or SGD on a {@link StraightValley} with no,
 * isotropic or hill noise. It is {@link Engine}'s reference loop with every virtual call resolved: the
 * gradient, the noise, the update, the divergence checks and the per-step hill probe are written out over
 * local variables (one hill: all in registers), and the Gaussians come from the generator's inlined
 * sampler. Every floating-point operation is the reference's, in the same order, and the random draws are
 * the same in number and order, so replicas end in exactly the same state (tests compare the two paths
 * bit for bit, divergence included).
 */
final class StraightValleySteps {

    /** Which coordinates get noise: none, all (isotropic) or the hills only. */
    private enum NoiseKind { NONE, ALL, HILLS }

    private final RiverProfile river;
    private final boolean linear;
    private final double negativeSlope;
    private final double[] lambda;
    private final int dimension;
    private final NoiseKind noise;
    private final double sigma;
    private final Divergence stop;
    /** Coordinate the hill probe reads (the steepest wall). */
    private final int probe;

    private StraightValleySteps(StraightValley valley, NoiseKind noise, double sigma, Divergence stop) {
        this.river = valley.river();
        this.linear = river instanceof RiverProfile.Linear;
        this.negativeSlope = linear ? -((RiverProfile.Linear) river).slope() : 0.0;
        this.lambda = valley.hillCurvatures();
        this.dimension = valley.dimension();
        this.noise = noise;
        this.sigma = sigma;
        this.stop = stop;
        this.probe = valley.steepestHill() + 1;
    }

    /** The fast loop for {@code run}, if its landscape, optimizer and noise are ones it covers. */
    static Optional<StraightValleySteps> of(Run run, Divergence stop) {
        if (!(run.landscape() instanceof StraightValley valley) || !(run.optimizer() instanceof GradientDescent)) {
            return Optional.empty();
        }
        if (run.noise() instanceof NoNoise) {
            return Optional.of(new StraightValleySteps(valley, NoiseKind.NONE, 0.0, stop));
        }
        if (run.noise() instanceof IsotropicNoise iso) {
            return Optional.of(new StraightValleySteps(valley, NoiseKind.ALL, iso.sigma(), stop));
        }
        if (run.noise() instanceof HillNoise hill) {
            return Optional.of(new StraightValleySteps(valley, NoiseKind.HILLS, hill.sigma(), stop));
        }
        return Optional.empty();
    }

    /**
     * Steps {@code [from, to)} of one replica, exactly as {@code Engine.advance}: the rate of step t is
     * {@code lrs[t - lrBase]}; {@code scratch} holds at least {@code d} doubles.
     */
    void advance(Replica replica, long from, long to, double[] lrs, long lrBase, double[] scratch) {
        if (replica.diverged || from >= to) {
            return;
        }
        if (dimension == 2) {
            advanceOneHill(replica, from, to, lrs, lrBase);
        } else {
            advanceMany(replica, from, to, lrs, lrBase, scratch);
        }
    }

    /** d = 2: river coordinate and one wall, both in registers. */
    private void advanceOneHill(Replica replica, long from, long to, double[] lrs, long lrBase) {
        double[] x = replica.x;
        Xoshiro256PlusPlus random = replica.random;
        double x0 = x[0];
        double x1 = x[1];
        double lam = lambda[0];
        double s = sigma;
        boolean riverNoise = noise == NoiseKind.ALL;
        boolean hillNoise = noise != NoiseKind.NONE;
        double last = replica.lastDisplacement;
        int crossings = replica.crossings;
        double amplitude = replica.amplitude;
        long t = from;
        try {
            for (; t < to; t++) {
                double loss;
                double g0;
                if (linear) {
                    loss = negativeSlope * x0;
                    g0 = negativeSlope;
                } else {
                    loss = river.value(x0);
                    g0 = river.slope(x0);
                }
                double g1 = lam * x1;
                loss += 0.5 * lam * x1 * x1;
                if (riverNoise) {
                    g0 += s * random.nextGaussian();
                }
                if (hillNoise) {
                    g1 += s * random.nextGaussian();
                }
                if (stop.stopsAtLoss(loss)) {
                    replica.diverge(t);
                    return;
                }
                double lr = lrs[(int) (t - lrBase)];
                x0 -= lr * g0;
                x1 -= lr * g1;
                if (Double.isNaN(x0 * 0.0 + x1 * 0.0)) {
                    replica.diverge(t + 1);
                    return;
                }
                // Replica.observeDisplacement on the probe coordinate (x1), over locals.
                if (x1 != 0.0) {
                    if (last != 0.0 && (x1 > 0.0) != (last > 0.0)) {
                        crossings++;
                    }
                    last = x1;
                }
                double magnitude = Math.abs(x1);
                if (magnitude > amplitude) {
                    amplitude = magnitude;
                }
            }
        } finally {
            x[0] = x0;
            x[1] = x1;
            replica.lastDisplacement = last;
            replica.crossings = crossings;
            replica.amplitude = amplitude;
        }
    }

    /** Any d: the loss first (to decide divergence before touching x), then noise and update per coordinate. */
    private void advanceMany(Replica replica, long from, long to, double[] lrs, long lrBase, double[] gradient) {
        double[] x = replica.x;
        Xoshiro256PlusPlus random = replica.random;
        double[] lam = lambda;
        int d = dimension;
        double s = sigma;
        boolean riverNoise = noise == NoiseKind.ALL;
        boolean hillNoise = noise != NoiseKind.NONE;
        for (long t = from; t < to; t++) {
            double c = x[0];
            double loss;
            if (linear) {
                loss = negativeSlope * c;
                gradient[0] = negativeSlope;
            } else {
                loss = river.value(c);
                gradient[0] = river.slope(c);
            }
            for (int i = 1; i < d; i++) {
                double h = x[i];
                double l = lam[i - 1];
                gradient[i] = l * h;
                loss += 0.5 * l * h * h;
            }
            if (riverNoise) {
                gradient[0] += s * random.nextGaussian();
            }
            if (hillNoise) {
                for (int i = 1; i < d; i++) {
                    gradient[i] += s * random.nextGaussian();
                }
            }
            if (stop.stopsAtLoss(loss)) {
                replica.diverge(t);
                return;
            }
            double lr = lrs[(int) (t - lrBase)];
            double finite = 0.0;
            for (int i = 0; i < d; i++) {
                double v = x[i] - lr * gradient[i];
                x[i] = v;
                finite += v * 0.0;
            }
            if (Double.isNaN(finite)) {
                replica.diverge(t + 1);
                return;
            }
            replica.observeDisplacement(x[probe]);
        }
    }
}
