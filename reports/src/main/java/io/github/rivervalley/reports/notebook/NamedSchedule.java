package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.ScheduleFamily;
import java.util.List;

/**
 * A schedule from the notebook factories that remembers how it was made, so jshell prints one readable
 * line. The family, lines and checkpoints are those of the wrapped schedule, unchanged.
 *
 * @param description the factory call in words, e.g. {@code wsd(peak=0.1, budgets=[2000], p=0.1)}
 * @param schedule the schedule built by {@code Schedules}
 */
public record NamedSchedule(String description, Schedule schedule) implements Schedule {

    public NamedSchedule {
        if (description == null || schedule == null) {
            throw new IllegalArgumentException("description and schedule must be present");
        }
    }

    @Override
    public ScheduleFamily family() {
        return schedule.family();
    }

    @Override
    public double peak() {
        return schedule.peak();
    }

    @Override
    public List<Line> lines() {
        return schedule.lines();
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return schedule.checkpoints();
    }

    /** The last step of any line: how many steps a run of this schedule takes. */
    public long steps() {
        long steps = 0;
        for (Line line : lines()) {
            steps = Math.max(steps, line.endStep());
        }
        return steps;
    }

    @Override
    public String toString() {
        return description + ": " + lines().size() + (lines().size() == 1 ? " line, " : " lines, ") + steps() + " steps, compute "
                + totalCompute();
    }
}
