package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.LinearHillFrame;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.Check;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Curvature-proportional (Fisher-like) noise with covariance {@code Sigma = H(x) / B}: the gradient plus
 * {@code H^{1/2} z / sqrt(B)}, z standard normal. On a straight valley the Hessian is diagonal and the
 * noise is {@code sqrt(lambda_i / B) z_i} per coordinate (the river coordinate uses {@code r''(x_0)},
 * zero for a linear river); on a rotated valley that noise is drawn in the valley's frame and rotated
 * ({@code O(d^2)}). Elsewhere the Hessian at the point is eigen-decomposed with EJML every step
 * ({@code O(d^3)}: fine for small d; negative eigenvalues, possible off the river of a non-convex valley,
 * are clamped to zero so the covariance stays positive semi-definite).
 *
 * @param batchSize B, > 0 (a real number so that sweeps can vary it continuously)
 */
public record CurvatureNoise(double batchSize) implements NoiseModel {

    public CurvatureNoise {
        Check.positive("batchSize", batchSize);
    }

    @Override
    public GradientOracle newOracle(Landscape landscape) {
        double invB = 1.0 / batchSize;
        if (landscape instanceof LinearHillFrame frame && frame.axisAligned()) {
            StraightValley valley = frame.valley();
            double[] scale = hillScales(valley, invB);
            return (x, out, random) -> {
                double loss = valley.gradient(x, out);
                addStraightNoise(valley, scale, invB, x, out, random);
                return loss;
            };
        }
        if (landscape instanceof LinearHillFrame frame) {
            // H = Q diag(lambda) Q^T is known: draw the straight valley's noise in its frame and rotate it (O(d^2)).
            StraightValley valley = frame.valley();
            double[] scale = hillScales(valley, invB);
            int d = frame.dimension();
            double[] y = new double[d];
            double[] noiseY = new double[d];
            double[] noise = new double[d];
            return (z, out, random) -> {
                double loss = frame.gradient(z, out);
                frame.toValleyFrame(z, y);
                java.util.Arrays.fill(noiseY, 0.0);
                addStraightNoise(valley, scale, invB, y, noiseY, random);
                frame.fromValleyFrame(noiseY, noise);
                for (int i = 0; i < d; i++) {
                    out[i] += noise[i];
                }
                return loss;
            };
        }
        int d = landscape.dimension();
        DMatrixRMaj hessian = new DMatrixRMaj(d, d);
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(d, true, true);
        double[] coefficient = new double[d];
        return (x, out, random) -> {
            double loss = landscape.gradient(x, out);
            landscape.hessian(x, hessian);
            if (!eigen.decompose(hessian)) {
                throw new IllegalStateException("eigen-decomposition of the Hessian failed at a point of " + landscape);
            }
            // H^{1/2} z = sum_k sqrt(lambda_k) (z_k) u_k with z_k independent normals.
            for (int k = 0; k < d; k++) {
                double lambda = eigen.getEigenvalue(k).getReal();
                coefficient[k] = Math.sqrt(Math.max(lambda, 0.0) * invB) * random.nextGaussian();
            }
            for (int k = 0; k < d; k++) {
                DMatrixRMaj u = eigen.getEigenVector(k);
                double c = coefficient[k];
                if (u == null || c == 0.0) {
                    continue;
                }
                for (int i = 0; i < d; i++) {
                    out[i] += c * u.data[i];
                }
            }
            return loss;
        };
    }

    private static double[] hillScales(StraightValley valley, double invB) {
        double[] scale = new double[valley.hillCount()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = Math.sqrt(valley.hillCurvature(i) * invB);
        }
        return scale;
    }

    /** Adds {@code sqrt(H_ii / B) z_i} for the straight valley's diagonal Hessian at {@code x} to {@code out}. */
    private static void addStraightNoise(StraightValley valley, double[] scale, double invB, double[] x, double[] out,
            java.util.random.RandomGenerator random) {
        double riverCurvature = valley.river().curvature(x[0]);
        out[0] += Math.sqrt(Math.max(riverCurvature, 0.0) * invB) * random.nextGaussian();
        for (int i = 0; i < scale.length; i++) {
            out[i + 1] += scale[i] * random.nextGaussian();
        }
    }

    @Override
    public String toString() {
        return "curvature(batchSize=" + batchSize + ")";
    }
}
