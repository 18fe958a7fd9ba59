package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * {@code type: rotated-valley}: the straight valley {@code valley} (a straight-valley block; its
 * {@code type} may be left out) seen through a random orthonormal basis drawn from {@code seed}
 * (default 0). Its dimension is at most {@link RotatedValley#MAX_DIMENSION}.
 */
@JsonTypeName("rotated-valley")
public record RotatedValleySpec(
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type",
                defaultImpl = StraightValleySpec.class)
        LandscapeSpec valley,
        Long seed) implements LandscapeSpec {

    public RotatedValleySpec {
        Check.present("valley", valley);
        // Declared as any landscape so that a wrong inner type is reported instead of silently read as straight.
        if (!(valley instanceof StraightValleySpec straight)) {
            JsonTypeName name = valley.getClass().getAnnotation(JsonTypeName.class);
            throw new InvalidValueException("valley.type", name == null ? valley.getClass().getSimpleName() : name.value(),
                    "straight-valley (only straight valleys are rotated)");
        }
        seed = seed == null ? 0L : seed;
        if (straight.dimension() > RotatedValley.MAX_DIMENSION) {
            throw new InvalidValueException("valley.dimension", straight.dimension(), "at most "
                    + RotatedValley.MAX_DIMENSION + " for a rotated valley (it stores a dense d x d rotation)");
        }
    }

    /** The straight valley that is rotated. */
    public StraightValleySpec straightValley() {
        return (StraightValleySpec) valley;
    }

    /** Builds the rotation: O(d^3) the first time for a given dimension and seed. */
    @Override
    public RotatedValley build() {
        return new RotatedValley(straightValley().build(), seed);
    }
}
