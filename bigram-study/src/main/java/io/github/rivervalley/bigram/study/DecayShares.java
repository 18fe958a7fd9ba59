package io.github.rivervalley.bigram.study;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.simulator.io.Csv;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Splits the loss drop of every decay phase of a schedule by token group, from the recorded
 * {@code loss_<g>} columns at the first and last step of the decay. A branch's decay that starts at its fork
 * step reads the start from the parent line when the branch has no row there.
 */
public final class DecayShares {

    /** Recorded values: the value of {@code column} on line {@code line} at {@code step}, if recorded. */
    @FunctionalInterface
    public interface Rows {
        OptionalDouble value(String line, long step, String column);
    }

    private DecayShares() {
    }

    /** One {@link DecayDrop} per decay phase of every line, in line order. */
    public static List<DecayDrop> of(String run, Schedule schedule, BigramData data, Rows rows) {
        List<DecayDrop> out = new ArrayList<>();
        List<String> groups = data.groupNames();
        List<Boolean> river = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            river.add(data.isRiverGroup(g));
        }
        for (Line line : schedule.lines()) {
            for (Phase phase : line.phases()) {
                if (phase.kind() != Phase.Kind.DECAY) {
                    continue;
                }
                double lossStart = lookup(schedule, line, phase.start(), "loss", rows);
                double lossEnd = lookup(schedule, line, phase.end(), "loss", rows);
                double[] drop = new double[groups.size()];
                for (int g = 0; g < groups.size(); g++) {
                    String column = "loss_" + groups.get(g);
                    drop[g] = lookup(schedule, line, phase.start(), column, rows) - lookup(schedule, line, phase.end(), column, rows);
                }
                out.add(new DecayDrop(run, line.name(), phase.start(), phase.end(), lossStart, lossEnd, groups, river, drop));
            }
        }
        return out;
    }

    private static double lookup(Schedule schedule, Line line, long step, String column, Rows rows) {
        Line current = line;
        while (true) {
            OptionalDouble value = rows.value(current.name(), step, column);
            if (value.isPresent()) {
                return value.getAsDouble();
            }
            if (current.parent().isEmpty() || step > current.forkStep()) {
                throw new IllegalStateException("no recorded row of line '" + line.name() + "' at step " + step
                        + " (column " + column + "); decays need rows at their first and last step");
            }
            current = schedule.line(current.parent().get());
        }
    }

    /** CSV: one row per decay with the drop, the hill share and each group's drop and share. */
    public static String csv(List<DecayDrop> drops) {
        StringBuilder out = new StringBuilder("run,line,decay_start,decay_end,loss_start,loss_end,drop,hill_share");
        List<String> groups = drops.isEmpty() ? List.of() : drops.get(0).groups();
        for (String g : groups) {
            out.append(",drop_").append(g);
        }
        for (String g : groups) {
            out.append(",share_").append(g);
        }
        out.append('\n');
        for (DecayDrop d : drops) {
            out.append(Csv.field(d.run())).append(',').append(Csv.field(d.line())).append(',').append(d.start()).append(',').append(d.end())
                    .append(',').append(d.lossStart()).append(',').append(d.lossEnd()).append(',').append(d.drop())
                    .append(',').append(d.hillShare());
            for (int g = 0; g < groups.size(); g++) {
                out.append(',').append(d.groupDrop()[g]);
            }
            for (int g = 0; g < groups.size(); g++) {
                out.append(',').append(d.share(g));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A short table for the terminal. */
    public static String text(List<DecayDrop> drops) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %-18s %9s %9s %10s %10s%n", "run", "line", "start", "end", "loss drop", "hill share"));
        for (DecayDrop d : drops) {
            out.append(String.format(Locale.ROOT, "%-10s %-18s %9d %9d %10.5f %9.1f%%%n", d.run(), d.line(), d.start(), d.end(),
                    d.drop(), 100 * d.hillShare()));
        }
        return out.toString();
    }
}
