package io.github.rivervalley.simulator.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A learning-rate schedule together with the training lines it implies.
 *
 * <p>A schedule is a pure, immutable function of the step and safe to share between threads. Most
 * schedules train one line; WSD with several checkpoint budgets trains a constant main line plus one
 * decay branch per budget, each forked from the main line (docs/science.md section 5); cosine with several
 * budgets trains one independent line per budget. The simulator runs exactly the lines listed here.
 *
 * <p>Step convention: step {@code t} (0-based) is the update that turns {@code x_t} into
 * {@code x_{t+1}}, and {@code lr(t)} is the learning rate of that update.
 */
public interface Schedule {

    /** The family this schedule was built as ({@link ScheduleFamily#CUSTOM} for hand-made lines). */
    ScheduleFamily family();

    /** The peak learning rate {@code eta_max}. */
    double peak();

    /** The lines to train, parents before their branches (the first line is the root, usually {@code main}). */
    List<Line> lines();

    /** One checkpoint per budget, in increasing budget order. */
    List<Checkpoint> checkpoints();

    /** The line with the given name. */
    default Line line(String name) {
        for (Line line : lines()) {
            if (line.name().equals(name)) {
                return line;
            }
        }
        throw new IllegalArgumentException("no line named '" + name + "'; lines are " + lines().stream().map(Line::name).toList());
    }

    /**
     * The rate shown on a trace row of {@code line} at {@code step}: that of the update that produced the
     * state (for step 0, of the first update). A branch's first rows were produced by an ancestor's
     * updates, so they show the ancestor's rate, exactly like the ancestor's row at that step.
     */
    default double rowRate(Line line, long step) {
        long update = step == 0 ? 0 : step - 1;
        Line owner = line;
        while (update < owner.forkStep() && owner.parent().isPresent()) {
            owner = line(owner.parent().get());
        }
        return owner.lr().at(update);
    }

    /**
     * The phase of update {@code update} as {@code line} sees it: its own phase there, or, before its fork,
     * that of the ancestor that trained the update. Empty past the line's end.
     */
    default Optional<Phase> phaseOf(String line, long update) {
        Line owner = line(line);
        while (true) {
            Optional<Phase> phase = owner.phaseAt(update);
            if (phase.isPresent() || owner.parent().isEmpty() || update >= owner.forkStep()) {
                return phase;
            }
            owner = line(owner.parent().get());
        }
    }

    /**
     * Every phase the states of {@code line} went through, in step order: its ancestors' phases up to its
     * fork (the one that straddles the fork cut short there), then its own.
     */
    default List<Phase> phasesOf(String line) {
        Line own = line(line);
        List<Phase> out = new ArrayList<>();
        if (own.parent().isPresent()) {
            for (Phase phase : phasesOf(own.parent().get())) {
                if (phase.start() < own.forkStep()) {
                    out.add(phase.end() <= own.forkStep() ? phase : new Phase(phase.kind(), phase.start(), own.forkStep()));
                }
            }
        }
        out.addAll(own.phases());
        return out;
    }

    /**
     * The phases of one kind over every line's own steps, lines in schedule order: WSD's decays are one
     * per branch, WSD-S's all on {@code main}, cyclic cosine's restarts are its re-warmups.
     */
    default List<Phase> phases(Phase.Kind kind) {
        List<Phase> out = new ArrayList<>();
        for (Line line : lines()) {
            for (Phase phase : line.phases()) {
                if (phase.kind() == kind) {
                    out.add(phase);
                }
            }
        }
        return out;
    }

    /** Total optimizer steps over all lines: what the whole schedule costs. */
    default long totalCompute() {
        long total = 0;
        for (Line line : lines()) {
            total += line.length();
        }
        return total;
    }
}
