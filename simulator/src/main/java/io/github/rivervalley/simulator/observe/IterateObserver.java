package io.github.rivervalley.simulator.observe;

import io.github.rivervalley.simulator.results.StepObserver;

/**
 * A {@link StepObserver} that also receives the iterates themselves at the steps listed in
 * {@code record.iterates}: replica 0's point and the mean point of the replicas that have not diverged.
 */
public interface IterateObserver extends StepObserver {

    /**
     * The iterates of {@code line} at {@code step} (after {@code step} updates). The arrays are the
     * observer's to keep.
     *
     * @param replica0 replica 0's point, or {@code null} once it has diverged
     * @param mean the mean over the {@code alive} replicas that have not diverged, or {@code null} if none
     */
    void handleIterates(String line, long step, double[] replica0, double[] mean, int alive);

    @Override
    default void handleStep(io.github.rivervalley.simulator.results.TraceRow row) {
    }
}
