package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.github.rivervalley.landscapes.analytic.CurvedValley;
import io.github.rivervalley.landscapes.check.Check;
import java.util.List;

/**
 * {@code type: curved-valley}: {@code L = r(x) + (hillCurvature/2)(y - amplitude sin(wavenumber x))^2},
 * plus {@code (lambda_j/2) z_j^2} for each of {@code extraHills}. {@code hillCurvature} is required;
 * {@code amplitude} and {@code wavenumber} default to 1, {@code river} to linear with slope 1,
 * {@code extraHills} to none. The projection is orthogonal (nearest floor point).
 */
@JsonTypeName("curved-valley")
public record CurvedValleySpec(
        Double hillCurvature,
        Double amplitude,
        Double wavenumber,
        RiverSpec river,
        List<Double> extraHills) implements LandscapeSpec {

    public CurvedValleySpec {
        Check.present("hillCurvature", hillCurvature);
        amplitude = amplitude == null ? 1.0 : amplitude;
        wavenumber = wavenumber == null ? 1.0 : wavenumber;
        river = river == null ? RiverSpec.DEFAULT : river;
        extraHills = extraHills == null ? List.of() : extraHills;
        for (int j = 0; j < extraHills.size(); j++) {
            Check.present("extraHills[" + j + "]", extraHills.get(j));
        }
        extraHills = List.copyOf(extraHills);
        // The landscape's own checks name the same fields (hillCurvature, amplitude, wavenumber, extraHills[j]).
        new CurvedValley(river.build(), hillCurvature, amplitude, wavenumber, extras(extraHills));
    }

    private static double[] extras(List<Double> extraHills) {
        return extraHills.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public CurvedValley build() {
        return new CurvedValley(river.build(), hillCurvature, amplitude, wavenumber, extras(extraHills));
    }
}
