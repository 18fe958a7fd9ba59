package io.github.rivervalley.simulator.schedule;

import java.util.List;

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

    /** Total optimizer steps over all lines: what the whole schedule costs. */
    default long totalCompute() {
        long total = 0;
        for (Line line : lines()) {
            total += line.length();
        }
        return total;
    }
}
