package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.simulator.schedule.Line;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks a schedule's lines in order, one line at a time, advancing the moments to whatever step is asked
 * next: the lock-step companion of a simulation that streams its rows (the simulator fills its theory
 * columns from one). Lines must be started in schedule order (parents before branches) and steps asked in
 * increasing order within a line; passing a branch's fork step keeps a copy of the moments for it.
 */
public final class MomentCursor {

    private final MomentEngine engine;
    private final Map<String, Map<Long, MomentState>> snapshots = new HashMap<>();
    private Line line;
    private MomentState state;
    private long step;
    private long[] forkSteps;
    private int nextFork;
    private Map<Long, MomentState> mine;

    MomentCursor(MomentEngine engine) {
        this.engine = engine;
    }

    /** Starts {@code line} at its fork step (first finishing the current line, so its forks are all kept). */
    public void start(Line next) {
        if (line != null) {
            advanceTo(line.endStep());
        }
        MomentState from;
        if (next.isRoot()) {
            from = MomentState.start(engine.system());
        } else {
            Map<Long, MomentState> parent = snapshots.get(next.parent().get());
            MomentState snapshot = parent == null ? null : parent.get(next.forkStep());
            if (snapshot == null) {
                throw new IllegalStateException("line " + next.name() + " started before its parent "
                        + next.parent().get() + " reached step " + next.forkStep());
            }
            from = snapshot.copy();
        }
        line = next;
        state = from;
        step = next.forkStep();
        forkSteps = engine.forkSteps(next);
        nextFork = 0;
        mine = new HashMap<>();
        snapshots.put(next.name(), mine);
        keepForks();
    }

    /** The current line. */
    public Line line() {
        return line;
    }

    /** Advances the current line to {@code target} (at least the current step, at most the line's end). */
    public MomentState advanceTo(long target) {
        if (target < step || target > line.endStep()) {
            throw new IllegalArgumentException("step " + target + " of line " + line.name() + ": expected a step in ["
                    + step + ", " + line.endStep() + "]");
        }
        while (step < target) {
            long stop = nextFork < forkSteps.length ? Math.min(target, forkSteps[nextFork]) : target;
            engine.propagate(line, state, step, stop);
            step = stop;
            keepForks();
        }
        return state;
    }

    /** The expected values at {@code target} on the current line (advancing to it). */
    public ExpectedRow rowAt(long target) {
        return engine.row(line, target, advanceTo(target));
    }

    private void keepForks() {
        while (nextFork < forkSteps.length && forkSteps[nextFork] == step) {
            mine.put(step, state.copy());
            nextFork++;
        }
    }
}
