package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Landscape;

/**
 * Top Hessian eigenvalue at a point, plain and Adam-preconditioned, computed by the landscapes module's
 * {@link io.github.rivervalley.landscapes.spectral.Sharpness} (dense EJML for small d, Lanczos above).
 *
 * <p>The preconditioned sharpness is the top eigenvalue of {@code P^{-1/2} H P^{-1/2}} with
 * {@code P = diag(sqrt(vhat) + eps)} Adam's current denominator: the curvature as Adam's update sees it
 * (it has the eigenvalues of {@code P^{-1} H}). Without momentum the update is stable while
 * {@code lr * that < 2}; with Adam's {@code beta1} the bound is {@code 2 (1 + beta1) / (1 - beta1) / lr}.
 * It is found by running the same eigen-solver on the Hessian-vector products of the scaled operator.
 */
final class SharpnessMeter {

    private final Landscape landscape;
    private final Preconditioned preconditioned;

    SharpnessMeter(Landscape landscape) {
        this.landscape = landscape;
        this.preconditioned = new Preconditioned(landscape);
    }

    /** Top eigenvalue of the Hessian at {@code x}. */
    double top(double[] x) {
        return io.github.rivervalley.landscapes.spectral.Sharpness.of(landscape, x);
    }

    /** Top eigenvalue of {@code P^{-1/2} H P^{-1/2}} at {@code x}, with {@code p} the diagonal of P. */
    double topPreconditioned(double[] x, double[] p) {
        for (int i = 0; i < p.length; i++) {
            preconditioned.scale[i] = 1.0 / Math.sqrt(p[i]);
        }
        return io.github.rivervalley.landscapes.spectral.Sharpness.of(preconditioned, x);
    }

    /** The operator {@code S H S} with {@code S = P^{-1/2}}, seen as a landscape with only second-order information. */
    private static final class Preconditioned implements Landscape {
        private final Landscape landscape;
        private final double[] scale;
        private final double[] scaled;

        Preconditioned(Landscape landscape) {
            this.landscape = landscape;
            this.scale = new double[landscape.dimension()];
            this.scaled = new double[landscape.dimension()];
        }

        @Override
        public int dimension() {
            return landscape.dimension();
        }

        @Override
        public double value(double[] x) {
            throw new UnsupportedOperationException("the preconditioned operator has only Hessian-vector products");
        }

        @Override
        public double gradient(double[] x, double[] gradient) {
            throw new UnsupportedOperationException("the preconditioned operator has only Hessian-vector products");
        }

        @Override
        public void hessianVectorProduct(double[] x, double[] v, double[] out) {
            for (int i = 0; i < v.length; i++) {
                scaled[i] = scale[i] * v[i];
            }
            landscape.hessianVectorProduct(x, scaled, out);
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale[i];
            }
        }
    }
}
