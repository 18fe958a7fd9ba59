package io.github.rivervalley.landscapes.analytic;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Arc length along the floor {@code y = A sin(k t)} of a {@link CurvedValley}, and its inverse, with
 * Gauss-Legendre integration. The integrand has period {@code pi / k}, so whole half-periods are counted
 * and only the remainder is integrated (exact periodicity).
 */
final class SineArc {

    private static final double INTEGRAL_ACCURACY = 1e-14;
    private static final int GAUSS_POINTS = 16;

    private final double amplitude;
    private final double wavenumber;
    /** pi / k: the period of the arc-length integrand. */
    private final double halfPeriod;
    /** Arc length of the floor over one half-period. */
    private final double halfPeriodLength;

    /**
     * The arc of {@code A sin(k t)}; throws Hipparchus' {@code MathIllegalStateException} when the
     * half-period's integral does not converge (a floor far too steep).
     */
    SineArc(double amplitude, double wavenumber) {
        this.amplitude = amplitude;
        this.wavenumber = wavenumber;
        this.halfPeriod = Math.PI / wavenumber;
        this.halfPeriodLength = amplitude == 0.0 ? halfPeriod : integrateArc(halfPeriod);
    }

    /** Signed arc length of the floor from 0 to the floor point with parameter t. */
    double length(double t) {
        if (amplitude == 0.0 || !Double.isFinite(t)) {
            return t;
        }
        double periods = Math.floor(t / halfPeriod);
        double rest = Math.min(Math.max(t - periods * halfPeriod, 0.0), halfPeriod);
        return periods * halfPeriodLength + integrateArc(rest);
    }

    /** The floor parameter whose arc length from 0 is {@code c} (inverse of {@link #length}). */
    double parameterAt(double c) {
        if (amplitude == 0.0 || !Double.isFinite(c)) {
            return c;
        }
        double periods = Math.floor(c / halfPeriodLength);
        double rest = Math.min(Math.max(c - periods * halfPeriodLength, 0.0), halfPeriodLength);
        double offset;
        if (rest == 0.0) {
            offset = 0.0;
        } else if (rest == halfPeriodLength) {
            offset = halfPeriod;
        } else {
            offset = BracketedRoot.of(r -> integrateArc(r) - rest, 0.0, halfPeriod);
        }
        return periods * halfPeriod + offset;
    }

    /** Arc length from 0 to {@code r}, for {@code 0 <= r <= pi/k}. */
    private double integrateArc(double r) {
        if (r == 0.0) {
            return 0.0;
        }
        IterativeLegendreGaussIntegrator integrator =
                new IterativeLegendreGaussIntegrator(GAUSS_POINTS, INTEGRAL_ACCURACY, INTEGRAL_ACCURACY, 1, 30);
        return integrator.integrate(Integer.MAX_VALUE, u -> {
            double s = amplitude * wavenumber * Math.cos(wavenumber * u); // the floor's slope
            return Math.sqrt(1.0 + s * s);
        }, 0.0, r);
    }
}
