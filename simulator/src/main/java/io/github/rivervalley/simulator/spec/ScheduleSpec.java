package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.simulator.schedule.Schedule;

/**
 * The {@code schedule} block of a spec, chosen by its {@code type}. Subtypes are validated records;
 * {@link #build(long)} checks what depends on the run length and returns the immutable schedule.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConstantScheduleSpec.class, name = "constant"),
    @JsonSubTypes.Type(value = CosineScheduleSpec.class, name = "cosine"),
    @JsonSubTypes.Type(value = WsdScheduleSpec.class, name = "wsd"),
    @JsonSubTypes.Type(value = WsdSScheduleSpec.class, name = "wsd-s"),
    @JsonSubTypes.Type(value = CyclicCosineScheduleSpec.class, name = "cyclic-cosine"),
    @JsonSubTypes.Type(value = PiecewiseScheduleSpec.class, name = "piecewise")
})
public interface ScheduleSpec {

    /**
     * The schedule for a run of {@code steps} steps (the spec's top-level {@code steps}).
     *
     * @throws io.github.rivervalley.landscapes.check.InvalidValueException naming the field (relative to
     *     the schedule block) when the block does not fit the run, e.g. a warmup longer than the run
     */
    Schedule build(long steps);
}
