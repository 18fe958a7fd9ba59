package io.github.rivervalley.landscapes.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import org.junit.jupiter.api.Test;

/** The power-law river: derivatives, its gradient flow's closed form, and its domain. */
class PowerRiverTest {

    private final RiverProfile.Power river = new RiverProfile.Power(2.0, 0.3, 1.5);

    @Test
    void derivativesMatchCentralDifferences() {
        for (double c : new double[] {0.2, 1.0, 3.7, 40.0}) {
            double h = 1e-5 * c;
            // central differences: truncation O(h^2 r''') and rounding 1e-16 r / h, both below 1e-8 relative here
            assertEquals((river.value(c + h) - river.value(c - h)) / (2 * h), river.slope(c), 1e-8 * Math.abs(river.slope(c)));
            assertEquals((river.slope(c + h) - river.slope(c - h)) / (2 * h), river.curvature(c), 1e-8 * river.curvature(c));
        }
    }

    @Test
    void gradientFlowIsAPowerLawInTime() {
        // c^(k+2) = c0^(k+2) + (k+2) k a t, so r - floor = a (c0^(k+2) + (k+2) k a t)^(-k/(k+2))
        double k = 1.5;
        double c = 1.0;
        double dt = 1e-4;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            // midpoint (RK2) steps: error O(dt^2) per unit time, far below the 1e-6 asserted
            double half = c - 0.5 * dt * river.slope(c);
            c -= dt * river.slope(half);
        }
        double t = n * dt;
        double expected = 0.3 * Math.pow(1 + (k + 2) * k * 0.3 * t, -k / (k + 2));
        assertEquals(expected, river.value(c) - 2.0, 1e-6 * expected);
    }

    @Test
    void undefinedAtAndBelowZeroAndValidated() {
        assertTrue(Double.isNaN(river.value(0)));
        assertTrue(Double.isNaN(river.slope(-1)));
        assertThrows(InvalidValueException.class, () -> new RiverProfile.Power(0, -1, 1));
        assertThrows(InvalidValueException.class, () -> new RiverProfile.Power(0, 1, 0));
    }
}
