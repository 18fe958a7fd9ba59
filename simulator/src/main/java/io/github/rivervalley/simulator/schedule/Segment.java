package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Arrays;

/**
 * One phase of a line together with the formula of its learning rate: the ratio (multiple of the peak)
 * moves from {@code from} to {@code to} along {@code shape}. Step {@code t} of the phase has progress
 * {@code u = (t - start + 1) / n}; the last step gets {@code to} exactly, so a warmup reaches the peak
 * on its last step, a decay reaches its floor on its last step, and no warmup step gets 0.
 *
 * @param phase kind and steps {@code [start, end)}
 * @param shape a {@link WarmupShape} for warmups and re-warmups, a {@link DecayShape} for decays,
 *     {@link Shape.Flat} for stable phases
 * @param from the ratio the phase moves away from (equal to {@code to} for stable phases)
 * @param to the ratio reached on the last step (the level of a stable phase)
 */
public record Segment(Phase phase, Shape shape, double from, double to) {

    public Segment {
        Check.present("phase", phase);
        Check.present("shape", shape);
        Check.inClosedRange("from", from, 0, 1);
        Check.inClosedRange("to", to, 0, 1);
        switch (phase.kind()) {
            case WARMUP, REWARMUP -> {
                if (!(shape instanceof WarmupShape)) {
                    throw new InvalidValueException("shape", shape, "a warmup shape (linear, cosine, 1-sqrt)");
                }
                if (!(to > 0) || to < from) {
                    throw new InvalidValueException("to", to, "a ratio > 0 and >= from (" + from + ") for a " + phase.kind().label());
                }
            }
            case DECAY -> {
                if (!(shape instanceof DecayShape decay)) {
                    throw new InvalidValueException("shape", shape, "a decay shape, one of " + Arrays.toString(DecayShape.values()));
                }
                if (!(from > 0)) {
                    throw new InvalidValueException("from", from, "a ratio > 0 for a decay");
                }
                if (to > from) {
                    throw new InvalidValueException("to", to, "a ratio <= from (" + from + ") for a decay");
                }
                if (decay.needsPositiveFloor() && !(to > 0)) {
                    throw new InvalidValueException("to", to, "a ratio > 0 for decay shape " + decay);
                }
            }
            case STABLE -> {
                if (shape != Shape.Flat.INSTANCE) {
                    throw new InvalidValueException("shape", shape, "no shape for a stable phase");
                }
                if (!(to > 0) || from != to) {
                    throw new InvalidValueException("level", to, "a ratio in (0, 1]");
                }
            }
            default -> throw new IllegalStateException("unhandled phase kind " + phase.kind());
        }
    }

    /** A stable phase at {@code level} times the peak. */
    public static Segment stable(long start, long end, double level) {
        return new Segment(new Phase(Phase.Kind.STABLE, start, end), Shape.Flat.INSTANCE, level, level);
    }

    /** Whether the ratio is the same at every step (a block of it is one {@code Arrays.fill}). */
    public boolean isFlat() {
        return shape == Shape.Flat.INSTANCE;
    }

    /** The ratio (multiple of the peak) at {@code step}, which must lie in the phase. */
    public double ratio(long step) {
        long n = phase.length();
        long k = step - phase.start() + 1;
        if (k == n) {
            return to;
        }
        return shape.ratio(from, to, (double) k / n, (double) (n - k) / n);
    }
}
