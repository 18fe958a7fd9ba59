package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.TreeSet;

/**
 * Which steps of a line become trace rows, generated lazily so that a run recorded every step never
 * materialises its list of steps: multiples of {@code every} (on the global step grid, so a branch's
 * rows line up with its parent's), plus a small sorted set of extra steps: the line's first and last
 * step, phase boundaries, log-spaced steps, checkpoint steps and the steps where branches fork off.
 */
final class RecordPlan {

    private final long first;
    private final long last;
    private final long every;
    private final long[] extras;

    RecordPlan(Line line, Schedule schedule, RecordSpec record) {
        this.first = line.forkStep();
        this.last = line.endStep();
        this.every = record.every();
        TreeSet<Long> steps = new TreeSet<>();
        steps.add(first);
        steps.add(last);
        if (record.boundaries()) {
            for (Phase phase : line.phases()) {
                steps.add(phase.start());
                steps.add(phase.end());
            }
        }
        int k = record.logSpaced();
        if (k > 0 && last > 1) {
            double logLast = Math.log(last);
            for (int i = 0; i < k; i++) {
                long step = Math.round(Math.exp(logLast * i / Math.max(1, k - 1)));
                steps.add(step);
            }
        }
        for (Checkpoint checkpoint : schedule.checkpoints()) {
            if (checkpoint.line().equals(line.name())) {
                steps.add(checkpoint.step());
            }
        }
        for (Line child : schedule.lines()) {
            if (child.parent().isPresent() && child.parent().get().equals(line.name())) {
                steps.add(child.forkStep());
            }
        }
        steps.addAll(record.iterates());
        this.extras = steps.stream().filter(s -> s >= first && s <= last).mapToLong(Long::longValue).toArray();
    }

    /** The first recorded step (the line's start). */
    long first() {
        return first;
    }

    /** The recorded step after {@code step}, or -1 after the last one. */
    long next(long step) {
        if (step >= last) {
            return -1;
        }
        long grid = (step / every + 1) * every;
        long candidate = Math.min(grid, last);
        // extras are few (tens); a linear scan from a binary-search start keeps this simple and fast.
        int i = java.util.Arrays.binarySearch(extras, step + 1);
        if (i < 0) {
            i = -i - 1;
        }
        if (i < extras.length && extras[i] < candidate) {
            candidate = extras[i];
        }
        return candidate;
    }
}
