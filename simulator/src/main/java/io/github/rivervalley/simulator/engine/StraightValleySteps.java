package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.LinearHillFrame;
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
 * gradient, the noise, the update, the divergence checks and the per-step hill probe are written out (for
 * one hill over a block's replicas side by side, or a lone replica's registers), and the Gaussians come
 * from the generator's inlined sampler. Every floating-point operation is the reference's, in the same order, and the random draws are
 * the same in number and order, so replicas end in exactly the same state (tests compare the two paths
 * bit for bit, divergence included).
 */
final class StraightValleySteps {

    /**
     * Steps whose Gaussians a lone replica draws ahead at once.
     */
    static final int CHUNK = 512;

    /**
     * Steps whose Gaussians each lane of a block draws ahead, in bulk with its state in registers (32 KB for
     * 64 lanes of two draws; measured 14% faster with isotropic noise, 4% with hill noise, than drawing one at
     * a time in the step loop, thread CPU time, paired runs). Below 2^16: {@code SharedRiverLanes} counts a
     * chunk's crossings in 16 bits.
     */
    static final int LANE_CHUNK = 32;

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
    /** The hill-noise loop for lanes at one river coordinate (d = 2, hill noise only), or null. */
    private final SharedRiverLanes sharedRiver;

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
        this.sharedRiver = noise == NoiseKind.HILLS && dimension == 2
                ? new SharedRiverLanes(river, linear, negativeSlope, lambda[0], sigma, stop) : null;
    }

    /** The fast loop for {@code run}, if its landscape, optimizer and noise are ones it covers. */
    static Optional<StraightValleySteps> of(Run run, Divergence stop) {
        if (!(run.landscape() instanceof LinearHillFrame frame) || !frame.axisAligned()
                || !(run.optimizer() instanceof GradientDescent)) {
            return Optional.empty();
        }
        StraightValley valley = frame.valley();
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
     * Steps {@code [fromStep, toStep)} of replicas {@code [from, to)}, each exactly as {@code StepLoop.advance}
     * would: the rate of step t is {@code lrs[t - lrBase]}; {@code gradient} holds at least {@code d} doubles.
     */
    void advanceBlock(Replica[] replicas, int from, int to, long fromStep, long toStep, double[] lrs, long lrBase, Lanes lanes,
            double[] gradient) {
        if (fromStep >= toStep) {
            return;
        }
        if (dimension == 2 && to - from == 1) {
            advanceAlone(replicas[from], fromStep, toStep, lrs, lrBase, lanes);
        } else if (dimension == 2) {
            advanceOneHill(replicas, from, to, fromStep, toStep, lrs, lrBase, lanes);
        } else {
            for (int i = from; i < to; i++) {
                if (!replicas[i].diverged) {
                    advanceMany(replicas[i], fromStep, toStep, lrs, lrBase, gradient);
                }
            }
        }
    }

    /**
     * d = 2, structure of arrays: time outside, the block's live replicas inside. One replica's step is a
     * chain of dependent operations (about 16 cycles of latency), so stepping many independent replicas
     * side by side lets the processor overlap them. Each replica still sees exactly its own operations in
     * its own order; a replica that diverges leaves the lanes (its state written back at that moment).
     */
    private void advanceOneHill(Replica[] replicas, int from, int to, long fromStep, long toStep, double[] lrs, long lrBase, Lanes lanes) {
        Replica[] replica = lanes.replica;
        Xoshiro256PlusPlus[] random = lanes.random;
        double[] x0 = lanes.x0;
        double[] x1 = lanes.x1;
        double[] last = lanes.last;
        int[] crossings = lanes.crossings;
        double[] amplitude = lanes.amplitude;
        int n = 0;
        for (int i = from; i < to; i++) {
            Replica r = replicas[i];
            if (!r.diverged) {
                replica[n] = r;
                random[n] = r.random;
                x0[n] = r.x[0];
                x1[n] = r.x[1];
                last[n] = r.lastDisplacement;
                crossings[n] = r.crossings;
                amplitude[n] = r.amplitude;
                n++;
            }
        }
        if (sharedRiver != null && n > 1 && SharedRiverLanes.sameRiverCoordinate(x0, n)) {
            sharedRiver.advance(n, fromStep, toStep, lrs, lrBase, lanes);
            return;
        }
        double lam = lambda[0];
        double s = sigma;
        boolean riverNoise = noise == NoiseKind.ALL;
        boolean hillNoise = noise != NoiseKind.NONE;
        int perStep = (riverNoise ? 1 : 0) + (hillNoise ? 1 : 0);
        int hillDraw = riverNoise ? 1 : 0;
        int stride = LANE_CHUNK * perStep;
        double[] z = lanes.laneNoise;
        for (long chunk = fromStep; chunk < toStep && n > 0; chunk += LANE_CHUNK) {
            int steps = (int) Math.min(LANE_CHUNK, toStep - chunk);
            if (perStep > 0) {
                lanes.drawAhead(n, steps * perStep, stride);
            }
            for (int j = 0; j < steps && n > 0; j++) {
                long t = chunk + j;
                int draw = j * perStep;
                double lr = lrs[(int) (t - lrBase)];
                for (int k = 0; k < n; k++) {
                    double a = x0[k];
                    double h = x1[k];
                    double loss;
                    double g0;
                    if (linear) {
                        loss = negativeSlope * a;
                        g0 = negativeSlope;
                    } else {
                        loss = river.value(a);
                        g0 = river.slope(a);
                    }
                    double g1 = lam * h;
                    loss += 0.5 * lam * h * h;
                    if (riverNoise) {
                        g0 += s * z[k * stride + draw];
                    }
                    if (hillNoise) {
                        g1 += s * z[k * stride + draw + hillDraw];
                    }
                    if (stop.stopsAtLoss(loss)) {
                        replica[k].diverge(t);
                        n = lanes.retireMidChunk(k, n, (j + 1) * perStep, stride);
                        k--;
                        continue;
                    }
                    a -= lr * g0;
                    h -= lr * g1;
                    x0[k] = a;
                    x1[k] = h;
                    if (Double.isNaN(a * 0.0 + h * 0.0)) {
                        replica[k].diverge(t + 1);
                        n = lanes.retireMidChunk(k, n, (j + 1) * perStep, stride);
                        k--;
                        continue;
                    }
                    lanes.observe(k, h, Math.abs(h)); // Replica.observeDisplacement on the probe coordinate (x1)
                }
            }
        }
        lanes.retireAll(n);
    }

    /**
     * d = 2 and a single live replica (a long trajectory): river coordinate and wall in registers, the
     * Gaussians drawn ahead in chunks ({@link Xoshiro256PlusPlus#nextGaussians}, the same draws in the same
     * order). A replica that diverges mid-chunk has its stream rewound to just after the draws of its last
     * step, where the reference loop leaves it.
     */
    private void advanceAlone(Replica replica, long from, long to, double[] lrs, long lrBase, Lanes lanes) {
        if (replica.diverged) {
            return;
        }
        double[] x = replica.x;
        Xoshiro256PlusPlus random = replica.random;
        double[] z = lanes.noise;
        double x0 = x[0];
        double x1 = x[1];
        double lam = lambda[0];
        double s = sigma;
        boolean riverNoise = noise == NoiseKind.ALL;
        boolean hillNoise = noise != NoiseKind.NONE;
        int perStep = (riverNoise ? 1 : 0) + (hillNoise ? 1 : 0);
        int hillDraw = riverNoise ? 1 : 0;
        double last = replica.lastDisplacement;
        int crossings = replica.crossings;
        double amplitude = replica.amplitude;
        try {
            for (long chunk = from; chunk < to; chunk += CHUNK) {
                int steps = (int) Math.min(CHUNK, to - chunk);
                if (perStep > 0) {
                    lanes.saved.copyFrom(random);
                    random.nextGaussians(z, 0, steps * perStep);
                }
                for (int k = 0; k < steps; k++) {
                    long t = chunk + k;
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
                        g0 += s * z[k * perStep];
                    }
                    if (hillNoise) {
                        g1 += s * z[k * perStep + hillDraw];
                    }
                    if (stop.stopsAtLoss(loss)) {
                        replica.diverge(t);
                        lanes.rewind(random, (k + 1) * perStep);
                        return;
                    }
                    double lr = lrs[(int) (t - lrBase)];
                    x0 -= lr * g0;
                    x1 -= lr * g1;
                    if (Double.isNaN(x0 * 0.0 + x1 * 0.0)) {
                        replica.diverge(t + 1);
                        lanes.rewind(random, (k + 1) * perStep);
                        return;
                    }
                    // Replica.observeDisplacement on the probe coordinate (x1), over locals, branch-free as in advanceOneHill.
                    if (x1 != 0.0) {
                        long differ = (Double.doubleToRawLongBits(x1) ^ Double.doubleToRawLongBits(last)) >>> 63;
                        crossings += (int) differ & (last != 0.0 ? 1 : 0);
                        last = x1;
                    }
                    double magnitude = Math.abs(x1);
                    if (magnitude > amplitude) {
                        amplitude = magnitude;
                    }
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

    /**
     * Any d, one replica at a time (the coordinate loop gives the overlap): the loss first (to decide
     * divergence before touching x), then noise and update per coordinate.
     */
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
            // The reference adds the noise after the whole gradient; drawing it in the same pass keeps the
            // draws in coordinate order and each coordinate's (lambda h) + (s z), so the bits are the same.
            if (riverNoise) {
                gradient[0] += s * random.nextGaussian();
            }
            if (hillNoise) {
                for (int i = 1; i < d; i++) {
                    double h = x[i];
                    double l = lam[i - 1];
                    gradient[i] = l * h + s * random.nextGaussian();
                    loss += 0.5 * l * h * h;
                }
            } else {
                for (int i = 1; i < d; i++) {
                    double h = x[i];
                    double l = lam[i - 1];
                    gradient[i] = l * h;
                    loss += 0.5 * l * h * h;
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
