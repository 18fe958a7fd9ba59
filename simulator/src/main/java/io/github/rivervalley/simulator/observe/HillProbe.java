package io.github.rivervalley.simulator.observe;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.LinearHillFrame;
import java.util.Optional;

/**
 * A cheap per-step reading of the signed hill displacement ({@code hill_disp}), used to count
 * valley-floor crossings at every step rather than only between recorded rows.
 *
 * <p>It exists where the displacement is linear in the point, on every {@link LinearHillFrame}: with an
 * axis-aligned frame (a straight valley) it is the coordinate of the steepest wall, otherwise (a rotated
 * valley) a dot product with that wall's direction. Elsewhere (curved or
 * data-derived landscapes) there is no probe and
 * crossings are counted as sign changes of {@code hill_disp} between consecutive recorded rows, which
 * undercounts oscillations faster than the recording interval (record every step to count them all).
 */
@FunctionalInterface
public interface HillProbe {

    /** The signed hill displacement at {@code x}; must equal the decomposer's {@code hill_disp}. */
    double displacement(double[] x);

    /** The per-step probe of {@code landscape}, if it has one. */
    static Optional<HillProbe> of(Landscape landscape) {
        if (!(landscape instanceof LinearHillFrame frame)) {
            return Optional.empty();
        }
        if (frame.axisAligned()) {
            int k = frame.valley().steepestHill() + 1;
            return Optional.of(x -> x[k]);
        }
        // hill_disp = (Q^T z)_k = sum_i Q_ik z_i, summed in the same order as the valley's own measure,
        // so the probe and the recorded hill_disp agree to the bit; O(d) next to the O(d^2) gradient.
        double[] direction = new double[frame.dimension()];
        frame.topHillDirection(new double[direction.length], direction);
        return Optional.of(x -> {
            double sum = 0.0;
            for (int i = 0; i < direction.length; i++) {
                sum += direction[i] * x[i];
            }
            return sum;
        });
    }
}
