package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * The curved valley {@code L(x, y, z) = r(x) + (lambda/2)(y - A sin(k x))^2 + sum_j (lambda_j/2) z_j^2}:
 * a wall of curvature {@code lambda} around the sine-shaped floor {@code y = A sin(k x)} in the
 * (x, y) plane (coordinates 0 and 1), plus optional straight extra hills {@code z_j} (coordinates 2..).
 *
 * <p><b>Projection.</b> {@code Phi(x)} is the <em>orthogonal</em> (nearest-point) projection onto the
 * floor curve, not the vertical one (same x): it minimises the squared distance
 * {@code (t - x)^2 + (A sin(k t) - y)^2} over the floor parameter t, with the extra hills set to zero.
 * The stationarity equation is solved with a bracketing Brent solver on every sign change found on a
 * grid of 32 cells per period (at least 8) over the only interval that can hold a nearer point, and the
 * globally nearest root wins. Two roots closer together than a grid cell (a point near a centre of
 * curvature of the floor, where nearest points are nearly tied) can be missed. The grid is capped at
 * 2^20 cells (coarser only for points millions of periods away); non-finite points project to NaN.
 *
 * <p><b>River coordinate</b>: signed arc length along the floor from x = 0 to {@code Phi(x)}, computed
 * with Gauss-Legendre integration (exact periodicity: whole half-periods are counted, only the
 * remainder is integrated).
 *
 * <p><b>River loss</b> is {@code L(Phi(x)) = r(t)} with t the floor parameter of {@code Phi(x)}, and the
 * <b>hill excess</b> {@code L(x) - r(t)}. Because the floor is the minimum of L along vertical lines but
 * not along its normals, the hill excess along a normal is
 * {@code -r'(t) s delta / sqrt(1 + s^2) + O(delta^2)} (s = floor slope): it dips slightly below zero
 * on one side of the river wherever the river slopes and the floor is tilted. It is {@code >= 0} near the
 * river where {@code r'(t) s = 0}.
 *
 * <p><b>Hill basis</b> at {@code Phi(x)}: the in-plane unit normal {@code (-s, 1)/sqrt(1+s^2)}, whose
 * wall curvature is {@code lambda (1 + s^2) + r''(t) s^2 / (1 + s^2)}, and the extra hill axes with
 * curvature {@code lambda_j}, ordered by decreasing curvature (the normal first on ties). The Hessian
 * at a floor point restricted to the normal space is diagonal in this basis, so these are its
 * eigenvalues.
 */
public final class CurvedValley implements AnalyticValley {

    /** Grid cells per period (2 pi / k) when bracketing roots of the stationarity equation. */
    private static final int CELLS_PER_PERIOD = 32;
    private static final int MIN_CELLS = 8;
    /** Cap on grid cells (about 20 ms of work): only points millions of periods from the floor reach it. */
    private static final int MAX_CELLS = 1 << 20;

    private final RiverProfile river;
    private final double hillCurvature;
    private final double amplitude;
    private final double wavenumber;
    private final double[] extraHills;
    /** pi / k: half the floor's period. */
    private final double halfPeriod;
    /** Arc length along the floor. */
    private final SineArc arc;

    /**
     * @param river the loss along the floor, as a function of x
     * @param hillCurvature {@code lambda > 0}, curvature of the wall across the floor
     * @param amplitude A (any finite number; 0 gives a straight valley, a negative value flips the floor)
     * @param wavenumber {@code k > 0}
     * @param extraHills curvatures {@code lambda_j > 0} of extra straight hills (may be empty)
     */
    public CurvedValley(RiverProfile river, double hillCurvature, double amplitude, double wavenumber, double[] extraHills) {
        this.river = Check.present("river", river);
        this.hillCurvature = Check.positive("hillCurvature", hillCurvature);
        this.amplitude = Check.finite("amplitude", amplitude);
        this.wavenumber = Check.positive("wavenumber", wavenumber);
        this.extraHills = Check.present("extraHills", extraHills).clone();
        for (int j = 0; j < this.extraHills.length; j++) {
            Check.positive("extraHills[" + j + "]", this.extraHills[j]);
        }
        this.halfPeriod = Math.PI / wavenumber;
        try {
            this.arc = new SineArc(amplitude, wavenumber);
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            // The arc-length integral of a floor this steep does not converge (|A k| around 1e300, say).
            throw new InvalidValueException("amplitude", amplitude, "an amplitude whose floor's arc length can be computed"
                    + " (|amplitude x wavenumber| = " + Math.abs(amplitude * wavenumber) + " is too large)");
        }
    }

    /** A 2-D curved valley without extra hills. */
    public CurvedValley(RiverProfile river, double hillCurvature, double amplitude, double wavenumber) {
        this(river, hillCurvature, amplitude, wavenumber, new double[0]);
    }

    public RiverProfile river() {
        return river;
    }

    public double hillCurvature() {
        return hillCurvature;
    }

    public double amplitude() {
        return amplitude;
    }

    public double wavenumber() {
        return wavenumber;
    }

    /** A copy of the extra hill curvatures. */
    public double[] extraHills() {
        return extraHills.clone();
    }

    /** The floor {@code A sin(k t)}. */
    public double floor(double t) {
        return amplitude * Math.sin(wavenumber * t);
    }

    /** The floor's slope {@code A k cos(k t)}. */
    public double floorSlope(double t) {
        return amplitude * wavenumber * Math.cos(wavenumber * t);
    }

    @Override
    public int dimension() {
        return 2 + extraHills.length;
    }

    @Override
    public double value(double[] x) {
        double u = x[1] - floor(x[0]);
        return AxisHills.addValue(river.value(x[0]) + 0.5 * hillCurvature * u * u, extraHills, x, 2);
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        double t = x[0];
        double u = x[1] - floor(t);
        double loss = river.value(t) + 0.5 * hillCurvature * u * u;
        gradient[0] = river.slope(t) - hillCurvature * u * floorSlope(t);
        gradient[1] = hillCurvature * u;
        return AxisHills.addGradient(loss, extraHills, x, 2, gradient);
    }

    /** Entry (0,0) of the Hessian: {@code r'' + lambda s^2 + lambda u A k^2 sin(k x)}. */
    private double hessian00(double[] x) {
        double t = x[0];
        double s = floorSlope(t);
        double u = x[1] - floor(t);
        return river.curvature(t) + hillCurvature * (s * s + u * wavenumber * wavenumber * floor(t));
    }

    @Override
    public void hessianVectorProduct(double[] x, double[] v, double[] out) {
        double h00 = hessian00(x);
        double h01 = -hillCurvature * floorSlope(x[0]);
        out[0] = h00 * v[0] + h01 * v[1];
        out[1] = h01 * v[0] + hillCurvature * v[1];
        AxisHills.multiply(extraHills, v, 2, out);
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        int d = dimension();
        out.reshape(d, d);
        out.zero();
        double h01 = -hillCurvature * floorSlope(x[0]);
        out.unsafe_set(0, 0, hessian00(x));
        out.unsafe_set(0, 1, h01);
        out.unsafe_set(1, 0, h01);
        out.unsafe_set(1, 1, hillCurvature);
        AxisHills.setDiagonal(extraHills, 2, out);
    }

    @Override
    public double hessianTrace(double[] x) {
        return AxisHills.addTrace(hessian00(x) + hillCurvature, extraHills);
    }

    /**
     * The floor parameter t of the nearest floor point to {@code (x0, x1)}: the global minimiser of
     * {@code f(t) = (t - x0)^2 + (A sin(k t) - x1)^2}.
     */
    public double nearestFloorParameter(double x0, double x1) {
        if (!Double.isFinite(x0) || !Double.isFinite(x1)) {
            return Double.NaN; // a diverged run: no meaningful projection
        }
        double dist0 = Math.abs(x1 - floor(x0));
        if (dist0 == 0.0 || amplitude == 0.0) {
            return x0;
        }
        // A nearer floor point has (t - x0)^2 <= dist0^2 - (x1 - A sin kt)^2 and |x1 - A sin kt| >= |x1| - |A|.
        double gap = Math.max(0.0, Math.abs(x1) - Math.abs(amplitude));
        double halfWidth = Math.sqrt(Math.max(0.0, (dist0 - gap) * (dist0 + gap)));
        if (halfWidth == 0.0) {
            return x0;
        }
        double cellWidth = 2.0 * halfPeriod / CELLS_PER_PERIOD;
        int cells = (int) Math.min(MAX_CELLS, Math.max(MIN_CELLS, Math.ceil(2.0 * halfWidth / cellWidth)));
        double lo = x0 - halfWidth;
        double step = 2.0 * halfWidth / cells;
        double best = x0;
        double bestDistance2 = dist0 * dist0;
        double a = lo;
        double ga = stationarity(a, x0, x1);
        for (int i = 1; i <= cells; i++) {
            double b = i == cells ? x0 + halfWidth : lo + i * step;
            double gb = stationarity(b, x0, x1);
            // f' = 2g: a local minimum of f is where g goes from negative to positive.
            if (ga <= 0.0 && gb >= 0.0) {
                double root;
                if (ga == 0.0) {
                    root = a;
                } else if (gb == 0.0) {
                    root = b;
                } else {
                    root = BracketedRoot.of(t -> stationarity(t, x0, x1), a, b);
                }
                double dt = root - x0;
                double dy = floor(root) - x1;
                double distance2 = dt * dt + dy * dy;
                if (distance2 < bestDistance2) {
                    bestDistance2 = distance2;
                    best = root;
                }
            }
            a = b;
            ga = gb;
        }
        return best;
    }

    /** Half the derivative of the squared distance from (x0, x1) to the floor point at t. */
    private double stationarity(double t, double x0, double x1) {
        return (t - x0) + (floor(t) - x1) * floorSlope(t);
    }

    @Override
    public void project(double[] x, double[] out) {
        double t = nearestFloorParameter(x[0], x[1]);
        Arrays.fill(out, 0.0);
        out[0] = t;
        out[1] = floor(t);
    }

    /** Signed arc length of the floor from 0 to the floor point with parameter t. */
    public double arcLength(double t) {
        return arc.length(t);
    }

    /** The floor parameter whose arc length from 0 is {@code c} (inverse of {@link #arcLength}). */
    public double floorParameterAt(double c) {
        return arc.parameterAt(c);
    }

    @Override
    public double riverCoordinate(double[] x) {
        return arcLength(nearestFloorParameter(x[0], x[1]));
    }

    @Override
    public void riverPoint(double c, double[] out) {
        double t = floorParameterAt(c);
        Arrays.fill(out, 0.0);
        out[0] = t;
        out[1] = floor(t);
    }

    @Override
    public void riverTangent(double[] x, double[] out) {
        double s = floorSlope(nearestFloorParameter(x[0], x[1]));
        double norm = Math.hypot(1.0, s);
        Arrays.fill(out, 0.0);
        out[0] = 1.0 / norm;
        out[1] = s / norm;
    }

    /** Wall curvature along the in-plane normal at the floor point with parameter t. */
    public double normalCurvature(double t) {
        double s = floorSlope(t);
        double s2 = s * s;
        return hillCurvature * (1.0 + s2) + river.curvature(t) * s2 / (1.0 + s2);
    }

    @Override
    public DMatrixRMaj hillBasis(double[] x) {
        double t = nearestFloorParameter(x[0], x[1]);
        int d = dimension();
        int hills = d - 1;
        // Hill k: 0 is the in-plane normal, k >= 1 is extra hill k-1. Stable sort by decreasing curvature.
        Integer[] order = new Integer[hills];
        double[] curvature = new double[hills];
        curvature[0] = normalCurvature(t);
        for (int k = 0; k < hills; k++) {
            order[k] = k;
            if (k > 0) {
                curvature[k] = extraHills[k - 1];
            }
        }
        Arrays.sort(order, (p, q) -> Double.compare(curvature[q], curvature[p]));
        double s = floorSlope(t);
        double norm = Math.hypot(1.0, s);
        DMatrixRMaj basis = new DMatrixRMaj(d, hills);
        for (int col = 0; col < hills; col++) {
            int k = order[col];
            if (k == 0) {
                basis.unsafe_set(0, col, -s / norm);
                basis.unsafe_set(1, col, 1.0 / norm);
            } else {
                basis.unsafe_set(k + 1, col, 1.0);
            }
        }
        return basis;
    }

    /** Solves the projection once for every standard measurement. */
    @Override
    public void measure(double[] x, double[] out) {
        double t = nearestFloorParameter(x[0], x[1]);
        double[] p = new double[dimension()];
        p[0] = t;
        p[1] = floor(t);
        double loss = value(x);
        double riverLoss = river.value(t);
        double dist2 = 0.0;
        for (int i = 0; i < p.length; i++) {
            double diff = x[i] - p[i];
            dist2 += diff * diff;
        }
        DMatrixRMaj basis = hillBasis(p);
        double disp = 0.0;
        for (int i = 0; i < p.length; i++) {
            disp += (x[i] - p[i]) * basis.unsafe_get(i, 0);
        }
        Measure.write(out, loss, riverLoss, loss - riverLoss, arcLength(t), Math.sqrt(dist2), disp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurvedValley other
                && river.equals(other.river)
                && Double.compare(hillCurvature, other.hillCurvature) == 0
                && Double.compare(amplitude, other.amplitude) == 0
                && Double.compare(wavenumber, other.wavenumber) == 0
                && Arrays.equals(extraHills, other.extraHills);
    }

    @Override
    public int hashCode() {
        return Objects.hash(river, hillCurvature, amplitude, wavenumber, Arrays.hashCode(extraHills));
    }

    @Override
    public String toString() {
        return "CurvedValley[d=" + dimension() + ", river=" + river + ", hillCurvature=" + hillCurvature
                + ", amplitude=" + amplitude + ", wavenumber=" + wavenumber
                + (extraHills.length == 0 ? "" : ", extraHills=" + Summaries.ofValues(extraHills)) + "]";
    }
}
