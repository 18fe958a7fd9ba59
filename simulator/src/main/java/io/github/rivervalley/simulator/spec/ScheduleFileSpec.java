package io.github.rivervalley.simulator.spec;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.Schedule;

/**
 * A schedule spec file ({@code rivervalley schedule SPEC.yaml}): the run length and a schedule block,
 * nothing else. Validated completely when read: the schedule is built once to check that it fits.
 *
 * @param steps the run length (the largest budget; a piecewise schedule's longest line)
 * @param schedule the schedule block
 */
public record ScheduleFileSpec(Long steps, ScheduleSpec schedule) {

    public ScheduleFileSpec {
        Check.positive("steps", Check.present("steps", steps));
        Check.present("schedule", schedule);
        build(steps, schedule);
    }

    /** The schedule this file describes. */
    public Schedule build() {
        return build(steps, schedule);
    }

    private static Schedule build(long steps, ScheduleSpec schedule) {
        try {
            return schedule.build(steps);
        } catch (InvalidValueException e) {
            throw e.under("schedule");
        }
    }
}
