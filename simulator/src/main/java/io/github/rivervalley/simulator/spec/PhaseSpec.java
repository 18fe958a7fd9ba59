package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Shape;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.Arrays;
import java.util.List;

/**
 * One phase of a {@code piecewise} schedule. Its steps are given either as a count ({@code steps}) or
 * by where it ends ({@code end}, exclusive); it starts where the previous phase ends ({@code start}
 * may be written out and must then agree). Learning rates are ratios of the peak in [0, 1].
 *
 * @param kind {@code warmup}, {@code constant} (also {@code stable}), {@code decay} or {@code rewarmup}
 * @param steps number of steps (at least 1), or
 * @param start first step (optional; required on a branch's first phase, where it is the fork step)
 * @param end one past the last step
 * @param shape warmup/rewarmup: {@code linear} (default), {@code cosine}, {@code 1-sqrt}; decay:
 *     {@code linear} (default), {@code cosine}, {@code 1-sqrt}, {@code 1-square},
 *     {@code inverse-proportional}, {@code exponential}; not for constant phases
 * @param from ratio the phase starts from (default: where the previous phase ended; 0 for a line's
 *     first warmup, 1 for its first decay)
 * @param to ratio reached on the last step (warmup default 1; required for a decay)
 * @param level ratio of a constant phase (default 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseSpec(String kind, Long steps, Long start, Long end, String shape, Double from, Double to, Double level) {

    private static final List<String> KINDS = List.of("warmup", "constant", "stable", "decay", "rewarmup");

    public PhaseSpec {
        Phase.Kind k = kindOf(kind);
        if (steps == null && end == null) {
            throw new InvalidValueException("steps", "nothing", "a step count (or an end step) for every phase");
        }
        if (steps != null && end != null) {
            throw new InvalidValueException("end", end, "no end when steps is given (give one of steps and end)");
        }
        if (steps != null) {
            Check.positive("steps", steps);
        }
        if (start != null) {
            Check.nonNegative("start", start);
        }
        if (end != null && end <= (start == null ? 0 : start)) {
            throw new InvalidValueException("end", end, "a step after start (" + (start == null ? 0 : start) + ")");
        }
        if (k == Phase.Kind.STABLE) {
            notAllowed("shape", shape);
            notAllowed("from", from);
            notAllowed("to", to);
            level = level == null ? 1.0 : level;
            if (!(level > 0 && level <= 1)) {
                throw new InvalidValueException("level", level, "a ratio of the peak in (0, 1]");
            }
        } else {
            notAllowed("level", level);
            shapeOf(k, shape);
            if (from != null) {
                Check.inClosedRange("from", from, 0, 1);
            }
            if (to != null) {
                Check.inClosedRange("to", to, 0, 1);
            } else if (k == Phase.Kind.DECAY) {
                throw new InvalidValueException("to", "nothing", "the ratio of the peak the decay ends at, in [0, 1]");
            }
        }
    }

    /** The kind of phase this is. */
    public Phase.Kind phaseKind() {
        return kindOf(kind);
    }

    /** The shape of the learning rate across the phase. */
    public Shape phaseShape() {
        return shapeOf(phaseKind(), shape);
    }

    private static Phase.Kind kindOf(String kind) {
        if (kind == null) {
            throw new InvalidValueException("kind", "nothing", "one of " + String.join(", ", KINDS));
        }
        switch (kind) {
            case "warmup":
                return Phase.Kind.WARMUP;
            case "constant":
            case "stable":
                return Phase.Kind.STABLE;
            case "decay":
                return Phase.Kind.DECAY;
            case "rewarmup":
                return Phase.Kind.REWARMUP;
            default:
                throw unknown("kind", kind, KINDS);
        }
    }

    private static Shape shapeOf(Phase.Kind kind, String shape) {
        if (kind == Phase.Kind.STABLE) {
            return Shape.Flat.INSTANCE;
        }
        if (kind == Phase.Kind.DECAY) {
            for (DecayShape s : DecayShape.values()) {
                if (shape == null ? s == DecayShape.LINEAR : s.label().equals(shape)) {
                    return s;
                }
            }
            throw unknown("shape", shape, Arrays.stream(DecayShape.values()).map(DecayShape::label).toList());
        }
        for (WarmupShape s : WarmupShape.values()) {
            if (shape == null ? s == WarmupShape.LINEAR : s.label().equals(shape)) {
                return s;
            }
        }
        throw unknown("shape", shape, Arrays.stream(WarmupShape.values()).map(WarmupShape::label).toList());
    }

    private static InvalidValueException unknown(String field, String value, List<String> names) {
        String hint = Suggestions.closest(value, names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        return new InvalidValueException(field, "'" + value + "'", "one of " + String.join(", ", names) + hint);
    }

    private static void notAllowed(String field, Object value) {
        if (value != null) {
            throw new InvalidValueException(field, value, "no " + field + " on a constant phase");
        }
    }
}
