package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.List;

/**
 * {@code type: straight-valley}: {@code L = r(x_0) + sum_i (lambda_i/2) x_i^2}.
 *
 * <p>{@code hillCurvature} is either one number, the steepest curvature, spread over {@code dimension - 1}
 * hills by {@code spread} (default {@code constant}; {@code dimension} defaults to 2), or a list giving
 * every hill's curvature (then {@code dimension} defaults to its length + 1 and {@code spread} is not
 * allowed). {@code river} defaults to linear with slope 1.
 */
@JsonTypeName("straight-valley")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StraightValleySpec(
        Integer dimension,
        @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY, JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED})
        List<Double> hillCurvature,
        SpreadSpec spread,
        RiverSpec river) implements LandscapeSpec {

    /** Largest dimension accepted (one double per coordinate; a guard against typos like 1e9). */
    public static final int MAX_DIMENSION = 10_000_000;

    public StraightValleySpec {
        hillCurvature = Check.oneOrMore("hillCurvature", hillCurvature, "a number > 0 or a list of them", Check::positive);
        if (hillCurvature.size() > 1) {
            int listed = hillCurvature.size() + 1;
            if (spread != null) {
                throw new InvalidValueException("spread", "a spread", "no spread when hillCurvature lists every hill"
                        + " (give one top curvature to spread it)");
            }
            if (dimension == null) {
                dimension = listed;
            } else if (dimension != listed) {
                throw new InvalidValueException("dimension", dimension, listed + " (hillCurvature lists "
                        + hillCurvature.size() + " hills), or leave dimension out");
            }
        } else {
            dimension = dimension == null ? 2 : dimension;
            Check.inClosedRange("dimension", dimension, 2, MAX_DIMENSION);
            spread = spread == null ? new SpreadSpec.Constant() : spread;
            if (spread instanceof SpreadSpec.Geometric g && g.min() > hillCurvature.get(0)) {
                throw new InvalidValueException("spread.min", g.min(), "a number in (0, " + hillCurvature.get(0)
                        + "] (at most hillCurvature)");
            }
        }
        river = river == null ? RiverSpec.DEFAULT : river;
    }

    /** The curvature of every hill, steepest first when spread. */
    public double[] curvatures() {
        if (hillCurvature.size() > 1) {
            return hillCurvature.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return spread.curvatures(hillCurvature.get(0), dimension - 1);
    }

    @Override
    public StraightValley build() {
        return new StraightValley(river.build(), curvatures());
    }
}
