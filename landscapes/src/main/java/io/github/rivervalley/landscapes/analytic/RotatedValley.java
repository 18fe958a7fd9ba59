package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * A straight valley seen through a fixed random orthonormal basis Q: {@code L(z) = S(Q^T z)}, where S is
 * the straight valley. Gradient descent and SGD do not notice the rotation; coordinate-wise methods such
 * as Adam do, which is what this family is for.
 *
 * <p>Q is the orthogonal factor of the QR decomposition (EJML) of a d x d matrix of standard normals
 * drawn from {@code SplittableRandom(seed)}, with each column's sign chosen so that R has a positive
 * diagonal. That makes Q a deterministic function of (d, seed) and Haar-distributed (uniform over
 * rotations and reflections). Building Q costs O(d^3) once per (d, seed) (cached while memory allows);
 * every gradient and Hessian-vector product then costs O(d^2) and allocates nothing (per-thread
 * scratch). Q is stored dense, row-major.
 *
 * <p>The decomposition is the straight valley's, rotated: {@code Phi(z) = Q Phi_S(Q^T z)}, so the river
 * is the line along Q's first column, the river coordinate is {@code (Q^T z)_0}, and the hill basis is
 * Q applied to the straight valley's.
 */
public final class RotatedValley implements AnalyticValley, LinearHillFrame {

    /** Largest dimension accepted: Q alone takes {@code 8 d^2} bytes and O(d^3) time to build. */
    public static final int MAX_DIMENSION = 4096;

    private static final Map<Key, SoftReference<double[]>> ROTATIONS = new ConcurrentHashMap<>();

    private record Key(int dimension, long seed) {
    }

    private final StraightValley valley;
    private final long seed;
    private final int d;
    /** Q, row-major: {@code q[i * d + j] = Q_ij}. Never handed out. */
    private final double[] q;
    private final ThreadLocal<double[][]> scratch;

    /**
     * @param valley the straight valley in the rotated frame
     * @param seed seed of the random rotation
     */
    public RotatedValley(StraightValley valley, long seed) {
        this.valley = Check.present("valley", valley);
        this.seed = seed;
        this.d = valley.dimension();
        if (d > MAX_DIMENSION) {
            throw new InvalidValueException("dimension", d, "at most " + MAX_DIMENSION
                    + " for a rotated valley (it stores a dense d x d rotation)");
        }
        this.q = rotation(d, seed);
        this.scratch = ThreadLocal.withInitial(() -> new double[3][d]);
    }

    private static double[] rotation(int d, long seed) {
        Key key = new Key(d, seed);
        SoftReference<double[]> ref = ROTATIONS.get(key);
        double[] cached = ref == null ? null : ref.get();
        if (cached != null) {
            return cached;
        }
        double[] built = buildRotation(d, seed);
        ROTATIONS.put(key, new SoftReference<>(built));
        return built;
    }

    private static double[] buildRotation(int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DMatrixRMaj gaussian = new DMatrixRMaj(d, d);
        for (int i = 0; i < gaussian.data.length; i++) {
            gaussian.data[i] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        if (!qr.decompose(gaussian)) {
            throw new IllegalStateException("QR decomposition failed for the rotation with d=" + d + ", seed=" + seed);
        }
        DMatrixRMaj qm = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < d; j++) {
            if (r.unsafe_get(j, j) < 0) {
                for (int i = 0; i < d; i++) {
                    qm.unsafe_set(i, j, -qm.unsafe_get(i, j));
                }
            }
        }
        return qm.data;
    }

    /** The straight valley in the rotated frame. */
    @Override
    public StraightValley valley() {
        return valley;
    }

    /** Never: Q is a random rotation. */
    @Override
    public boolean axisAligned() {
        return false;
    }

    public long seed() {
        return seed;
    }

    /** A copy of Q (d x d). */
    public DMatrixRMaj rotation() {
        return new DMatrixRMaj(d, d, true, q);
    }

    /** {@code out = Q^T z}: the point in the straight valley's frame. */
    @Override
    public void toValleyFrame(double[] z, double[] out) {
        Arrays.fill(out, 0.0);
        for (int i = 0; i < d; i++) {
            double zi = z[i];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                out[j] += q[row + j] * zi;
            }
        }
    }

    /** {@code out = Q y}: a point or vector of the straight valley's frame, in this one. */
    @Override
    public void fromValleyFrame(double[] y, double[] out) {
        int blocked = d & ~3;
        for (int i = 0; i < d; i++) {
            int row = i * d;
            // Four partial sums break the dependency chain so the JIT can pipeline (fixed order: same bits).
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            int j = 0;
            for (; j < blocked; j += 4) {
                s0 += q[row + j] * y[j];
                s1 += q[row + j + 1] * y[j + 1];
                s2 += q[row + j + 2] * y[j + 2];
                s3 += q[row + j + 3] * y[j + 3];
            }
            for (; j < d; j++) {
                s0 += q[row + j] * y[j];
            }
            out[i] = (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double value(double[] z) {
        double[] y = scratch.get()[0];
        toValleyFrame(z, y);
        return valley.value(y);
    }

    @Override
    public double gradient(double[] z, double[] gradient) {
        double[][] s = scratch.get();
        toValleyFrame(z, s[0]);
        double loss = valley.gradient(s[0], s[1]);
        fromValleyFrame(s[1], gradient);
        return loss;
    }

    @Override
    public void hessianVectorProduct(double[] z, double[] v, double[] out) {
        double[][] s = scratch.get();
        toValleyFrame(z, s[0]);
        toValleyFrame(v, s[1]);
        valley.hessianVectorProduct(s[0], s[1], s[2]);
        fromValleyFrame(s[2], out);
    }

    /** {@code Q H_S Q^T}: O(d^3), meant for small d. */
    @Override
    public void hessian(double[] z, DMatrixRMaj out) {
        double[] y = new double[d];
        toValleyFrame(z, y);
        DMatrixRMaj qm = DMatrixRMaj.wrap(d, d, q);
        DMatrixRMaj inner = valley.hessian(y);
        DMatrixRMaj tmp = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(qm, inner, tmp);
        out.reshape(d, d);
        CommonOps_DDRM.multTransB(tmp, qm, out);
    }

    /** The trace is rotation-invariant: the straight valley's at {@code Q^T z}. */
    @Override
    public double hessianTrace(double[] z) {
        double[] y = new double[d];
        toValleyFrame(z, y);
        return valley.hessianTrace(y);
    }

    @Override
    public void project(double[] z, double[] out) {
        double c = riverCoordinate(z);
        riverPoint(c, out);
    }

    /** {@code (Q^T z)_0 = q_0 . z} with q_0 the first column of Q. */
    @Override
    public double riverCoordinate(double[] z) {
        double c = 0.0;
        for (int i = 0; i < d; i++) {
            c += q[i * d] * z[i];
        }
        return c;
    }

    @Override
    public void riverPoint(double c, double[] out) {
        for (int i = 0; i < d; i++) {
            out[i] = c * q[i * d];
        }
    }

    @Override
    public void riverTangent(double[] z, double[] out) {
        riverPoint(1.0, out);
    }

    /** Q times the straight valley's hill basis, skipping its zeros: O(d^2) for its one-hot columns. */
    @Override
    public DMatrixRMaj hillBasis(double[] z) {
        double[] y = new double[d];
        toValleyFrame(z, y);
        DMatrixRMaj inner = valley.hillBasis(y);
        DMatrixRMaj basis = new DMatrixRMaj(d, inner.numCols);
        for (int col = 0; col < inner.numCols; col++) {
            for (int k = 0; k < d; k++) {
                double b = inner.unsafe_get(k, col);
                if (b != 0.0) {
                    for (int i = 0; i < d; i++) {
                        basis.unsafe_set(i, col, basis.unsafe_get(i, col) + q[i * d + k] * b);
                    }
                }
            }
        }
        return basis;
    }

    @Override
    public void topHillDirection(double[] z, double[] out) {
        int column = valley.steepestHill() + 1;
        for (int i = 0; i < d; i++) {
            out[i] = q[i * d + column];
        }
    }

    /** Every measurement is rotation-invariant, so this is the straight valley's at {@code Q^T z}. */
    @Override
    public void measure(double[] z, double[] out) {
        double[] y = new double[d];
        toValleyFrame(z, y);
        valley.measure(y, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RotatedValley other && seed == other.seed && valley.equals(other.valley);
    }

    @Override
    public int hashCode() {
        return Objects.hash(valley, seed);
    }

    @Override
    public String toString() {
        return "RotatedValley[d=" + d + ", seed=" + seed + ", valley=" + valley + "]";
    }
}
