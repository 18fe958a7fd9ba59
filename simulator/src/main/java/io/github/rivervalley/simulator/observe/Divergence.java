package io.github.rivervalley.simulator.observe;

import io.github.rivervalley.landscapes.check.Check;

/**
 * The divergence stop condition: a replica has diverged when its loss is infinite or above
 * {@code threshold}, or when its iterate holds a non-finite coordinate. A diverged replica stops, keeps
 * counting in the {@code diverged} column and is left out of every mean from then on; a run whose
 * replicas all diverge still completes.
 *
 * @param threshold loss above which a replica counts as diverged
 */
public record Divergence(double threshold) implements StopCondition {

    public Divergence {
        Check.positive("divergenceThreshold", threshold);
    }

    @Override
    public boolean stopsAtLoss(double loss) {
        // NaN means the oracle did not compute the loss; a non-finite iterate is caught by stopsAt.
        return loss > threshold || loss == Double.NEGATIVE_INFINITY;
    }

    /**
     * NaN or infinite coordinates make a sum of {@code v * 0} NaN; finite ones keep it 0. Eight independent
     * sums, since one running sum waits for each add in turn (measured 2.6 cycles per coordinate, against 1.5
     * for eight; about 5% of a factored bigram step at V = 8192). The answer does not depend on the order.
     */
    @Override
    public boolean stopsAt(double[] x) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        int i = 0;
        for (; i + 8 <= x.length; i += 8) {
            s0 += x[i] * 0.0;
            s1 += x[i + 1] * 0.0;
            s2 += x[i + 2] * 0.0;
            s3 += x[i + 3] * 0.0;
            s4 += x[i + 4] * 0.0;
            s5 += x[i + 5] * 0.0;
            s6 += x[i + 6] * 0.0;
            s7 += x[i + 7] * 0.0;
        }
        for (; i < x.length; i++) {
            s0 += x[i] * 0.0;
        }
        return Double.isNaN(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
    }
}
