package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Arrays;

/**
 * A run spec: the YAML file {@code rivervalley run} reads. Top-level keys {@code name}, {@code seed},
 * {@code steps}, {@code replicas}, {@code landscape}, {@code start}, {@code optimizer}, {@code noise},
 * {@code schedule}, {@code record}, {@code flow}. Field-level checks happen here; checks that need the
 * built landscape and schedule (start length, fork steps) happen in {@code Simulation.prepare}.
 *
 * @param name run name, used as the output directory: letters, digits, '.', '_' and '-'
 * @param seed run seed (default 0)
 * @param steps the run length (the schedule's budget), >= 1
 * @param replicas independent noise realisations (default 1), or {@link Replicas#EXPECTED} ({@code expected}
 *     in YAML): an expected-value run of the moment engine only
 * @param landscape the loss
 * @param start start point (default: the landscape's default start, on the river at coordinate 0)
 * @param optimizer the optimizer
 * @param noise gradient noise (default none)
 * @param schedule learning rates and lines
 * @param record what to record (defaults: see {@link RecordSpec})
 * @param flow whether to add the gradient-flow reference line {@code flow} (default false)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "seed", "steps", "replicas", "landscape", "start", "optimizer", "noise", "schedule", "record", "flow"})
public record RunSpec(
        String name,
        Long seed,
        Long steps,
        @JsonDeserialize(using = Replicas.Reader.class) @JsonSerialize(using = Replicas.Writer.class) Integer replicas,
        LandscapeSpec landscape,
        double[] start,
        OptimizerSpec optimizer,
        NoiseSpec noise,
        ScheduleSpec schedule,
        RecordSpec record,
        Boolean flow) {

    public RunSpec {
        Check.present("name", name);
        Names.check("name", name, "it names the output directory");
        Check.present("steps", steps);
        Check.positive("steps", steps);
        if (replicas != null && replicas != Replicas.EXPECTED && replicas < 1) {
            throw new InvalidValueException("replicas", replicas, Replicas.ALLOWED);
        }
        Check.present("landscape", landscape);
        Check.present("optimizer", optimizer);
        Check.present("schedule", schedule);
        if (start != null) {
            start = start.clone();
            for (int i = 0; i < start.length; i++) {
                Check.finite("start[" + i + "]", start[i]);
            }
        }
    }

    /** The spec with every default written out (what {@code spec.yaml} holds). */
    public RunSpec resolved() {
        return new RunSpec(name, seed == null ? 0L : seed, steps, replicas == null ? 1 : replicas, landscape, start,
                optimizer.resolved(), noise == null ? new NoiseSpec.None() : noise, schedule,
                (record == null ? RecordSpec.defaults() : record).resolved(steps), flow != null && flow);
    }

    /** Whether this is an expected-value run ({@code replicas: expected}): the moment engine only. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isExpected() {
        return replicas != null && replicas == Replicas.EXPECTED;
    }

    /** The same spec with another name (sweeps name their points). */
    public RunSpec withName(String value) {
        return new RunSpec(value, seed, steps, replicas, landscape, start, optimizer, noise, schedule, record, flow);
    }

    /** The same spec with another seed. */
    public RunSpec withSeed(long value) {
        return new RunSpec(name, value, steps, replicas, landscape, start, optimizer, noise, schedule, record, flow);
    }

    @Override
    public double[] start() {
        return start == null ? null : start.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunSpec r && name.equals(r.name) && java.util.Objects.equals(seed, r.seed)
                && steps.equals(r.steps) && java.util.Objects.equals(replicas, r.replicas)
                && landscape.equals(r.landscape) && Arrays.equals(start, r.start) && optimizer.equals(r.optimizer)
                && java.util.Objects.equals(noise, r.noise) && schedule.equals(r.schedule)
                && java.util.Objects.equals(record, r.record) && java.util.Objects.equals(flow, r.flow);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, seed, steps, replicas, landscape, Arrays.hashCode(start), optimizer, noise, schedule, record, flow);
    }

    @Override
    public String toString() {
        return "RunSpec[" + name + ", steps=" + steps + ", replicas=" + replicas + ", landscape=" + landscape
                + ", optimizer=" + optimizer + ", noise=" + noise + ", schedule=" + schedule + "]";
    }
}
