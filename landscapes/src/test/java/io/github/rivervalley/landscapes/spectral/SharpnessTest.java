package io.github.rivervalley.landscapes.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.AnalyticValley;
import io.github.rivervalley.landscapes.analytic.HillSpectrum;
import io.github.rivervalley.landscapes.analytic.Landscapes;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SharpnessTest {

    /**
     * Lanczos stops at a relative residual of 1e-8 (DEFAULT_TOLERANCE); an eigenvalue is then within
     * that residual of the Ritz value (Kahan's bound), so 1e-8 relative to the spectral scale is the guaranteed,
     * still sharp margin against EJML's dense eigenvalues (accurate to ~1e-15 relative).
     */
    private static final double LANCZOS_VS_DENSE = 1e-8;
    /** Dense eigenvalues of a diagonal or orthogonally rotated diagonal matrix: a few hundred ulps. */
    private static final double DENSE_EXACT = 1e-12;

    static Stream<Arguments> examples() {
        return Landscapes.examples().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static double[] pointNear(AnalyticValley valley, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[valley.dimension()];
        valley.riverPoint(random.nextDouble(-1.0, 1.0), x);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.2 * random.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void lanczosAgreesWithDenseOverTheRegistry(String name, AnalyticValley valley) {
        double[] x = pointNear(valley, 11);
        double[] dense = Sharpness.dense(valley, x);
        int k = Math.min(3, valley.dimension());
        double[] lanczos = Sharpness.lanczos(valley, x, k, Sharpness.DEFAULT_TOLERANCE, 5);
        double scale = Math.max(Math.abs(dense[0]), Math.abs(dense[dense.length - 1]));
        for (int i = 0; i < k; i++) {
            assertEquals(dense[i], lanczos[i], LANCZOS_VS_DENSE * scale, name + " eigenvalue " + i);
        }
        assertEquals(dense[0], Sharpness.of(valley, x), DENSE_EXACT * scale, name);
        assertEquals(Arrays.stream(dense).sum(), Sharpness.trace(valley, x), DENSE_EXACT * scale * dense.length, name + " trace");
    }

    @Test
    void straightValleySharpnessIsTheLargestCurvature() {
        StraightValley valley = new StraightValley(new RiverProfile.Quadratic(3.0, 0.0), new double[] {2.0, 9.0, 0.5});
        double[] x = {0.3, -1.0, 2.0, 0.1};
        assertEquals(9.0, Sharpness.of(valley, x), DENSE_EXACT * 9.0);
        assertArrayEquals(new double[] {9.0, 3.0, 2.0, 0.5}, Sharpness.dense(valley, x), DENSE_EXACT * 9.0);
    }

    @Test
    void lanczosCountsRepeatedEigenvalues() {
        // 99 equal hills: the Krylov space breaks down after two steps; locking must still find three copies.
        StraightValley valley = new StraightValley(new RiverProfile.Linear(1.0), HillSpectrum.constant(7.0, 99));
        double[] x = valley.defaultStart();
        assertArrayEquals(new double[] {7.0, 7.0, 7.0}, Sharpness.top(valley, x, 3), DENSE_EXACT * 7.0);
        assertEquals(7.0 * 99, Sharpness.trace(valley, x), DENSE_EXACT * 7.0 * 99);
    }

    @Test
    void largeRotatedValleyByLanczos() {
        int d = 1000; // large enough that only Lanczos is used; building Q for d = 2000 alone takes seconds
        double[] hills = HillSpectrum.geometric(100.0, 0.01, d - 1);
        RotatedValley valley = new RotatedValley(new StraightValley(new RiverProfile.Softplus(1.0), hills), 2026L);
        double[] x = valley.defaultStart();
        x[3] = 0.5;
        double[] top = Sharpness.top(valley, x, 3);
        // Rotation leaves the spectrum alone: {100, hills..., softplus curvature <= 1/4}.
        for (int i = 0; i < 3; i++) {
            assertEquals(hills[i], top[i], LANCZOS_VS_DENSE * 100.0, "eigenvalue " + i);
        }
        double[] again = Sharpness.top(valley, x, 3);
        assertArrayEquals(top, again, 0.0, "same seed, same bits");
        double sum = new RiverProfile.Softplus(1.0).curvature(valley.riverCoordinate(x));
        for (double h : hills) {
            sum += h;
        }
        assertEquals(sum, Sharpness.trace(valley, x), DENSE_EXACT * sum);
    }

    @Test
    void rejectsBadArguments() {
        Landscape valley = Landscapes.straight(1.0, 2.0);
        double[] x = valley.defaultStart();
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Sharpness.top(valley, x, 4));
        assertEquals("k", e.field());
        assertEquals("tolerance", assertThrows(InvalidValueException.class,
                () -> Sharpness.lanczos(valley, x, 1, 0.0, 1)).field());
    }

    @Test
    void registryHasExamples() {
        Map<String, AnalyticValley> examples = Landscapes.examples();
        assertEquals(examples.size(), examples.values().stream().distinct().count());
    }
}
