package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A schedule given by its lines and checkpoints: what every family in {@link Schedules} builds.
 *
 * @param family the family it was built as
 * @param peak the peak learning rate
 * @param lines parents before their branches, names unique
 * @param checkpoints in increasing budget order
 */
public record LineSchedule(ScheduleFamily family, double peak, List<Line> lines, List<Checkpoint> checkpoints) implements Schedule {

    public LineSchedule {
        Check.present("family", family);
        Check.positive("peak", peak);
        lines = List.copyOf(lines);
        checkpoints = List.copyOf(checkpoints);
        if (lines.isEmpty()) {
            throw new InvalidValueException("lines", "none", "at least one line");
        }
        Map<String, Line> seen = new HashMap<>();
        for (Line line : lines) {
            if (seen.containsKey(line.name())) {
                throw new InvalidValueException("lines", "two lines named '" + line.name() + "'", "unique line names");
            }
            if (line.parent().isPresent()) {
                Line parent = seen.get(line.parent().get());
                if (parent == null) {
                    throw new InvalidValueException("parent", line.parent().get(), "the name of a line listed before '" + line.name() + "'");
                }
                if (line.forkStep() < parent.forkStep() || line.forkStep() > parent.endStep()) {
                    throw new InvalidValueException("forkStep", line.forkStep(), "a step in [" + parent.forkStep() + ", " + parent.endStep()
                            + "] of parent line '" + parent.name() + "'");
                }
            }
            seen.put(line.name(), line);
        }
        for (int i = 0; i < checkpoints.size(); i++) {
            Checkpoint c = checkpoints.get(i);
            Line line = seen.get(c.line());
            if (line == null || c.step() <= line.forkStep() || c.step() > line.endStep()) {
                throw new InvalidValueException("checkpoints", c, "a step in (forkStep, endStep] of an existing line");
            }
            if (i > 0 && c.budget() <= checkpoints.get(i - 1).budget()) {
                throw new InvalidValueException("checkpoints", c, "budgets in strictly increasing order");
            }
        }
    }

    /** A schedule of hand-made lines: family {@link ScheduleFamily#CUSTOM}. */
    public LineSchedule(double peak, List<Line> lines, List<Checkpoint> checkpoints) {
        this(ScheduleFamily.CUSTOM, peak, lines, checkpoints);
    }

    /**
     * Checkpoints at {@code (line, step)} positions labelled with {@code budgets}, in that order, with the
     * compute each costs: the number of distinct updates that must have been trained for it and for every
     * earlier checkpoint (its line up to its step, the line's ancestors up to their forks). Lines run in
     * parallel where they can, so WSD's checkpoint k costs {@code (1-p)B_k + sum_{j<=k} p B_j}, and
     * independent cosine runs cost the sum of their budgets.
     */
    public static List<Checkpoint> checkpoints(List<Line> lines, List<String> onLines, long[] steps, long[] budgets) {
        Map<String, Line> byName = new LinkedHashMap<>();
        Map<String, Long> trainedTo = new HashMap<>();
        for (Line line : lines) {
            byName.put(line.name(), line);
            trainedTo.put(line.name(), line.forkStep());
        }
        List<Checkpoint> out = new ArrayList<>();
        long compute = 0;
        for (int i = 0; i < steps.length; i++) {
            String name = onLines.get(i);
            long step = steps[i];
            while (true) {
                Line line = byName.get(name);
                long before = trainedTo.get(name);
                if (step > before) {
                    compute += step - before;
                    trainedTo.put(name, step);
                }
                if (line.parent().isEmpty()) {
                    break;
                }
                step = line.forkStep();
                name = line.parent().get();
            }
            out.add(new Checkpoint(budgets[i], onLines.get(i), steps[i], compute));
        }
        return out;
    }

    @Override
    public String toString() {
        return "LineSchedule[" + family + ", peak=" + peak + ", lines=" + lines.stream()
                .map(l -> l.name() + " [" + l.forkStep() + ", " + l.endStep() + ") " + l.phases().size() + " phases")
                .collect(Collectors.joining("; ", "{", "}"))
                + ", checkpoints=" + checkpoints.stream().map(c -> c.budget() + "@" + c.line() + ":" + c.step()).toList()
                + ", totalCompute=" + totalCompute() + "]";
    }
}
