package io.github.rivervalley.simulator.observe;

/**
 * Decides, step by step, whether a replica must stop (an event detector that returns STOP). Checked on
 * the loss the gradient oracle reports at every step (NaN when the oracle does not know it) and on the
 * iterate after every update.
 */
public interface StopCondition {

    /** Whether a replica whose loss at the current step is {@code loss} must stop. NaN means "unknown". */
    boolean stopsAtLoss(double loss);

    /** Whether a replica at iterate {@code x} must stop. */
    boolean stopsAt(double[] x);
}
