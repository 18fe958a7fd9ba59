package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Landscape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Top Hessian eigenvalue at a point, plain and Adam-preconditioned, with per-worker scratch space.
 *
 * <p>The preconditioned sharpness is the top eigenvalue of {@code P^{-1/2} H P^{-1/2}} with
 * {@code P = diag(sqrt(vhat) + eps)} Adam's current denominator: the curvature as Adam's update sees it
 * (it has the eigenvalues of {@code P^{-1} H}). Without momentum the update is stable while
 * {@code lr * that < 2}; with Adam's {@code beta1} the bound is {@code 2 (1 + beta1) / (1 - beta1) / lr}.
 */
final class Sharpness {

    private final Landscape landscape;
    private final DMatrixRMaj hessian;
    private final EigenDecomposition_F64<DMatrixRMaj> eigen;

    Sharpness(Landscape landscape) {
        this.landscape = landscape;
        int d = landscape.dimension();
        this.hessian = new DMatrixRMaj(d, d);
        this.eigen = DecompositionFactory_DDRM.eig(d, false, true);
    }

    /** Top eigenvalue of the Hessian at {@code x}. */
    double top(double[] x) {
        landscape.hessian(x, hessian);
        return largest();
    }

    /** Top eigenvalue of {@code P^{-1/2} H P^{-1/2}} at {@code x}, with {@code p} the diagonal of P. */
    double topPreconditioned(double[] x, double[] p) {
        landscape.hessian(x, hessian);
        int d = p.length;
        for (int i = 0; i < d; i++) {
            double si = 1.0 / Math.sqrt(p[i]);
            for (int j = 0; j < d; j++) {
                hessian.unsafe_set(i, j, hessian.unsafe_get(i, j) * si / Math.sqrt(p[j]));
            }
        }
        return largest();
    }

    private double largest() {
        if (!eigen.decompose(hessian)) {
            return Double.NaN;
        }
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < eigen.getNumberOfEigenvalues(); k++) {
            top = Math.max(top, eigen.getEigenvalue(k).getReal());
        }
        return top;
    }
}
