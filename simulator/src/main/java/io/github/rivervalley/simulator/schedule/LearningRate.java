package io.github.rivervalley.simulator.schedule;

/** The learning rate of one line as a pure function of the (global, 0-based) step. */
@FunctionalInterface
public interface LearningRate {

    /** The learning rate of update {@code step}. */
    double at(long step);

    /**
     * Writes {@code at(from + i)} into {@code out[i]} for {@code i < count}. Step loops fill a block of
     * rates at once so that the per-step cost is an array read; implementations may override this with
     * a faster equivalent that gives the same bits.
     */
    default void fill(long from, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = at(from + i);
        }
    }
}
