package io.github.rivervalley.simulator.spec;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.Schedule;

/**
 * A schedule spec file ({@code rivervalley schedule SPEC.yaml}): the run length and a schedule block,
 * nothing else. Its fields are checked when read; whether the schedule fits the run length is checked
 * when it is built ({@link #build()}, once: the check and the schedule are the same work).
 *
 * @param steps the run length (the largest budget; a piecewise schedule's longest line)
 * @param schedule the schedule block
 */
public record ScheduleFileSpec(Long steps, ScheduleSpec schedule) {

    public ScheduleFileSpec {
        Check.positive("steps", Check.present("steps", steps));
        Check.present("schedule", schedule);
    }

    /**
     * The schedule this file describes.
     *
     * @throws SpecException naming the field under {@code schedule} when the block does not fit the run
     *     length (e.g. a warmup longer than {@code steps}), as reading the file reports its other errors
     */
    public Schedule build() {
        try {
            return schedule.build(steps);
        } catch (InvalidValueException e) {
            InvalidValueException under = e.under("schedule");
            throw new SpecException(under.field(), under.reason(), under);
        }
    }
}
