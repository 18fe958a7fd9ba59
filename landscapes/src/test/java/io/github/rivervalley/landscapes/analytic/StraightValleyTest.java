package io.github.rivervalley.landscapes.analytic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import org.junit.jupiter.api.Test;

class StraightValleyTest {

    @Test
    void hillSpectraFollowTheirDefinitions() {
        assertArrayEquals(new double[] {3.0, 3.0, 3.0}, HillSpectrum.constant(3.0, 3), 0.0);
        // 100 * (0.01)^(i/4): 100, 100/sqrt(10), 10, 10/sqrt(10), 1.
        assertArrayEquals(new double[] {100.0, 100.0 / Math.sqrt(10), 10.0, Math.sqrt(10), 1.0},
                HillSpectrum.geometric(100.0, 1.0, 5), 1e-13);
        assertArrayEquals(new double[] {8.0}, HillSpectrum.geometric(8.0, 2.0, 1), 0.0);
        assertArrayEquals(new double[] {12.0, 6.0, 4.0, 3.0}, HillSpectrum.powerLaw(12.0, 1.0, 4), 1e-15);
        assertArrayEquals(new double[] {5.0, 5.0}, HillSpectrum.powerLaw(5.0, 0.0, 2), 0.0);
    }

    @Test
    void validationNamesTheField() {
        RiverProfile r = new RiverProfile.Linear(1.0);
        assertEquals("hillCurvature[1]", assertThrows(InvalidValueException.class,
                () -> new StraightValley(r, new double[] {1.0, -2.0})).field());
        assertEquals("hillCurvature", assertThrows(InvalidValueException.class, () -> new StraightValley(r, new double[0])).field());
        assertEquals("min", assertThrows(InvalidValueException.class, () -> HillSpectrum.geometric(1.0, 2.0, 3)).field());
        assertEquals("exponent", assertThrows(InvalidValueException.class, () -> HillSpectrum.powerLaw(1.0, -1.0, 3)).field());
        assertEquals("hillCount", assertThrows(InvalidValueException.class, () -> HillSpectrum.constant(1.0, 0)).field());
        assertEquals("slope", assertThrows(InvalidValueException.class, () -> new RiverProfile.Softplus(0.0)).field());
        assertEquals("curvature", assertThrows(InvalidValueException.class, () -> new RiverProfile.Quadratic(-1.0, 0.0)).field());
        InvalidValueException mismatch = assertThrows(InvalidValueException.class,
                () -> Check.point("start", new double[3], new StraightValley(r, new double[] {1.0, 2.0, 3.0}).dimension()));
        assertEquals("start", mismatch.field());
        assertTrue(mismatch.getMessage().contains("4 numbers"), mismatch.getMessage());
    }

    @Test
    void toStringSummarisesLongSpectra() {
        String text = new StraightValley(new RiverProfile.Linear(1.0), HillSpectrum.geometric(10.0, 0.1, 999)).toString();
        assertTrue(text.contains("999 values in [0.1, 10.0]"), text);
        assertTrue(text.length() < 150, text);
    }
}
