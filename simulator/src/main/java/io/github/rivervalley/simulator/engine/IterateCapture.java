package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.observe.IterateObserver;
import io.github.rivervalley.simulator.results.StepObserver;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hands the iterates at the steps of {@code record.iterates} to the {@link IterateObserver}s: replica 0's
 * point and the mean of the replicas alive there, summed in replica order (so the same bits at any thread
 * count). The engine ends a window at each such step, so the replicas hold exactly that step's state.
 */
final class IterateCapture {

    private final Set<Long> steps;

    IterateCapture(List<Long> steps) {
        this.steps = new TreeSet<>(steps);
    }

    boolean isCaptured(long step) {
        return steps.contains(step);
    }

    void capture(String line, long step, Replica[] replicas, List<StepObserver> observers) {
        if (!steps.contains(step) || observers.stream().noneMatch(o -> o instanceof IterateObserver)) {
            return;
        }
        int d = replicas[0].x.length;
        double[] sum = new double[d];
        int alive = 0;
        for (Replica replica : replicas) {
            if (!replica.diverged) {
                for (int j = 0; j < d; j++) {
                    sum[j] += replica.x[j];
                }
                alive++;
            }
        }
        double[] mean = null;
        if (alive > 0) {
            mean = sum;
            for (int j = 0; j < d; j++) {
                mean[j] /= alive;
            }
        }
        double[] first = replicas[0].diverged ? null : replicas[0].x;
        for (StepObserver observer : observers) {
            if (observer instanceof IterateObserver sink) {
                sink.handleIterates(line, step, first == null ? null : first.clone(), mean == null ? null : mean.clone(), alive);
            }
        }
    }
}
