package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.LineBuilder;
import io.github.rivervalley.simulator.schedule.LineSchedule;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.ScheduleFamily;
import io.github.rivervalley.simulator.schedule.Schedules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code type: piecewise}: a schedule written phase by phase. Either {@code phases} (one line,
 * {@code main}) or {@code lines} (several lines; a line with a {@code parent} is a branch forked from it
 * at its first phase's {@code start}). Each line's phases must tile its steps without gaps or overlaps,
 * and the longest line ends at the top-level {@code steps}.
 *
 * <p>Checkpoints: the end of every decay (except one continued by a decay that starts at the ratio it
 * ended at: a decay written in pieces), and the end of a line that ends without a decay and has no
 * branches; in line order. Their {@code budgets} label
 * them (default: their steps).
 *
 * @param peak peak learning rate (required, > 0)
 * @param phases the phases of a one-line schedule
 * @param lines the lines of a many-line schedule, parents first
 * @param budgets one budget per checkpoint, strictly increasing (default: the checkpoints' steps)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PiecewiseScheduleSpec(Double peak, List<PhaseSpec> phases, List<LineSpec> lines, List<Long> budgets)
        implements ScheduleSpec {

    public PiecewiseScheduleSpec {
        peak = ScheduleFields.peak(peak);
        if ((phases == null) == (lines == null)) {
            throw new InvalidValueException(phases == null ? "phases" : "lines", phases == null ? "nothing" : "both phases and lines",
                    "either phases (one line) or lines (several lines), not both");
        }
        if (phases != null && phases.isEmpty()) {
            throw new InvalidValueException("phases", "[]", "at least one phase");
        }
        if (lines != null && lines.isEmpty()) {
            throw new InvalidValueException("lines", "[]", "at least one line");
        }
        phases = phases == null ? null : List.copyOf(phases);
        lines = lines == null ? null : List.copyOf(lines);
        budgets = Budgets.check(budgets);
    }

    @Override
    public Schedule build(long steps) {
        boolean single = phases != null;
        List<LineSpec> all = single ? List.of(new LineSpec(Line.MAIN, null, phases)) : lines;
        Map<String, LineBuilder> builders = new LinkedHashMap<>();
        Set<String> parents = new HashSet<>();
        Map<String, Set<Long>> continued = new LinkedHashMap<>();
        List<Line> built = new ArrayList<>();
        long longest = 0;
        for (int i = 0; i < all.size(); i++) {
            LineSpec spec = all.get(i);
            String prefix = single ? "" : "lines[" + i + "].";
            if (builders.containsKey(spec.name())) {
                throw new InvalidValueException(prefix + "name", spec.name(), "a name no earlier line has");
            }
            LineBuilder line;
            PhaseSpec first = spec.phases().get(0);
            if (spec.parent() == null) {
                if (first.start() != null && first.start() != 0) {
                    throw new InvalidValueException(prefix + "phases[0].start", first.start(), "0 (a line without a parent starts at step 0)");
                }
                line = LineBuilder.root(spec.name());
            } else {
                LineBuilder parent = builders.get(spec.parent());
                if (parent == null) {
                    throw new InvalidValueException(prefix + "parent", spec.parent(), "the name of an earlier line, one of " + builders.keySet());
                }
                if (first.start() == null) {
                    throw new InvalidValueException(prefix + "phases[0].start", "nothing", "the fork step of a branch");
                }
                try {
                    line = parent.branch(spec.name(), first.start());
                } catch (InvalidValueException e) {
                    throw new InvalidValueException(prefix + "phases[0].start", first.start(), e.allowed());
                }
                parents.add(spec.parent());
            }
            continued.putIfAbsent(spec.name(), new HashSet<>());
            double lastTo = Double.NaN;
            for (int j = 0; j < spec.phases().size(); j++) {
                boolean afterDecay = j > 0 && spec.phases().get(j - 1).phaseKind() == Phase.Kind.DECAY;
                long start = line.end();
                double[] fromTo = add(line, spec.phases().get(j), prefix + "phases[" + j + "]");
                if (afterDecay && spec.phases().get(j).phaseKind() == Phase.Kind.DECAY && fromTo[0] == lastTo) {
                    continued.computeIfAbsent(spec.name(), n -> new HashSet<>()).add(start);
                }
                lastTo = fromTo[1];
            }
            builders.put(spec.name(), line);
            longest = Math.max(longest, line.end());
        }
        if (longest != steps) {
            throw new InvalidValueException(single ? "phases" : "lines", "phases ending at step " + longest,
                    "phases that tile [0, steps) = [0, " + steps + ") (steps is the top-level run length)");
        }
        for (LineBuilder line : builders.values()) {
            built.add(line.build(peak));
        }
        return new LineSchedule(ScheduleFamily.PIECEWISE, peak, built, checkpoints(built, parents, continued));
    }

    /** Adds the phase and returns its {from, to} ratios. */
    private static double[] add(LineBuilder line, PhaseSpec phase, String field) {
        long start = line.end();
        if (phase.start() != null && phase.start() != start) {
            throw new InvalidValueException(field + ".start", phase.start(), start + ", where the previous phase ends"
                    + " (phases must tile the line's steps without gaps or overlaps)");
        }
        long steps;
        if (phase.steps() != null) {
            steps = phase.steps();
        } else {
            if (phase.end() <= start) {
                throw new InvalidValueException(field + ".end", phase.end(), "a step after the phase's start " + start
                        + " (phases must tile the line's steps without gaps or overlaps)");
            }
            steps = phase.end() - start;
        }
        Phase.Kind kind = phase.phaseKind();
        double to;
        double from;
        if (kind == Phase.Kind.STABLE) {
            to = phase.level();
            from = to;
        } else {
            to = phase.to() != null ? phase.to() : 1.0;
            boolean rising = kind == Phase.Kind.WARMUP || kind == Phase.Kind.REWARMUP;
            from = phase.from() != null ? phase.from() : line.lastRatio().orElse(rising ? 0.0 : 1.0);
        }
        try {
            line.add(kind, steps, phase.phaseShape(), from, to);
            return new double[] {from, to};
        } catch (InvalidValueException e) {
            throw e.under(field);
        }
    }

    /** {@code continued} holds, per line, the start steps of decays that continue the decay before them. */
    private List<Checkpoint> checkpoints(List<Line> built, Set<String> parents,
            Map<String, Set<Long>> continued) {
        List<String> onLines = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        for (Line line : built) {
            List<Phase> own = line.phases();
            for (int j = 0; j < own.size(); j++) {
                boolean decayEnd = own.get(j).kind() == Phase.Kind.DECAY
                        && (j == own.size() - 1 || !continued.get(line.name()).contains(own.get(j + 1).start()));
                boolean plainEnd = j == own.size() - 1 && own.get(j).kind() != Phase.Kind.DECAY && !parents.contains(line.name());
                if (decayEnd || plainEnd) {
                    onLines.add(line.name());
                    at.add(own.get(j).end());
                }
            }
        }
        long[] steps = at.stream().mapToLong(Long::longValue).toArray();
        long[] labels;
        if (budgets == null) {
            labels = steps;
            for (int k = 1; k < labels.length; k++) {
                if (labels[k] <= labels[k - 1]) {
                    throw new InvalidValueException("budgets", "nothing", "one budget per checkpoint, strictly increasing, when the checkpoints' steps "
                            + at + " are not increasing");
                }
            }
        } else {
            labels = Budgets.toArray(budgets);
            if (labels.length != steps.length) {
                throw new InvalidValueException("budgets", budgets, steps.length + " budgets, one per checkpoint (checkpoints at steps " + at
                        + " on lines " + onLines + ")");
            }
        }
        Schedules.checkBudgets(labels);
        return LineSchedule.checkpoints(built, onLines, steps, labels);
    }
}
