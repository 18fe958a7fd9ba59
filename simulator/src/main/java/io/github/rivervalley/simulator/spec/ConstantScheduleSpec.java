package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.List;

/**
 * {@code type: constant}: warmup, then the peak to the end of the run.
 *
 * @param peak peak learning rate (required, > 0)
 * @param warmup warmup steps (default 0)
 * @param warmupShape {@code linear} (default), {@code cosine} or {@code 1-sqrt}
 * @param budgets checkpoint budgets, strictly increasing, the last equal to {@code steps} (default {@code [steps]})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConstantScheduleSpec(Double peak, Long warmup, WarmupShape warmupShape, List<Long> budgets) implements ScheduleSpec {

    public ConstantScheduleSpec {
        peak = ScheduleFields.peak(peak);
        warmup = ScheduleFields.warmup(warmup);
        warmupShape = ScheduleFields.warmupShape(warmupShape);
        budgets = Budgets.check(budgets);
    }

    @Override
    public Schedule build(long steps) {
        return Schedules.constant(peak, warmup, warmupShape, Budgets.resolve(budgets, steps));
    }
}
