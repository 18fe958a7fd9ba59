package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;

/**
 * The complete state of one replica: iterate, optimizer state, random stream, divergence, and the
 * oscillation tally of the current recording window. {@link #copy()} is a fork: the copy continues
 * exactly as the original would.
 */
final class Replica {

    final double[] x;
    final Optimizer.State state;
    final Xoshiro256PlusPlus random;
    boolean diverged;
    /** Step at which the replica diverged, or -1. */
    long divergedAt = -1;
    /** Last non-zero hill displacement seen (its sign is what crossings compare against), 0 if none yet. */
    double lastDisplacement;
    /** Sign changes of the hill displacement since the last recorded row. */
    int crossings;
    /** Largest |hill displacement| since the last recorded row. */
    double amplitude;

    Replica(double[] x, Optimizer.State state, Xoshiro256PlusPlus random) {
        this.x = x;
        this.state = state;
        this.random = random;
    }

    Replica copy() {
        Replica c = new Replica(x.clone(), state.copy(), random.copy());
        c.diverged = diverged;
        c.divergedAt = divergedAt;
        c.lastDisplacement = lastDisplacement;
        c.crossings = crossings;
        c.amplitude = amplitude;
        return c;
    }

    void diverge(long step) {
        diverged = true;
        divergedAt = step;
    }

    /** Tallies a new hill displacement reading. */
    void observeDisplacement(double displacement) {
        if (displacement != 0.0) {
            if (lastDisplacement != 0.0 && (displacement > 0.0) != (lastDisplacement > 0.0)) {
                crossings++;
            }
            lastDisplacement = displacement;
        }
        double magnitude = Math.abs(displacement);
        if (magnitude > amplitude) {
            amplitude = magnitude;
        }
    }
}
