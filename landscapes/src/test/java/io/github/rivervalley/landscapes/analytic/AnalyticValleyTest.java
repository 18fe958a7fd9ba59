package io.github.rivervalley.landscapes.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.Decomposer.Measure;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Identities every analytic valley must satisfy, checked over the whole registry. */
class AnalyticValleyTest {

    /**
     * Central differences with step h have truncation error h^2 |f'''| / 6 and rounding error about
     * eps |f| / h. With h = 1e-5 the examples (|f'''| below ~1e3, |f| below ~1e2 near the river) give
     * at most ~2e-8 + 1e-9; 1e-6 relative to (1 + the size of the quantity) leaves a margin while a
     * wrong term (an O(1) error) still fails by orders of magnitude.
     */
    private static final double FD_STEP = 1e-5;
    private static final double FD_TOLERANCE = 1e-6;
    /** Pure floating-point identities (a few operations apart): relative 1e-12. */
    private static final double EXACT = 1e-12;
    /**
     * Round trips through the curved valley's arc length go through Gauss-Legendre integration and a root
     * solve, both converged to ~1e-14 relative; 1e-11 leaves room for the conditioning of the inverse.
     */
    private static final double ROUND_TRIP = 1e-11;

    static Stream<Arguments> examples() {
        return Landscapes.examples().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** Seeded points within ~0.3 of the river. */
    static double[][] pointsNear(AnalyticValley valley, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[count][];
        for (int p = 0; p < count; p++) {
            double[] x = new double[valley.dimension()];
            valley.riverPoint(random.nextDouble(-3.0, 3.0), x);
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.3 * random.nextGaussian();
            }
            points[p] = x;
        }
        return points;
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void registryCoversEveryAnalyticFamily() {
        Set<Class<?>> covered = new HashSet<>();
        for (AnalyticValley valley : Landscapes.examples().values()) {
            covered.add(valley.getClass());
        }
        Set<Class<?>> families = new HashSet<>(Arrays.asList(AnalyticValley.class.getPermittedSubclasses()));
        assertEquals(families, covered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void gradientMatchesCentralDifferences(String name, AnalyticValley valley) {
        int d = valley.dimension();
        double[] g = new double[d];
        for (double[] x : pointsNear(valley, 1, 5)) {
            double loss = valley.gradient(x, g);
            assertEquals(valley.value(x), loss, EXACT * (1 + Math.abs(loss)), name + " returned loss");
            for (int i = 0; i < d; i++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += FD_STEP;
                xm[i] -= FD_STEP;
                double fd = (valley.value(xp) - valley.value(xm)) / (2 * FD_STEP);
                assertEquals(fd, g[i], FD_TOLERANCE * (1 + Math.abs(g[i]) + Math.abs(loss)), name + " dL/dx" + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hessianMatchesDifferencesOfTheGradient(String name, AnalyticValley valley) {
        int d = valley.dimension();
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (double[] x : pointsNear(valley, 2, 4)) {
            DMatrixRMaj h = valley.hessian(x);
            double scale = 1 + Arrays.stream(h.data).map(Math::abs).max().orElse(0);
            for (int j = 0; j < d; j++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += FD_STEP;
                xm[j] -= FD_STEP;
                valley.gradient(xp, gp);
                valley.gradient(xm, gm);
                for (int i = 0; i < d; i++) {
                    double fd = (gp[i] - gm[i]) / (2 * FD_STEP);
                    assertEquals(fd, h.get(i, j), FD_TOLERANCE * scale, name + " H" + i + j);
                    assertEquals(h.get(j, i), h.get(i, j), EXACT * scale, name + " symmetric");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hessianVectorProductAndTraceMatchTheHessian(String name, AnalyticValley valley) {
        int d = valley.dimension();
        SplittableRandom random = new SplittableRandom(3);
        double[] hv = new double[d];
        for (double[] x : pointsNear(valley, 3, 3)) {
            DMatrixRMaj h = valley.hessian(x);
            double scale = 1 + Arrays.stream(h.data).map(Math::abs).max().orElse(0);
            double[] v = random.doubles(d, -1, 1).toArray();
            valley.hessianVectorProduct(x, v, hv);
            double trace = 0;
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += h.get(i, j) * v[j];
                }
                assertEquals(sum, hv[i], EXACT * scale * d, name + " (Hv)_" + i);
                trace += h.get(i, i);
            }
            assertEquals(trace, valley.hessianTrace(x), EXACT * scale * d, name + " trace");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void measurementsAreTheDecomposition(String name, AnalyticValley valley) {
        int d = valley.dimension();
        double[] out = new double[valley.measureCount()];
        double[] p = new double[d];
        double[] n = new double[d];
        for (double[] x : pointsNear(valley, 4, 5)) {
            valley.measure(x, out);
            valley.project(x, p);
            valley.topHillDirection(x, n);
            double loss = out[Measure.LOSS.ordinal()];
            double river = out[Measure.RIVER_LOSS.ordinal()];
            double excess = out[Measure.HILL_EXCESS.ordinal()];
            double scale = Math.max(Math.abs(loss), Math.max(Math.abs(river), Math.abs(excess)));
            assertEquals(valley.value(x), loss, EXACT * scale, name + " loss");
            assertEquals(loss, river + excess, EXACT * scale, name + " loss = river_loss + hill_excess");
            assertEquals(valley.value(p), river, EXACT * scale, name + " river_loss = L(Phi(x))");
            assertEquals(valley.riverLoss(x), river, EXACT * scale, name + " riverLoss()");
            assertEquals(valley.hillExcess(x), excess, EXACT * scale, name + " hillExcess()");
            double[] diff = new double[d];
            double disp = 0;
            for (int i = 0; i < d; i++) {
                diff[i] = x[i] - p[i];
                disp += diff[i] * n[i];
            }
            assertEquals(norm(diff), out[Measure.HILL_DIST.ordinal()], EXACT * (1 + norm(x)), name + " hill_dist");
            assertEquals(valley.hillDistance(x), out[Measure.HILL_DIST.ordinal()], EXACT * (1 + norm(x)), name);
            assertEquals(disp, out[Measure.HILL_DISP.ordinal()], EXACT * (1 + norm(x)), name + " hill_disp");
            double c = valley.riverCoordinate(x);
            assertEquals(c, out[Measure.RIVER_COORD.ordinal()], EXACT * (1 + Math.abs(c)), name + " river_coord");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void projectionIsIdempotentAndFixesTheRiver(String name, AnalyticValley valley) {
        int d = valley.dimension();
        double[] p = new double[d];
        double[] pp = new double[d];
        double[] r = new double[d];
        double[] rp = new double[d];
        for (double[] x : pointsNear(valley, 5, 5)) {
            valley.project(x, p);
            valley.project(p, pp);
            double scale = 1 + norm(p);
            assertTrue(maxAbsDiff(p, pp) <= EXACT * scale, name + " Phi(Phi(x)) = Phi(x)");
            // riverPoint(riverCoordinate(x)) = Phi(x)
            valley.riverPoint(valley.riverCoordinate(x), r);
            assertTrue(maxAbsDiff(p, r) <= ROUND_TRIP * scale, name + " riverPoint(riverCoordinate(x)) = Phi(x): " + maxAbsDiff(p, r));
        }
        for (double c : new double[] {-7.5, -1.0, 0.0, 0.3, 2.0, 11.0}) {
            valley.riverPoint(c, r);
            valley.project(r, rp);
            assertTrue(maxAbsDiff(r, rp) <= EXACT * (1 + norm(r)), name + " a river point projects to itself");
            assertEquals(c, valley.riverCoordinate(r), ROUND_TRIP * (1 + Math.abs(c)), name + " riverCoordinate(riverPoint(c))");
            assertEquals(0.0, valley.hillDistance(r), EXACT * (1 + norm(r)), name);
        }
        valley.riverPoint(0.0, r);
        assertTrue(maxAbsDiff(r, valley.defaultStart()) == 0.0, name + " default start is the river at 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void tangentAndHillBasisAreOrthonormalAndOrderedBySteepness(String name, AnalyticValley valley) {
        int d = valley.dimension();
        double[] t = new double[d];
        double[] p = new double[d];
        double[] top = new double[d];
        for (double[] x : pointsNear(valley, 6, 3)) {
            valley.riverTangent(x, t);
            valley.project(x, p);
            valley.topHillDirection(x, top);
            DMatrixRMaj basis = valley.hillBasis(x);
            assertEquals(d, basis.numRows);
            assertEquals(d - 1, basis.numCols);
            DMatrixRMaj h = valley.hessian(p);
            double previous = Double.POSITIVE_INFINITY;
            double hScale = 1 + Arrays.stream(h.data).map(Math::abs).max().orElse(0);
            assertEquals(1.0, norm(t), EXACT, name + " |tangent|");
            for (int a = 0; a < d - 1; a++) {
                double dotT = 0;
                for (int i = 0; i < d; i++) {
                    dotT += basis.get(i, a) * t[i];
                }
                assertEquals(0.0, dotT, EXACT, name + " hill " + a + " is normal to the river");
                for (int b = 0; b < d - 1; b++) {
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += basis.get(i, a) * basis.get(i, b);
                    }
                    assertEquals(a == b ? 1.0 : 0.0, dot, EXACT, name + " basis orthonormal");
                }
                double curvature = 0;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        curvature += basis.get(i, a) * h.get(i, j) * basis.get(j, a);
                    }
                }
                assertTrue(curvature <= previous + EXACT * hScale, name + " curvature decreases along the basis");
                previous = curvature;
                if (a == 0) {
                    for (int i = 0; i < d; i++) {
                        assertEquals(basis.get(i, 0), top[i], 0.0, name + " topHillDirection is column 0");
                    }
                }
            }
        }
    }

    /**
     * Near the river the excess is the wall's quadratic, so it is >= 0. For a curved valley this holds
     * only where the floor is level (or the river flat): elsewhere the orthogonal projection gives a first
     * order term (see {@link #curvedValleyExcessFollowsTheNormalExpansion}). So curved valleys are checked
     * on the normal lines through their crests (cos kt = 0); every other family at random points.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hillExcessIsNonNegativeNearTheRiver(String name, AnalyticValley valley) {
        int d = valley.dimension();
        SplittableRandom random = new SplittableRandom(7);
        double[] base = new double[d];
        for (int trial = 0; trial < 20; trial++) {
            double c;
            if (valley instanceof CurvedValley curved) {
                double crest = (Math.PI / 2 + random.nextInt(-3, 4) * Math.PI) / curved.wavenumber();
                c = curved.arcLength(crest);
            } else {
                c = random.nextDouble(-3, 3);
            }
            valley.riverPoint(c, base);
            DMatrixRMaj basis = valley.hillBasis(base);
            double[] x = base.clone();
            for (int a = 0; a < d - 1; a++) {
                double step = 0.05 * random.nextGaussian();
                for (int i = 0; i < d; i++) {
                    x[i] += step * basis.get(i, a);
                }
            }
            double excess = valley.hillExcess(x);
            assertTrue(excess >= -EXACT * (1 + Math.abs(valley.value(x))), name + " excess " + excess + " at c=" + c);
        }
    }
}
