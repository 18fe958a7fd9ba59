package io.github.rivervalley.bigram.model;

import io.github.rivervalley.landscapes.Landscape;
import java.util.SplittableRandom;

/**
 * Top (largest algebraic) eigenvalue of a landscape's Hessian, optionally restricted to a subset of
 * coordinates (the principal submatrix {@code P H P}), from Hessian-vector products only.
 *
 * <p>Power iteration finds the eigenvalue of largest magnitude; if that one is negative the iteration is
 * repeated on {@code H - lambda I}, whose top eigenvalue is then the dominant one. Stops when the Rayleigh
 * quotient changes by less than {@value #TOLERANCE} relative, or after {@value #MAX_ITERATIONS} products.
 */
final class PowerIteration {

    static final double TOLERANCE = 1e-10;
    static final int MAX_ITERATIONS = 1000;

    private PowerIteration() {
    }

    static double topEigenvalue(Landscape landscape, double[] x, boolean[] mask, long seed) {
        double dominant = iterate(landscape, x, mask, 0.0, seed);
        if (dominant >= 0) {
            return dominant;
        }
        return iterate(landscape, x, mask, dominant, seed + 1) + dominant;
    }

    /** Dominant eigenvalue of {@code P H P - shift I} on the masked coordinates. */
    private static double iterate(Landscape landscape, double[] x, boolean[] mask, double shift, long seed) {
        int d = landscape.dimension();
        double[] v = new double[d];
        double[] hv = new double[d];
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < d; n++) {
            v[n] = mask == null || mask[n] ? random.nextDouble(-1.0, 1.0) : 0.0;
        }
        if (!normalize(v)) {
            return 0.0;
        }
        double lambda = Double.NaN;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            landscape.hessianVectorProduct(x, v, hv);
            double rayleigh = 0.0;
            for (int n = 0; n < d; n++) {
                if (mask != null && !mask[n]) {
                    hv[n] = 0.0;
                }
                hv[n] -= shift * v[n];
                rayleigh += v[n] * hv[n];
            }
            System.arraycopy(hv, 0, v, 0, d);
            boolean nonZero = normalize(v);
            if (Math.abs(rayleigh - lambda) <= TOLERANCE * Math.abs(rayleigh) || !nonZero) {
                return rayleigh;
            }
            lambda = rayleigh;
        }
        return lambda;
    }

    private static boolean normalize(double[] v) {
        double norm = 0.0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return false;
        }
        for (int n = 0; n < v.length; n++) {
            v[n] /= norm;
        }
        return true;
    }
}
