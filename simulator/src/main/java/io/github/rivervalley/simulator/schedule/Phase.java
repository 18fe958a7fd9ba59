package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * A stretch {@code [start, end)} of steps of one line that has one kind: warmup, stable, decay or
 * re-warmup. Charts colour and mark lines by phase; recorders sample at phase boundaries.
 */
public record Phase(Kind kind, long start, long end) {

    /** What the learning rate does during a phase. */
    public enum Kind {
        WARMUP("warmup"), STABLE("stable"), DECAY("decay"), REWARMUP("rewarmup");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Lower-case name used in CSV output. */
        public String label() {
            return label;
        }
    }

    public Phase {
        Check.present("kind", kind);
        Check.nonNegative("start", start);
        if (end <= start) {
            throw new InvalidValueException("end", end, "a step after start (" + start + ")");
        }
    }

    /** Number of steps in the phase. */
    public long length() {
        return end - start;
    }

    /** Whether {@code step} lies in {@code [start, end)}. */
    public boolean contains(long step) {
        return step >= start && step < end;
    }
}
