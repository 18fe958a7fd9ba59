package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.List;
import java.util.Optional;

/**
 * One training line: the steps {@code [forkStep, endStep)} trained with {@link #lr()}.
 *
 * <p>A root line ({@code parent} empty) starts from the run's start point at {@code forkStep} (always 0
 * for roots). A branch starts from its parent's exact state after {@code forkStep} updates (iterate,
 * optimizer state and random stream) and trains its own steps from there; steps before
 * {@code forkStep} it shares with the parent. {@code phases} tile {@code [forkStep, endStep)}.
 *
 * @param name {@code main}, a branch name such as {@code branch-12500}, or a run name such as {@code cosine-25000}
 * @param parent the line this one forks from, or empty for a root line
 * @param forkStep first step this line trains itself
 * @param endStep one past the last step of this line
 * @param lr learning rate as a function of the global step
 * @param phases the phases of this line's own steps, in order, without gaps
 */
public record Line(String name, Optional<String> parent, long forkStep, long endStep, LearningRate lr, List<Phase> phases) {

    /** The name of the root line of single-line and WSD schedules. */
    public static final String MAIN = "main";

    public Line {
        Check.present("name", name);
        Check.present("parent", parent);
        Check.present("lr", lr);
        Check.nonNegative("forkStep", forkStep);
        if (endStep <= forkStep) {
            throw new InvalidValueException("endStep", endStep, "a step after forkStep (" + forkStep + ")");
        }
        if (parent.isEmpty() && forkStep != 0) {
            throw new InvalidValueException("forkStep", forkStep, "0 for a line without a parent");
        }
        phases = List.copyOf(phases);
        long expected = forkStep;
        for (Phase phase : phases) {
            if (phase.start() != expected) {
                throw new InvalidValueException("phases", phase, "phases that tile [" + forkStep + ", " + endStep + ") without gaps or overlaps");
            }
            expected = phase.end();
        }
        if (!phases.isEmpty() && expected != endStep) {
            throw new InvalidValueException("phases", "phases ending at " + expected, "phases that end at endStep " + endStep);
        }
    }

    /** Number of steps this line trains itself: its compute cost. */
    public long length() {
        return endStep - forkStep;
    }

    /** Whether this line is a root (no parent). */
    public boolean isRoot() {
        return parent.isEmpty();
    }

    /** The phase containing {@code step}, if the step belongs to this line. */
    public Optional<Phase> phaseAt(long step) {
        for (Phase phase : phases) {
            if (phase.contains(step)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
