package io.github.rivervalley.benchmarks;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.noise.FusedSgd;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.observe.Divergence;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import io.github.rivervalley.landscapes.spectral.Sharpness;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.List;

/**
 * The benchmark workloads, as run specs (the peers in {@code benchmarks/peers/} implement the same maths).
 * Sizes are the issue's; {@code quick} shrinks them for a smoke run.
 */
public final class Workloads {

    private Workloads() {
    }

    /** Isotropic gradient noise (two Gaussians per replica-step at d = 2). */
    static final String ISOTROPIC = "{type: isotropic, sigma: 1.0}";
    /** Noise on the hill only (one Gaussian per replica-step; the river step is deterministic). */
    static final String HILL = "{type: hill, sigma: 1.0}";

    /** Straight valley with one hill (d = 2), isotropic noise, SGD under WSD: the main workload. */
    static String straightSpec(int dimension, int replicas, long steps, long every) {
        return straightSpec(dimension, replicas, steps, every, ISOTROPIC);
    }

    /** The same with the noise block {@code noise}. */
    static String straightSpec(int dimension, int replicas, long steps, long every, String noise) {
        return """
                name: bench-straight
                seed: 1
                steps: %d
                replicas: %d
                landscape: {type: straight-valley, dimension: %d, hillCurvature: 10, river: {type: linear, slope: 1}}
                optimizer: {type: sgd}
                noise: %s
                schedule: {type: wsd, peak: 0.05, warmup: %d, decayFraction: 0.1, floor: 0.1}
                record: {every: %d}
                """.formatted(steps, replicas, dimension, noise, Math.max(1, steps / 10), every);
    }

    /** Rotated straight valley (power-law spread of hill curvatures), isotropic noise, SGD, constant LR. */
    static String rotatedSpec(int dimension, long steps) {
        return """
                name: bench-rotated
                seed: 1
                steps: %d
                replicas: 1
                landscape:
                  type: rotated-valley
                  seed: 7
                  valley: {dimension: %d, hillCurvature: 10, spread: {type: power-law, exponent: 1}, river: {type: linear, slope: 1}}
                optimizer: {type: sgd}
                noise: {type: isotropic, sigma: 1.0}
                schedule: {type: constant, peak: 0.05}
                record: {every: %d}
                """.formatted(steps, dimension, steps);
    }

    /** Batch size of the bigram benchmarks. */
    static final int BATCH = 256;

    /**
     * A bigram language model trained by SGD on minibatches of {@value #BATCH} pairs, on the synthetic data
     * of {@code examples/bigram/bigram-synthetic.yaml} scaled to V tokens (uniform token frequencies; half
     * the tokens deterministic, the rest uniform over 2, 4, 8 or 16 successors). {@code model} is the YAML
     * of the model block.
     */
    static String bigramSpec(int vocabulary, String model, int replicas, long steps) {
        return """
                name: bench-bigram
                seed: 1
                steps: %d
                replicas: %d
                landscape:
                  type: bigram
                  data:
                    type: synthetic
                    vocabulary: %d
                    frequencies: uniform
                    seed: 1
                    groups:
                      - {share: 0.5, kind: deterministic}
                      - {share: 0.125, kind: uniform, successors: 2}
                      - {share: 0.125, kind: uniform, successors: 4}
                      - {share: 0.125, kind: uniform, successors: 8}
                      - {share: 0.125, kind: uniform, successors: 16}
                  model: %s
                optimizer: {type: sgd}
                noise: {type: minibatch, batchSize: %d}
                schedule: {type: constant, peak: 1.0}
                record: {every: %d}
                """.formatted(steps, replicas, vocabulary, model, BATCH, steps);
    }

    /**
     * Training throughput in pairs/s of a bigram model: {@code steps} SGD steps per replica, one replica per
     * thread, each step as the engine takes it (the fused sparse step of the tabular model; the minibatch
     * gradient, the dense update and the finiteness check of the factored model), timed without the run's
     * fixed costs (data, model, and the recorded rows, whose exact population loss costs O(V^2) or O(V^2 k)
     * per row and would swamp the steps of a short run). The model, data and oracles are the spec's.
     */
    static Harness.Task bigram(int vocabulary, String model, int threads, long steps) {
        Run run = prepare(bigramSpec(vocabulary, model, threads, steps));
        Landscape landscape = run.landscape();
        Divergence stop = new Divergence(run.record().divergenceThreshold());
        double lr = run.schedule().lines().get(0).lr().at(0);
        Runnable[] replicas = new Runnable[threads];
        for (int r = 0; r < threads; r++) {
            GradientOracle oracle = run.noise().newOracle(landscape);
            Optimizer.State sgd = run.optimizer().newState(landscape.dimension());
            double[] x = run.start();
            double[] gradient = new double[x.length];
            Xoshiro256PlusPlus random = Xoshiro256PlusPlus.forReplica(run.seed(), r);
            replicas[r] = () -> {
                for (long t = 0; t < steps; t++) {
                    if (oracle instanceof FusedSgd fused) {
                        if (fused.sgdStep(x, lr, random)) {
                            throw new IllegalStateException("benchmark diverged");
                        }
                    } else {
                        oracle.gradient(x, gradient, random);
                        sgd.step(x, gradient, lr);
                        if (stop.stopsAt(x)) {
                            throw new IllegalStateException("benchmark diverged");
                        }
                    }
                }
            };
        }
        Runnable iteration = threads == 1 ? replicas[0] : () -> inParallel(replicas);
        return new Harness.Task("pairs", (double) steps * BATCH * threads, iteration);
    }

    private static void inParallel(Runnable[] tasks) {
        Thread[] running = new Thread[tasks.length];
        Throwable[] failure = new Throwable[1];
        for (int i = 0; i < tasks.length; i++) {
            running[i] = new Thread(tasks[i], "bench-" + i);
            running[i].setUncaughtExceptionHandler((t, e) -> failure[0] = e);
            running[i].start();
        }
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a benchmark thread failed", failure[0]);
        }
    }

    static Run prepare(String yaml) {
        SpecReader reader = SpecReader.instance();
        return Simulation.prepare(reader.bind(reader.readTree(yaml, "benchmark spec"), RunSpec.class));
    }

    /** Replica-steps one execution of {@code run} performs (every line, branches included). */
    static double replicaSteps(Run run) {
        long steps = 0;
        for (Line line : run.schedule().lines()) {
            steps += line.endStep() - line.forkStep();
        }
        return (double) steps * run.replicas();
    }

    /** Runs the whole simulation without observers (rows are still measured and merged). */
    static Harness.Task simulation(Run run, int threads) {
        return new Harness.Task("replica-steps", replicaSteps(run), () -> Simulation.execute(run, threads, List.of()));
    }

    static Harness.Task straightSgd(boolean quick, int threads) {
        return straightSgd(quick, threads, ISOTROPIC);
    }

    static Harness.Task straightSgd(boolean quick, int threads, String noise) {
        Run run = prepare(quick ? straightSpec(2, 2_000, 1_000, 100, noise) : straightSpec(2, 10_000, 3_000, 100, noise));
        return simulation(run, threads);
    }

    /** The same straight-valley workload on the engine's reference step loop (the fast path's baseline). */
    static Harness.Task straightSgdReference(boolean quick, int threads) {
        Run run = prepare(quick ? straightSpec(2, 2_000, 1_000, 100) : straightSpec(2, 10_000, 3_000, 100));
        return new Harness.Task("replica-steps", replicaSteps(run), () -> Simulation.executeReference(run, threads, List.of()));
    }

    static Harness.Task longTrajectory(boolean quick) {
        long steps = quick ? 1_000_000 : 10_000_000;
        return simulation(prepare(straightSpec(2, 1, steps, 1_000)), 1);
    }

    static Harness.Task rotated(boolean quick, int dimension) {
        return simulation(prepare(rotatedSpec(dimension, quick ? 100 : 1_000)), 1);
    }

    /** Top Hessian eigenvalue (Lanczos on Hessian-vector products) of the rotated valley at its start point. */
    static Harness.Task rotatedSharpness(int dimension) {
        Run run = prepare(rotatedSpec(dimension, 1));
        Landscape landscape = run.landscape();
        double[] x = run.start();
        double[] sink = new double[1];
        return new Harness.Task("sharpness", 1, () -> sink[0] += Sharpness.of(landscape, x));
    }
}
