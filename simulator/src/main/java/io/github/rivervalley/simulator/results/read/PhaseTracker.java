package io.github.rivervalley.simulator.results.read;

import io.github.rivervalley.simulator.schedule.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * A line's phases from the phase of each row, which the schedule defines: the trace's {@code phase} column
 * (written from the schedule) or, for a trace without one, the run's schedule itself. The learning rate is
 * never read for this, so a flat decay or a one-step re-warmup is still what the schedule says it is.
 *
 * <p>A row's phase is that of the update that produced it, so a phase starts at the last recorded row
 * before the first row of that phase: its start state. With the trace recorded at every phase boundary
 * (the default) the boundaries are the schedule's; with sparser recording they are the nearest recorded
 * rows before them. Consecutive phases of one kind are one phase; rows without a phase belong to none.
 */
final class PhaseTracker {

    private final List<Phase.Kind> kinds = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();

    /**
     * Observes the phase of the next row ({@code first}: the line's first row, at {@code step}; otherwise
     * {@code previousStep} is the step of the row before). Returns whether a phase starts at
     * {@code previousStep}, whose row is then a phase boundary.
     */
    boolean observe(boolean first, long step, long previousStep, Phase.Kind kind) {
        if (first) {
            kinds.add(kind);
            starts.add(step);
            return false;
        }
        if (kind == kinds.get(kinds.size() - 1)) {
            return false;
        }
        kinds.add(kind);
        starts.add(previousStep);
        return true;
    }

    /** The phases, the last one ending at {@code lastStep}. */
    List<Phase> phases(long lastStep) {
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            Phase.Kind kind = kinds.get(i);
            long start = starts.get(i);
            long end = i + 1 < kinds.size() ? starts.get(i + 1) : lastStep;
            if (kind == null || end <= start) {
                continue; // no phase, or one that ended before its first row (a branch's fork row is its parent's)
            }
            Phase last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
            if (last != null && last.kind() == kind && last.end() == start) {
                phases.set(phases.size() - 1, new Phase(kind, last.start(), end));
            } else {
                phases.add(new Phase(kind, start, end));
            }
        }
        return phases;
    }
}
