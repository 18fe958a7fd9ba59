package io.github.rivervalley.simulator.observe;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import java.util.Optional;

/**
 * A cheap per-step reading of the signed hill displacement ({@code hill_disp}), used to count
 * valley-floor crossings at every step rather than only between recorded rows.
 *
 * <p>It exists where the displacement is a plain coordinate: on a straight valley it is the coordinate of
 * the steepest wall. Elsewhere (curved, rotated or data-derived landscapes) there is no probe and
 * crossings are counted as sign changes of {@code hill_disp} between consecutive recorded rows, which
 * undercounts oscillations faster than the recording interval (record every step to count them all).
 */
@FunctionalInterface
public interface HillProbe {

    /** The signed hill displacement at {@code x}; must equal the decomposer's {@code hill_disp}. */
    double displacement(double[] x);

    /** The per-step probe of {@code landscape}, if it has one. */
    static Optional<HillProbe> of(Landscape landscape) {
        if (landscape instanceof StraightValley valley) {
            double[] top = new double[valley.dimension()];
            valley.topHillDirection(new double[valley.dimension()], top);
            int index = -1;
            for (int i = 0; i < top.length; i++) {
                if (top[i] == 1.0) {
                    index = i;
                }
            }
            if (index < 0) {
                return Optional.empty();
            }
            int k = index;
            return Optional.of(x -> x[k]);
        }
        return Optional.empty();
    }
}
