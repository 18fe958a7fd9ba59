package io.github.rivervalley.landscapes.spectral;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Hessian spectra at a point: the sharpness (top eigenvalue, compared with {@code 2/eta} in the edge of
 * stability picture), the top-k eigenvalues and the trace.
 *
 * <p>Up to {@link #DENSE_LIMIT} dimensions the dense Hessian is decomposed with EJML's symmetric
 * eigen-solver. Above it, Lanczos runs on Hessian-vector products (O(d) memory per step and one product
 * per step), with full reorthogonalisation and a seeded start vector, so results are deterministic. The
 * k largest eigenvalues are found one at a time, each run restricted to the orthogonal complement of
 * the Ritz vectors already found (locking), so repeated eigenvalues are counted with their multiplicity.
 * A run stops when the top Ritz pair's residual {@code |H v - theta v|} falls below
 * {@code tolerance * ||T||} (T the Lanczos tridiagonal matrix), or when the Krylov space stops growing,
 * where the Ritz values are exact.
 */
public final class Sharpness {

    /** Largest dimension decomposed densely by default. */
    public static final int DENSE_LIMIT = 64;
    /** Default relative residual at which a Lanczos run stops. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** Seed of the default Lanczos start vectors. */
    public static final long DEFAULT_SEED = 0x5eedL;
    /** Lanczos steps checked between convergence tests (each test decomposes the tridiagonal matrix). */
    private static final int CHECK_EVERY = 2;

    private Sharpness() {
    }

    /** The largest Hessian eigenvalue at {@code x}. */
    public static double of(Landscape landscape, double[] x) {
        return top(landscape, x, 1)[0];
    }

    /** The {@code k} largest Hessian eigenvalues at {@code x}, in decreasing order (dense or Lanczos by dimension). */
    public static double[] top(Landscape landscape, double[] x, int k) {
        int d = Check.present("landscape", landscape).dimension();
        if (Check.present("x", x).length != d) { // a length check only: a diverged iterate still gets its (NaN) answer
            throw new InvalidValueException("x", "a point of " + x.length + " coordinates", "a point of " + d + " coordinates (the landscape's dimension)");
        }
        Check.inClosedRange("k", Check.positive("k", k), 1, d);
        if (d <= DENSE_LIMIT) {
            return Arrays.copyOf(dense(landscape, x), k);
        }
        return lanczos(landscape, x, k, DEFAULT_TOLERANCE, DEFAULT_SEED);
    }

    /** The trace of the Hessian at {@code x} ({@link Landscape#hessianTrace}). */
    public static double trace(Landscape landscape, double[] x) {
        return landscape.hessianTrace(x);
    }

    /** All Hessian eigenvalues at {@code x}, in decreasing order, from EJML's symmetric eigen-solver. */
    public static double[] dense(Landscape landscape, double[] x) {
        DMatrixRMaj h = landscape.hessian(x);
        return symmetricEigen(h, false).values;
    }

    /**
     * The {@code k} largest Hessian eigenvalues at {@code x} by Lanczos on Hessian-vector products, in
     * decreasing order.
     *
     * @param tolerance relative residual at which each run stops: the eigenvalue error is at most
     *     {@code tolerance * ||T||} (Kahan's bound) and usually about {@code (tolerance * ||T||)^2 / gap}
     * @param seed seed of the Gaussian start vectors
     * @throws IllegalStateException if a run has not converged after {@code min(d, 1000)} steps
     */
    public static double[] lanczos(Landscape landscape, double[] x, int k, double tolerance, long seed) {
        int d = landscape.dimension();
        Check.inClosedRange("k", Check.positive("k", k), 1, d);
        if (!(tolerance > 0) || !(tolerance < 1)) {
            throw new InvalidValueException("tolerance", tolerance, "a number in (0, 1)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> locked = new ArrayList<>();
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            double[] vector = new double[d];
            values[i] = topRitz(landscape, x, locked, tolerance, random, vector);
            locked.add(vector);
        }
        // Locked runs find eigenvalues in decreasing order up to rounding; sort to make it exact.
        Arrays.sort(values);
        for (int i = 0; i < k / 2; i++) {
            double t = values[i];
            values[i] = values[k - 1 - i];
            values[k - 1 - i] = t;
        }
        return values;
    }

    /**
     * One Lanczos run in the orthogonal complement of {@code locked}: returns the top Ritz value and
     * writes its unit Ritz vector into {@code ritz}.
     */
    private static double topRitz(Landscape landscape, double[] x, List<double[]> locked, double tolerance,
            SplittableRandom random, double[] ritz) {
        int d = landscape.dimension();
        int room = d - locked.size();
        int maxSteps = Math.min(room, 1000);
        List<double[]> basis = new ArrayList<>();
        double[] alpha = new double[maxSteps];
        double[] beta = new double[maxSteps];
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
        }
        orthogonalize(v, locked);
        scale(v, 1.0 / norm(v));
        double[] w = new double[d];
        for (int j = 0; j < maxSteps; j++) {
            basis.add(v);
            landscape.hessianVectorProduct(x, v, w);
            alpha[j] = dot(w, v);
            // Full reorthogonalisation (twice is enough) keeps the basis orthonormal in floating point.
            for (int pass = 0; pass < 2; pass++) {
                orthogonalize(w, basis);
                orthogonalize(w, locked);
            }
            double b = norm(w);
            beta[j] = b;
            int m = j + 1;
            boolean exhausted = m == maxSteps;
            double scaleEstimate = tridiagonalNorm(alpha, beta, m);
            boolean brokeDown = b <= 1e-14 * Math.max(scaleEstimate, Double.MIN_NORMAL);
            if (brokeDown || exhausted || m % CHECK_EVERY == 0) {
                Eigen eigen = symmetricEigen(tridiagonal(alpha, beta, m), true);
                double theta = eigen.values[0];
                double residual = b * Math.abs(eigen.vectors.unsafe_get(m - 1, 0));
                if (brokeDown || exhausted || residual <= tolerance * Math.max(scaleEstimate, Double.MIN_NORMAL)) {
                    Arrays.fill(ritz, 0.0);
                    for (int i = 0; i < m; i++) {
                        axpy(eigen.vectors.unsafe_get(i, 0), basis.get(i), ritz);
                    }
                    scale(ritz, 1.0 / norm(ritz));
                    return theta;
                }
            }
            double[] next = new double[d];
            for (int i = 0; i < d; i++) {
                next[i] = w[i] / b;
            }
            v = next;
        }
        throw new IllegalStateException("Lanczos did not converge in " + maxSteps + " steps");
    }

    /** Eigenvalues in decreasing order and, if asked, the matching eigenvectors as columns. */
    private record Eigen(double[] values, DMatrixRMaj vectors) {
    }

    private static Eigen symmetricEigen(DMatrixRMaj matrix, boolean vectors) {
        int n = matrix.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
        if (!eig.decompose(matrix.copy())) {
            throw new IllegalStateException("symmetric eigen-decomposition failed (n=" + n + ")");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        double[] values = new double[n];
        DMatrixRMaj vecs = vectors ? new DMatrixRMaj(n, n) : null;
        for (int c = 0; c < n; c++) {
            values[c] = raw[order[c]];
            if (vectors) {
                DMatrixRMaj v = eig.getEigenVector(order[c]);
                for (int r = 0; r < n; r++) {
                    vecs.unsafe_set(r, c, v.get(r, 0));
                }
            }
        }
        return new Eigen(values, vecs);
    }

    private static DMatrixRMaj tridiagonal(double[] alpha, double[] beta, int m) {
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            t.unsafe_set(i, i, alpha[i]);
            if (i + 1 < m) {
                t.unsafe_set(i, i + 1, beta[i]);
                t.unsafe_set(i + 1, i, beta[i]);
            }
        }
        return t;
    }

    /** Max row sum of |T|: a cheap upper bound on ||T|| used as the scale of tolerances. */
    private static double tridiagonalNorm(double[] alpha, double[] beta, int m) {
        double max = 0.0;
        for (int i = 0; i < m; i++) {
            double row = Math.abs(alpha[i]) + Math.abs(beta[i]) + (i > 0 ? Math.abs(beta[i - 1]) : 0.0);
            max = Math.max(max, row);
        }
        return max;
    }

    private static void orthogonalize(double[] w, List<double[]> vectors) {
        for (double[] u : vectors) {
            axpy(-dot(w, u), u, w);
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }
}
