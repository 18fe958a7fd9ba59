package io.github.rivervalley.landscapes.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.SplittableRandom;
import org.hipparchus.special.elliptic.legendre.LegendreEllipticIntegral;
import org.junit.jupiter.api.Test;

class CurvedValleyTest {

    private final CurvedValley valley = new CurvedValley(new RiverProfile.Linear(1.0), 20.0, 0.8, 1.3, new double[] {5.0});

    @Test
    void projectionIsOrthogonalAndGloballyNearest() {
        SplittableRandom random = new SplittableRandom(17);
        double[] p = new double[3];
        double[] t = new double[3];
        for (int trial = 0; trial < 200; trial++) {
            double[] x = {random.nextDouble(-6, 6), random.nextDouble(-2.5, 2.5), random.nextGaussian()};
            valley.project(x, p);
            valley.riverTangent(x, t);
            double dx = x[0] - p[0];
            double dy = x[1] - p[1];
            double dist = Math.hypot(dx, dy);
            // Stationarity solved to ~1e-15 in t: the residual dot product is rounding-sized.
            assertEquals(0.0, dx * t[0] + dy * t[1], 1e-12 * (1 + dist), "x - Phi(x) is orthogonal to the tangent");
            assertEquals(0.0, p[2], 0.0, "extra hills are projected to 0");
            // Independent brute force: 40001 floor samples over the only interval that can be nearer.
            double best = Double.POSITIVE_INFINITY;
            double lo = x[0] - 3.5;
            double hi = x[0] + 3.5;
            for (int i = 0; i <= 40000; i++) {
                double s = lo + (hi - lo) * i / 40000;
                best = Math.min(best, Math.hypot(s - x[0], valley.floor(s) - x[1]));
            }
            // A sample spacing of 1.75e-4 leaves the sampled minimum above the true one by at most
            // ~(spacing * |floor'|max)^2-ish / dist plus spacing^2 terms: far below 1e-6.
            assertTrue(dist <= best + 1e-12, "Phi(x) is at least as near as every sample: " + dist + " vs " + best);
            assertTrue(dist >= best - 1e-6, "and no nearer than the sampled minimum allows");
        }
    }

    @Test
    void arcLengthMatchesTheEllipticIntegral() {
        // s(t) = int_0^t sqrt(1 + a^2 cos^2 ku) du = sqrt(1 + a^2)/k * E(kt | m), a = Ak, m = a^2/(1 + a^2).
        double a = valley.amplitude() * valley.wavenumber();
        double m = a * a / (1 + a * a);
        for (double t : new double[] {-40.3, -2.0, -0.1, 0.0, 0.7, 1.9, 5.5, 123.4}) {
            // (Hipparchus returns NaN for E(0 | m), which is 0.)
            double expected = t == 0 ? 0 : Math.sqrt(1 + a * a) / valley.wavenumber() * LegendreEllipticIntegral.bigE(valley.wavenumber() * t, m);
            assertEquals(expected, valley.arcLength(t), 1e-12 * (1 + Math.abs(expected)), "t=" + t);
            assertEquals(t, valley.floorParameterAt(valley.arcLength(t)), 1e-11 * (1 + Math.abs(t)), "inverse at t=" + t);
        }
    }

    @Test
    void smallAmplitudeArcLengthMatchesAFineTrapezoidSum() {
        CurvedValley gentle = new CurvedValley(new RiverProfile.Linear(1.0), 10.0, 0.01, 3.0);
        double t = 2.7;
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double u = t * i / n;
            double s = gentle.floorSlope(u);
            double f = Math.sqrt(1 + s * s);
            sum += (i == 0 || i == n) ? f / 2 : f;
        }
        // Trapezoid error t h^2 max|f''| / 12 with h = 1.35e-5 and |f''| <= (Ak^2)^2 k^0 ~ 1e-2: ~1e-13.
        assertEquals(sum * t / n, gentle.arcLength(t), 1e-12);
        assertTrue(gentle.arcLength(t) > t, "a wavy floor is longer than its shadow");
    }

    @Test
    void zeroAmplitudeIsTheStraightValley() {
        CurvedValley flat = new CurvedValley(new RiverProfile.Softplus(1.0), 10.0, 0.0, 2.0, new double[] {3.0});
        StraightValley straight = new StraightValley(new RiverProfile.Softplus(1.0), new double[] {10.0, 3.0});
        double[] x = {1.7, -0.4, 0.2};
        assertEquals(1.7, flat.riverCoordinate(x), 0.0);
        double[] a = new double[6];
        double[] b = new double[6];
        flat.measure(x, a);
        straight.measure(x, b);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-15 * (1 + Math.abs(b[i])), "measure " + i);
        }
    }

    @Test
    void curvedValleyExcessFollowsTheNormalExpansion() {
        // Along the unit normal n at floor parameter t: excess(delta) = -r'(t) s delta / sqrt(1 + s^2)
        // + kappa_n delta^2 / 2 + O(delta^3), s = floor slope, kappa_n = normalCurvature(t).
        CurvedValley plane = new CurvedValley(new RiverProfile.Softplus(2.0), 20.0, 0.8, 1.3);
        for (double t : new double[] {-1.0, 0.2, 0.9}) {
            double s = plane.floorSlope(t);
            double norm = Math.hypot(1, s);
            double first = -plane.river().slope(t) * s / norm;
            double second = plane.normalCurvature(t) / 2;
            for (double delta : new double[] {1e-3, -1e-3, 5e-4}) {
                double[] x = {t - delta * s / norm, plane.floor(t) + delta / norm};
                double[] p = new double[2];
                plane.project(x, p);
                assertEquals(t, p[0], 1e-12, "the nearest floor point of a point on the normal");
                double excess = plane.hillExcess(x);
                // The O(delta^3) remainder: |L'''| here is below ~1e3, so |rest| <= 1e3 delta^3 / 6 < 2e-7.
                assertEquals(first * delta + second * delta * delta, excess, 2e-7, "t=" + t + ", delta=" + delta);
            }
            if (first != 0) {
                double delta = -Math.signum(first) * 1e-4;
                double[] x = {t - delta * s / norm, plane.floor(t) + delta / norm};
                assertTrue(plane.hillExcess(x) < 0, "the documented dip below zero on one side");
            }
        }
    }

    @Test
    void divergedPointsGiveNaNAndFarPointsStillProject() {
        double[] out = new double[valley.measureCount()];
        valley.measure(new double[] {Double.POSITIVE_INFINITY, 1.0, 0.0}, out);
        assertTrue(Double.isNaN(out[io.github.rivervalley.landscapes.Decomposer.Measure.RIVER_COORD.ordinal()]));
        double[] far = {3.0, 1e9, 0.0};
        double[] p = new double[3];
        valley.project(far, p);
        // From far above, the nearest floor points are crests (y = A): within the bracket |t - x| <= 2 sqrt(|y| A).
        assertEquals(valley.amplitude(), p[1], 1e-9);
    }

    @Test
    void validationNamesTheField() {
        RiverProfile r = new RiverProfile.Linear(1.0);
        assertEquals("hillCurvature", assertThrows(InvalidValueException.class, () -> new CurvedValley(r, -1.0, 1.0, 1.0)).field());
        assertEquals("wavenumber", assertThrows(InvalidValueException.class, () -> new CurvedValley(r, 1.0, 1.0, 0.0)).field());
        assertEquals("amplitude", assertThrows(InvalidValueException.class, () -> new CurvedValley(r, 1.0, Double.NaN, 1.0)).field());
        assertEquals("extraHills[1]", assertThrows(InvalidValueException.class,
                () -> new CurvedValley(r, 1.0, 1.0, 1.0, new double[] {2.0, 0.0})).field());
        assertEquals("river", assertThrows(InvalidValueException.class, () -> new CurvedValley(null, 1.0, 1.0, 1.0)).field());
        assertEquals(2, new CurvedValley(r, 1.0, 0.0, 1.0).dimension(), "zero amplitude is allowed");
        assertTrue(valley.toString().contains("amplitude=0.8"), valley.toString());
    }
}
