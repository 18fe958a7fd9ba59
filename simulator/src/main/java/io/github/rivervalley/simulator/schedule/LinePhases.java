package io.github.rivervalley.simulator.schedule;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The phase and checkpoint of a trace row, from the schedule itself (never guessed from the learning rate).
 *
 * <p>A row at step {@code s} of a line holds the state after {@code s} updates, and its {@code lr} is that
 * of update {@code s - 1} (at step 0, of update 0); its phase is the phase of that same update. A branch's
 * updates before its fork belong to its parent, so the lookup walks up to the line that trained the update.
 * A line the schedule does not train (the gradient-flow reference {@code flow}, sampled at the first
 * line's steps) takes the first line's phases.
 */
public final class LinePhases {

    private final Schedule schedule;
    private final Map<String, Line> lines = new HashMap<>();
    private final Map<String, Long> checkpoints = new HashMap<>();

    public LinePhases(Schedule schedule) {
        this.schedule = schedule;
        for (Line line : schedule.lines()) {
            lines.put(line.name(), line);
        }
        for (Checkpoint c : schedule.checkpoints()) {
            checkpoints.put(key(c.line(), c.step()), c.budget());
        }
    }

    private static String key(String line, long step) {
        return line + "@" + step;
    }

    /** The phase of the update that produced the row at {@code step} of {@code lineName}, if the schedule has one there. */
    public Optional<Phase> phaseOfRow(String lineName, long step) {
        String line = lines.containsKey(lineName) ? lineName : schedule.lines().get(0).name();
        return schedule.phaseOf(line, Math.max(0, step - 1));
    }

    /** The kind of {@link #phaseOfRow}, or null where the schedule has no phase. */
    public Phase.Kind kindOfRow(String lineName, long step) {
        return phaseOfRow(lineName, step).map(Phase::kind).orElse(null);
    }

    /** The budget of the checkpoint whose values are the row at {@code step} of {@code lineName}, if any. */
    public Optional<Long> checkpointAt(String lineName, long step) {
        return Optional.ofNullable(checkpoints.get(key(lineName, step)));
    }
}
