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

    @Override
    public boolean stopsAt(double[] x) {
        double sum = 0.0;
        for (double v : x) {
            sum += v * 0.0; // NaN or infinite coordinates make the sum NaN; finite ones keep it 0
        }
        return Double.isNaN(sum);
    }
}
