package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.List;

/**
 * {@code type: wsd}: a main line at the peak after warmup, and one decay branch per budget forked at
 * {@code (1-p) B_k} and decayed over {@code p B_k} steps (rounded with {@code Math.round}) to the floor.
 *
 * @param peak peak learning rate (required, > 0)
 * @param warmup warmup steps (default 0; at most the first decay's start)
 * @param warmupShape {@code linear} (default), {@code cosine} or {@code 1-sqrt}
 * @param floor final learning rate as a fraction of the peak, in [0, 1] (default 0.1)
 * @param decayShape {@code linear} (default), {@code cosine}, {@code 1-sqrt}, {@code 1-square},
 *     {@code inverse-proportional}, {@code exponential}
 * @param decayFraction the fraction {@code p} of each budget spent decaying, in (0, 1) (default 0.1)
 * @param budgets budgets, strictly increasing, the last equal to {@code steps} (default {@code [steps]})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WsdScheduleSpec(Double peak, Long warmup, WarmupShape warmupShape, Double floor, DecayShape decayShape,
        Double decayFraction, List<Long> budgets) implements ScheduleSpec {

    public WsdScheduleSpec {
        peak = ScheduleFields.peak(peak);
        warmup = ScheduleFields.warmup(warmup);
        warmupShape = ScheduleFields.warmupShape(warmupShape);
        decayShape = ScheduleFields.decayShape(decayShape);
        floor = ScheduleFields.floor(floor, decayShape);
        decayFraction = ScheduleFields.decayFraction(decayFraction);
        budgets = Budgets.check(budgets);
    }

    @Override
    public Schedule build(long steps) {
        return Schedules.wsd(peak, warmup, warmupShape, decayFraction, floor, decayShape, Budgets.resolve(budgets, steps));
    }
}
