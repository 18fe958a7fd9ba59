package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.List;

/**
 * {@code type: cyclic-cosine}: one line of cosine cycles from the peak to the floor; cycle k ends where
 * WSD-S's decay k ends (so both spend the same compute), and each cycle after the first starts with a
 * linear re-warmup of {@code rewarmup} steps from the floor.
 *
 * @param peak peak learning rate (required, > 0)
 * @param warmup warmup steps before the first cycle (default 0)
 * @param warmupShape {@code linear} (default), {@code cosine} or {@code 1-sqrt}
 * @param floor learning rate at the end of each cycle as a fraction of the peak, in [0, 1] (default 0.1)
 * @param decayFraction WSD-S's {@code p}, which places the cycle ends, in (0, 1) (default 0.1)
 * @param budgets budgets, strictly increasing, the last equal to {@code steps} (default {@code [steps]})
 * @param rewarmup re-warmup steps at the start of each cycle after the first (default 0)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CyclicCosineScheduleSpec(Double peak, Long warmup, WarmupShape warmupShape, Double floor, Double decayFraction,
        List<Long> budgets, Long rewarmup) implements ScheduleSpec {

    public CyclicCosineScheduleSpec {
        peak = ScheduleFields.peak(peak);
        warmup = ScheduleFields.warmup(warmup);
        warmupShape = ScheduleFields.warmupShape(warmupShape);
        floor = ScheduleFields.floor(floor, DecayShape.COSINE);
        decayFraction = ScheduleFields.decayFraction(decayFraction);
        budgets = Budgets.check(budgets);
        rewarmup = ScheduleFields.rewarmup(rewarmup);
    }

    @Override
    public Schedule build(long steps) {
        return Schedules.cyclicCosine(peak, warmup, warmupShape, decayFraction, floor, rewarmup, Budgets.resolve(budgets, steps));
    }
}
