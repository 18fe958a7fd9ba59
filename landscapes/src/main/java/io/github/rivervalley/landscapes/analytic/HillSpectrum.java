package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.check.Check;

/**
 * Spreads of hill curvatures {@code lambda_1 >= ... >= lambda_n} for straight valleys. Real losses have
 * a few very sharp directions and many flat ones; these three shapes cover the usual models of that.
 *
 * <ul>
 *   <li>{@link #constant}: every hill has curvature {@code lambda};
 *   <li>{@link #geometric}: {@code lambda_i = max * (min/max)^(i/(n-1))}, i = 0..n-1, evenly spaced on
 *       a log scale from {@code max} down to {@code min} (just {@code max} when n = 1);
 *   <li>{@link #powerLaw}: {@code lambda_i = max * (i+1)^(-exponent)}, the shape of empirical Hessian
 *       spectra (a heavy tail of small curvatures).
 * </ul>
 * Each returns a new array in decreasing order.
 */
public final class HillSpectrum {

    private HillSpectrum() {
    }

    /** {@code n} hills of curvature {@code lambda}. */
    public static double[] constant(double lambda, int n) {
        Check.positive("hillCurvature", lambda);
        double[] out = new double[Check.positive("hillCount", n)];
        java.util.Arrays.fill(out, lambda);
        return out;
    }

    /** {@code n} curvatures evenly spaced in log scale from {@code max} down to {@code min}. */
    public static double[] geometric(double max, double min, int n) {
        Check.positive("hillCurvature", max);
        Check.inClosedRange("min", Check.positive("min", min), Double.MIN_NORMAL, max);
        double[] out = new double[Check.positive("hillCount", n)];
        double logRatio = Math.log(min / max);
        for (int i = 0; i < n; i++) {
            out[i] = n == 1 ? max : max * Math.exp(logRatio * i / (n - 1));
        }
        // End points exactly as given, whatever exp rounds to.
        out[n - 1] = n == 1 ? max : min;
        return out;
    }

    /** {@code n} curvatures {@code max * (i+1)^(-exponent)}, i = 0..n-1. */
    public static double[] powerLaw(double max, double exponent, int n) {
        Check.positive("hillCurvature", max);
        Check.nonNegative("exponent", exponent);
        double[] out = new double[Check.positive("hillCount", n)];
        for (int i = 0; i < n; i++) {
            out[i] = max * Math.pow(i + 1, -exponent);
        }
        return out;
    }
}
