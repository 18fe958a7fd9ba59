package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.noise.NoNoise;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * Everything a simulation needs, as built objects: landscape, optimizer, noise, schedule, start point,
 * seed, replicas and what to record. A run spec becomes one through {@link Simulation#prepare}; code and
 * notebooks can build one directly with {@link #of} and the {@code with...} methods.
 *
 * @param name run name (output directory name)
 * @param landscape the loss
 * @param optimizer hyperparameters
 * @param noise gradient noise
 * @param schedule learning rates and lines
 * @param start start point (copied; length = dimension)
 * @param seed run seed; replica r's stream is seeded from (seed, r)
 * @param steps the spec's {@code steps} (defaults of the record block depend on it)
 * @param replicas independent noise realisations, >= 1
 * @param record what to record, with every default filled in
 * @param flow whether to add the gradient-flow reference line
 */
public record Run(
        String name,
        Landscape landscape,
        Optimizer optimizer,
        NoiseModel noise,
        Schedule schedule,
        double[] start,
        long seed,
        long steps,
        int replicas,
        RecordSpec record,
        boolean flow) {

    public Run {
        Check.present("name", name);
        Check.present("landscape", landscape);
        Check.present("optimizer", optimizer);
        Check.present("noise", noise);
        Check.present("schedule", schedule);
        start = Check.point("start", Check.present("start", start), landscape.dimension()).clone();
        Check.positive("steps", steps);
        Check.positive("replicas", replicas);
        Check.present("record", record);
        if (record.every() == null || record.logSpaced() == null || record.boundaries() == null
                || record.sharpnessEvery() == null || record.preconditionedSharpness() == null
                || record.divergenceThreshold() == null || record.path() == null) {
            throw new InvalidValueException("record", record, "a record block with every default filled in (RecordSpec.resolved)");
        }
        checkLines(schedule);
        if (flow && schedule.lines().stream().anyMatch(l -> l.name().equals(io.github.rivervalley.simulator.flow.GradientFlow.LINE))) {
            throw new InvalidValueException("flow", true, "false when the schedule has a line named 'flow'");
        }
    }

    /** A GD run of one replica, seed 0, on the landscape's default start, recording with defaults. */
    public static Run of(String name, Landscape landscape, Schedule schedule) {
        long steps = 0;
        for (Line line : schedule.lines()) {
            steps = Math.max(steps, line.endStep());
        }
        return new Run(name, landscape, new GradientDescent(), new NoNoise(), schedule,
                landscape.defaultStart(), 0L, steps, 1, RecordSpec.defaults().resolved(steps), false);
    }

    public Run withOptimizer(Optimizer value) {
        return new Run(name, landscape, value, noise, schedule, start, seed, steps, replicas, record, flow);
    }

    public Run withNoise(NoiseModel value) {
        return new Run(name, landscape, optimizer, value, schedule, start, seed, steps, replicas, record, flow);
    }

    public Run withStart(double... value) {
        return new Run(name, landscape, optimizer, noise, schedule, value, seed, steps, replicas, record, flow);
    }

    public Run withSeed(long value) {
        return new Run(name, landscape, optimizer, noise, schedule, start, value, steps, replicas, record, flow);
    }

    public Run withReplicas(int value) {
        return new Run(name, landscape, optimizer, noise, schedule, start, seed, steps, value, record, flow);
    }

    /** Sets the record block (defaults are filled in for this run's steps). */
    public Run withRecord(RecordSpec value) {
        return new Run(name, landscape, optimizer, noise, schedule, start, seed, steps, replicas, value.resolved(steps), flow);
    }

    public Run withFlow(boolean value) {
        return new Run(name, landscape, optimizer, noise, schedule, start, seed, steps, replicas, record, value);
    }

    /** The start point (a copy). */
    @Override
    public double[] start() {
        return start.clone();
    }

    /** Lines must come parents first, with unique names, and fork inside their parent. */
    private static void checkLines(Schedule schedule) {
        if (schedule.lines().isEmpty()) {
            throw new InvalidValueException("schedule", "a schedule without lines", "at least one line");
        }
        Set<String> seen = new HashSet<>();
        for (Line line : schedule.lines()) {
            if (line.parent().isPresent()) {
                String parentName = line.parent().get();
                if (!seen.contains(parentName)) {
                    throw new InvalidValueException("schedule.lines", line.name() + " forks from '" + parentName + "'",
                            "lines listed after the line they fork from");
                }
                Line parent = schedule.line(parentName);
                if (line.forkStep() < parent.forkStep() || line.forkStep() > parent.endStep()) {
                    throw new InvalidValueException("schedule.lines", line.name() + " forks at step " + line.forkStep(),
                            "a fork step within its parent's steps [" + parent.forkStep() + ", " + parent.endStep() + "]");
                }
            }
            if (!seen.add(line.name())) {
                throw new InvalidValueException("schedule.lines", line.name(), "unique line names");
            }
        }
        for (var checkpoint : schedule.checkpoints()) {
            Line line = schedule.line(checkpoint.line());
            if (checkpoint.step() < line.forkStep() || checkpoint.step() > line.endStep()) {
                throw new InvalidValueException("schedule.checkpoints", checkpoint,
                        "a checkpoint within the steps of line " + line.name());
            }
        }
    }

    @Override
    public String toString() {
        return "Run[" + name + ": " + landscape + ", " + optimizer + ", " + noise + ", " + schedule.family() + " ("
                + schedule.lines().size() + " lines), " + replicas + " replicas, seed " + seed + "]";
    }
}
