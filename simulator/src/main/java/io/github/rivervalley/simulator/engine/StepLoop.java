package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.noise.FusedSgd;
import io.github.rivervalley.simulator.noise.SparseRows;
import io.github.rivervalley.simulator.observe.Divergence;
import io.github.rivervalley.simulator.observe.HillProbe;
import io.github.rivervalley.simulator.optim.GradientDescent;

/**
 * The step loop: moves replicas through steps. {@link #advance} is the plain scalar reference path;
 * specialised loops replace it in {@link #advanceAll} where they apply, giving the same replica states to
 * the bit: {@link StraightValleySteps} (GD/SGD on axis-aligned linear hill frames: straight valleys) and
 * {@link #advanceSparse} (SGD with a sparse-row oracle, the bigram tabular model).
 */
final class StepLoop {

    private final Divergence stop;
    /** The specialised step loop for this run, or null: the reference loop {@link #advance} then. */
    private final StraightValleySteps fast;
    /** Whether plain SGD may use the touched rows of a sparse-row oracle ({@link #advanceSparse}). */
    private final boolean sparsePath;
    private final HillProbe probe;
    /** The learning rates of the current window, indexed from the window's first step. */
    private final double[] lrs;

    /** With ({@code fastPaths}) or without the specialised loops; {@code lrs} is the engine's window of rates. */
    StepLoop(Run run, Divergence stop, boolean fastPaths, HillProbe probe, double[] lrs) {
        this.stop = stop;
        this.fast = fastPaths ? StraightValleySteps.of(run, stop).orElse(null) : null;
        this.sparsePath = fastPaths && run.optimizer() instanceof GradientDescent;
        this.probe = probe;
        this.lrs = lrs;
    }

    /**
     * Updates steps {@code [fromStep, toStep)} of replicas {@code [from, to)} of one block: through the
     * specialised loop when the run has one ({@link StraightValleySteps}, which leaves every replica exactly
     * as the reference path does), else through the reference path.
     */
    void advanceAll(Replica[] replicas, int from, int to, long fromStep, long toStep, long lrBase, Worker worker) {
        if (fromStep >= toStep) {
            return;
        }
        if (fast != null) {
            fast.advanceBlock(replicas, from, to, fromStep, toStep, lrs, lrBase, worker.lanes, worker.gradient);
            return;
        }
        if (sparsePath && worker.oracle instanceof SparseRows rows) {
            for (int i = from; i < to; i++) {
                advanceSparse(replicas[i], fromStep, toStep, lrBase, worker, rows);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            advance(replicas[i], fromStep, toStep, lrBase, worker);
        }
    }

    /**
     * The reference loop for plain SGD with an oracle whose gradient is zero outside a few rows (bigram
     * tabular minibatches): the update and the finiteness check touch only those rows, and an oracle that
     * can ({@link FusedSgd}) computes each row's gradient and update in one go. For a rate that is
     * finite and >= 0 this is exactly the dense step ({@code x - lr * 0 == x}, bit for bit, as
     * {@link SparseRows} requires +0.0 outside the rows), and the untouched coordinates were finite already,
     * since the dense check passed at the previous step; any other rate takes the dense step.
     */
    private void advanceSparse(Replica replica, long from, long to, long lrBase, Worker worker, SparseRows rows) {
        if (replica.diverged || from >= to) {
            return;
        }
        double[] x = replica.x;
        double[] gradient = worker.gradient;
        FusedSgd fused = rows instanceof FusedSgd f ? f : null;
        for (long t = from; t < to; t++) {
            double lr = lrs[(int) (t - lrBase)];
            boolean usual = lr >= 0.0 && lr < Double.POSITIVE_INFINITY;
            boolean nonFinite;
            if (fused != null && usual) {
                nonFinite = fused.sgdStep(x, lr, replica.random); // its loss is NaN: nothing to check first
            } else {
                double loss = worker.oracle.gradient(x, gradient, replica.random);
                if (stop.stopsAtLoss(loss)) {
                    replica.diverge(t);
                    return;
                }
                nonFinite = usual ? sparseStep(x, gradient, lr, rows) : denseStep(replica, gradient, lr);
            }
            if (nonFinite) {
                replica.diverge(t + 1);
                return;
            }
            if (probe != null) {
                replica.observeDisplacement(probe.displacement(x));
            }
        }
    }

    private boolean denseStep(Replica replica, double[] gradient, double lr) {
        replica.state.step(replica.x, gradient, lr);
        return stop.stopsAt(replica.x);
    }

    /**
     * {@code x -= lr g} on the touched rows (the expression of {@link GradientDescent}); returns whether a
     * touched coordinate became non-finite. Four partial sums of {@code v * 0} (NaN exactly when some v is
     * not finite, whatever the order) keep the check off the critical path.
     */
    private static boolean sparseStep(double[] x, double[] gradient, double lr, SparseRows rows) {
        int length = rows.rowLength();
        double c0 = 0.0;
        double c1 = 0.0;
        double c2 = 0.0;
        double c3 = 0.0;
        for (int n = 0; n < rows.touchedRowCount(); n++) {
            int j = rows.touchedRow(n) * length;
            int end = j + length;
            for (; j + 3 < end; j += 4) {
                double v0 = x[j] - lr * gradient[j];
                double v1 = x[j + 1] - lr * gradient[j + 1];
                double v2 = x[j + 2] - lr * gradient[j + 2];
                double v3 = x[j + 3] - lr * gradient[j + 3];
                x[j] = v0;
                x[j + 1] = v1;
                x[j + 2] = v2;
                x[j + 3] = v3;
                c0 += v0 * 0.0;
                c1 += v1 * 0.0;
                c2 += v2 * 0.0;
                c3 += v3 * 0.0;
            }
            for (; j < end; j++) {
                double v = x[j] - lr * gradient[j];
                x[j] = v;
                c0 += v * 0.0;
            }
        }
        return Double.isNaN(c0 + c1 + c2 + c3);
    }

    /** The scalar reference step loop: updates {@code steps [from, to)} of one replica. */
    private void advance(Replica replica, long from, long to, long lrBase, Worker worker) {
        if (replica.diverged || from >= to) {
            return;
        }
        double[] x = replica.x;
        double[] gradient = worker.gradient;
        for (long t = from; t < to; t++) {
            double loss = worker.oracle.gradient(x, gradient, replica.random);
            if (stop.stopsAtLoss(loss)) {
                replica.diverge(t);
                return;
            }
            replica.state.step(x, gradient, lrs[(int) (t - lrBase)]);
            if (stop.stopsAt(x)) {
                replica.diverge(t + 1);
                return;
            }
            if (probe != null) {
                replica.observeDisplacement(probe.displacement(x));
            }
        }
    }
}
