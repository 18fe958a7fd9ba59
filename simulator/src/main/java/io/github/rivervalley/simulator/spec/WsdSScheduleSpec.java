package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.List;

/**
 * {@code type: wsd-s}: one line; decay k starts at {@code (1-p) B_k} plus the earlier decay lengths and
 * lasts {@code p B_k} steps, then the learning rate returns to the peak (after an optional linear
 * re-warmup from the floor that replaces the first {@code rewarmup} stable steps).
 *
 * @param peak peak learning rate (required, > 0)
 * @param warmup warmup steps (default 0; at most the first decay's start)
 * @param warmupShape {@code linear} (default), {@code cosine} or {@code 1-sqrt}
 * @param floor learning rate at the end of each decay as a fraction of the peak, in [0, 1] (default 0.1)
 * @param decayShape as for {@code wsd} (default {@code linear})
 * @param decayFraction the fraction {@code p} of each budget spent decaying, in (0, 1) (default 0.1)
 * @param budgets budgets, strictly increasing, the last equal to {@code steps} (default {@code [steps]})
 * @param rewarmup re-warmup steps after each decay but the last (default 0)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WsdSScheduleSpec(Double peak, Long warmup, WarmupShape warmupShape, Double floor, DecayShape decayShape,
        Double decayFraction, List<Long> budgets, Long rewarmup) implements ScheduleSpec {

    public WsdSScheduleSpec {
        peak = ScheduleFields.peak(peak);
        warmup = ScheduleFields.warmup(warmup);
        warmupShape = ScheduleFields.warmupShape(warmupShape);
        decayShape = ScheduleFields.decayShape(decayShape);
        floor = ScheduleFields.floor(floor, decayShape);
        decayFraction = ScheduleFields.decayFraction(decayFraction);
        budgets = Budgets.check(budgets);
        rewarmup = ScheduleFields.rewarmup(rewarmup);
    }

    @Override
    public Schedule build(long steps) {
        return Schedules.wsdS(peak, warmup, warmupShape, decayFraction, floor, decayShape, rewarmup, Budgets.resolve(budgets, steps));
    }
}
