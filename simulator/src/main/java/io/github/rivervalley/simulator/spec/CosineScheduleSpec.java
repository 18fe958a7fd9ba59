package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.List;

/**
 * {@code type: cosine}: warmup, then a cosine decay to {@code floor} over the rest of each budget; one
 * independent run per budget.
 *
 * @param peak peak learning rate (required, > 0)
 * @param warmup warmup steps (default 0; less than the first budget)
 * @param warmupShape {@code linear} (default), {@code cosine} or {@code 1-sqrt}
 * @param floor final learning rate as a fraction of the peak, in [0, 1] (default 0.1)
 * @param budgets budgets, strictly increasing, the last equal to {@code steps} (default {@code [steps]})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CosineScheduleSpec(Double peak, Long warmup, WarmupShape warmupShape, Double floor, List<Long> budgets)
        implements ScheduleSpec {

    public CosineScheduleSpec {
        peak = ScheduleFields.peak(peak);
        warmup = ScheduleFields.warmup(warmup);
        warmupShape = ScheduleFields.warmupShape(warmupShape);
        floor = ScheduleFields.floor(floor, DecayShape.COSINE);
        budgets = Budgets.check(budgets);
    }

    @Override
    public Schedule build(long steps) {
        return Schedules.cosine(peak, warmup, warmupShape, floor, Budgets.resolve(budgets, steps));
    }
}
