package io.github.rivervalley.simulator.observe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Divergence#stopsAt}: true exactly when some coordinate is NaN or infinite, wherever it sits. */
class DivergenceTest {

    private final Divergence divergence = new Divergence(1e6);

    /**
     * Lengths 0 to 19 cover the eight-way main loop, its tail and both together; each bad value is put at every
     * position in turn, among finite coordinates as large as a double gets (whose products with 0 stay 0).
     */
    @Test
    void anyNonFiniteCoordinateStopsAndFiniteOnesDoNot() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int length = 0; length < 20; length++) {
            double[] x = new double[length];
            for (int i = 0; i < length; i++) {
                x[i] = i % 3 == 0 ? Double.MAX_VALUE : i % 3 == 1 ? -0.0 : -Double.MIN_VALUE;
            }
            assertFalse(divergence.stopsAt(x), "finite, length " + length);
            for (int at = 0; at < length; at++) {
                for (double value : bad) {
                    double[] y = x.clone();
                    y[at] = value;
                    assertTrue(divergence.stopsAt(y), value + " at " + at + " of " + length);
                }
            }
        }
    }
}
