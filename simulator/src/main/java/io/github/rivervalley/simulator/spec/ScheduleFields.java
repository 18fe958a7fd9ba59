package io.github.rivervalley.simulator.spec;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;

/**
 * The fields the named schedule specs share, with their defaults and checks, so that {@code peak} or
 * {@code floor} mean the same in every type. Each method takes the value as read (null: not given).
 * Budgets have their own holder, {@link Budgets}.
 */
final class ScheduleFields {

    private ScheduleFields() {
    }

    /** {@code peak}: required, > 0. */
    static double peak(Double peak) {
        return Check.positive("peak", Check.present("peak", peak));
    }

    /** {@code warmup}: steps, >= 0, default 0. */
    static long warmup(Long warmup) {
        return Check.nonNegative("warmup", warmup == null ? 0L : warmup);
    }

    /** {@code warmupShape}: default linear. */
    static WarmupShape warmupShape(WarmupShape warmupShape) {
        return warmupShape == null ? WarmupShape.LINEAR : warmupShape;
    }

    /** {@code decayShape}: default linear. */
    static DecayShape decayShape(DecayShape decayShape) {
        return decayShape == null ? DecayShape.LINEAR : decayShape;
    }

    /** {@code floor}: a fraction of the peak in [0, 1] (above 0 where the decay shape needs it), default the paper's. */
    static double floor(Double floor, DecayShape decayShape) {
        return Schedules.checkFloor(floor == null ? Schedules.PAPER_FLOOR : floor, decayShape);
    }

    /** {@code decayFraction}: in (0, 1), default the paper's. */
    static double decayFraction(Double decayFraction) {
        double p = decayFraction == null ? Schedules.PAPER_DECAY_FRACTION : decayFraction;
        Schedules.decayLengths(p, new long[0]);
        return p;
    }

    /** {@code rewarmup}: steps, >= 0, default 0. */
    static long rewarmup(Long rewarmup) {
        return Check.nonNegative("rewarmup", rewarmup == null ? 0L : rewarmup);
    }
}
