package io.github.rivervalley.bigram.model;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.landscapes.spectral.Sharpness;
import io.github.rivervalley.simulator.noise.GradientOracle;
import java.util.Arrays;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The factored model {@code z_i = U E_i + b}: token i has an embedding {@code E_i} (k numbers), the output
 * token j a vector {@code U_j} and a bias {@code b_j}. Non-convex (a product of parameters), with the same
 * river/hill split by token uncertainty as the tabular model.
 *
 * <p>Parameter layout: {@code x = [E (V x k, row-major) | U (V x k, row-major) | b (V)]}, so
 * {@code d = 2 V k + V}. Gradient, with {@code r_i = pi_i (p_i - q_i)}: {@code dE_i = U^T r_i},
 * {@code dU = sum_i r_i E_i^T}, {@code db = sum_i r_i}. The Hessian-vector product uses the exact formula
 * (directional derivative of that gradient, {@link #hessianVectorProduct}).
 *
 * <p>Initialisation (seeded, Hipparchus {@code Well19937c}): every entry of E and U independent
 * {@code N(0, s^2)} with {@code s = initScale}, b = 0. The initial logits then have standard deviation
 * {@code s^2 sqrt(k)}; the default {@code s = k^(-1/2)} gives near-uniform first predictions (logit sd
 * {@code k^(-1/2)}).
 */
public final class FactoredModel implements BigramModel {

    private final BigramData data;
    private final int v;
    private final int k;
    private final double initScale;
    private final long seed;
    private final int uOffset;
    private final int bOffset;
    private final ThreadLocal<double[]> scratch;
    private final boolean float32;

    /**
     * @param embedding k >= 1
     * @param initScale standard deviation of the initial E and U entries, or {@code null} for {@code k^-1/2}
     * @param seed initialisation seed
     */
    public FactoredModel(BigramData data, int embedding, Double initScale, long seed) {
        this(data, embedding, initScale, seed, false);
    }

    /**
     * @param float32 the minibatch gradient in float32 arithmetic ({@link FactoredMinibatch32}); the exact
     *     value, gradient and curvature stay float64
     */
    public FactoredModel(BigramData data, int embedding, Double initScale, long seed, boolean float32) {
        this.float32 = float32;
        this.data = Check.present("data", data);
        this.v = data.vocabularySize();
        this.k = Check.positive("embedding", embedding);
        this.initScale = initScale == null ? 1.0 / Math.sqrt(embedding) : Check.positive("initScale", initScale);
        this.seed = seed;
        long d = 2L * v * k + v;
        if (d > Integer.MAX_VALUE - 8) {
            throw new InvalidValueException("embedding", embedding, "a size with 2 V k + V < 2^31 parameters (V = " + v + ")");
        }
        this.uOffset = v * k;
        this.bOffset = 2 * v * k;
        this.scratch = ThreadLocal.withInitial(() -> new double[v]);
    }

    @Override
    public BigramData data() {
        return data;
    }

    /** Embedding size k. */
    public int embedding() {
        return k;
    }

    /** Standard deviation of the initial entries of E and U. */
    public double initScale() {
        return initScale;
    }

    /** Offset of U in the parameter vector ({@code V k}). */
    public int uOffset() {
        return uOffset;
    }

    /** Offset of b in the parameter vector ({@code 2 V k}). */
    public int bOffset() {
        return bOffset;
    }

    @Override
    public int dimension() {
        return bOffset + v;
    }

    @Override
    public void logits(double[] x, int token, double[] out) {
        int e = token * k;
        for (int j = 0; j < v; j++) {
            out[j] = x[bOffset + j] + dot(x, uOffset + j * k, x, e, k);
        }
    }

    @Override
    public double value(double[] x) {
        double[] z = scratch.get();
        double loss = 0.0;
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            if (pi > 0) {
                logits(x, i, z);
                loss += pi * (SoftmaxRows.logSumExp(z, 0, v) - SoftmaxRows.expectedLogit(data, i, z, 0));
            }
        }
        return loss;
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0.0);
        double[] r = scratch.get();
        double loss = 0.0;
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            if (pi == 0) {
                continue;
            }
            logits(x, i, r);
            loss += pi * (SoftmaxRows.logSumExp(r, 0, v) - SoftmaxRows.expectedLogit(data, i, r, 0));
            residual(i, pi, r);
            int e = i * k;
            for (int j = 0; j < v; j++) {
                double rj = r[j];
                int u = uOffset + j * k;
                axpy(rj, x, u, gradient, e, k);
                axpy(rj, x, e, gradient, u, k);
                gradient[bOffset + j] += rj;
            }
        }
        return loss;
    }

    /** Turns logits z (in place) into {@code pi (softmax(z) - q_i)}. */
    private void residual(int i, double pi, double[] z) {
        SoftmaxRows.softmax(z, 0, v, z, 0);
        for (int j = 0; j < v; j++) {
            z[j] *= pi;
        }
        for (int e = data.rowStart(i); e < data.rowStart(i + 1); e++) {
            z[data.successorAt(e)] -= pi * data.probabilityAt(e);
        }
    }

    /**
     * Exact {@code H v}. With direction {@code (dE, dU, db)}: {@code dz_i = dU E_i + U dE_i + db},
     * {@code dr_i = pi_i (p_i * dz_i - p_i (p_i . dz_i))}; then {@code (Hv)_{E_i} = U^T dr_i + dU^T r_i},
     * {@code (Hv)_U = sum_i (dr_i E_i^T + r_i dE_i^T)}, {@code (Hv)_b = sum_i dr_i}.
     */
    @Override
    public void hessianVectorProduct(double[] x, double[] direction, double[] out) {
        Arrays.fill(out, 0.0);
        double[] p = new double[v];
        double[] dz = new double[v];
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            if (pi == 0) {
                continue;
            }
            int e = i * k;
            logits(x, i, p);
            SoftmaxRows.softmax(p, 0, v, p, 0);
            double pdz = 0.0;
            for (int j = 0; j < v; j++) {
                int u = uOffset + j * k;
                dz[j] = direction[bOffset + j] + dot(direction, u, x, e, k) + dot(x, u, direction, e, k);
                pdz += p[j] * dz[j];
            }
            for (int j = 0; j < v; j++) {
                double dr = pi * p[j] * (dz[j] - pdz);
                double r = pi * p[j];
                dz[j] = dr;
                p[j] = r;
            }
            for (int n = data.rowStart(i); n < data.rowStart(i + 1); n++) {
                p[data.successorAt(n)] -= pi * data.probabilityAt(n);
            }
            for (int j = 0; j < v; j++) {
                int u = uOffset + j * k;
                double dr = dz[j];
                double r = p[j];
                axpy(dr, x, u, out, e, k);
                axpy(r, direction, u, out, e, k);
                axpy(dr, x, e, out, u, k);
                axpy(r, direction, e, out, u, k);
                out[bOffset + j] += dr;
            }
        }
    }

    /**
     * Group g's parameters are the embeddings {@code E_i} of its tokens (U and b are shared by all groups): the
     * top eigenvalue of the Hessian restricted to them ({@link Sharpness}: dense up to 64 coordinates, else
     * Lanczos on Hessian-vector products).
     */
    @Override
    public void groupSharpness(double[] x, double[] out) {
        for (int g = 0; g < data.groupCount(); g++) {
            int[] coordinates = new int[data.groupSize(g) * k];
            int n = 0;
            for (int i = 0; i < v; i++) {
                if (data.groupOf(i) == g) {
                    for (int c = 0; c < k; c++) {
                        coordinates[n++] = i * k + c;
                    }
                }
            }
            Restricted restricted = new Restricted(this, x, coordinates);
            out[g] = Sharpness.of(restricted, restricted.start());
        }
    }

    /**
     * Closed form: the logits are linear in {@code E_i}, so token i's embedding block of the Hessian is
     * {@code pi_i U^T (diag(p_i) - p_i p_i^T) U}, of trace {@code pi_i (sum_j p_ij |U_j|^2 - |sum_j p_ij U_j|^2)}.
     */
    @Override
    public void groupTrace(double[] x, double[] out) {
        Arrays.fill(out, 0, data.groupCount(), 0.0);
        double[] z = new double[v];
        double[] mean = new double[k];
        for (int i = 0; i < v; i++) {
            double pi = data.frequency(i);
            if (pi == 0) {
                continue;
            }
            logits(x, i, z);
            SoftmaxRows.softmax(z, 0, v, z, 0);
            Arrays.fill(mean, 0.0);
            double second = 0.0;
            for (int j = 0; j < v; j++) {
                int u = uOffset + j * k;
                second += z[j] * dot(x, u, x, u, k);
                for (int c = 0; c < k; c++) {
                    mean[c] += z[j] * x[u + c];
                }
            }
            out[data.groupOf(i)] += pi * (second - dot(mean, 0, mean, 0, k));
        }
    }

    /** Top eigenvalue of the full Hessian ({@link Sharpness#of}). */
    @Override
    public double sharpness(double[] x) {
        return Sharpness.of(this, x);
    }

    /** The seeded initialisation described in the class comment. */
    @Override
    public double[] defaultStart() {
        double[] x = new double[dimension()];
        RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(seed));
        for (int n = 0; n < bOffset; n++) {
            x[n] = random.nextNormal(0.0, initScale);
        }
        return x;
    }

    @Override
    public GradientOracle newMinibatchOracle(int batchSize) {
        return float32 ? FactoredMinibatch32.of(this, batchSize) : new FactoredMinibatch(this, batchSize);
    }

    /** {@code sum_c a[ao + c] b[bo + c]} with four partial sums (independent chains run in parallel). */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int c = 0;
        for (; c + 3 < n; c += 4) {
            s0 += a[ao + c] * b[bo + c];
            s1 += a[ao + c + 1] * b[bo + c + 1];
            s2 += a[ao + c + 2] * b[bo + c + 2];
            s3 += a[ao + c + 3] * b[bo + c + 3];
        }
        for (; c < n; c++) {
            s0 += a[ao + c] * b[bo + c];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yo + c] += alpha * a[ao + c]} for c in [0, n). */
    static void axpy(double alpha, double[] a, int ao, double[] y, int yo, int n) {
        for (int c = 0; c < n; c++) {
            y[yo + c] += alpha * a[ao + c];
        }
    }

    @Override
    public boolean reducedPrecision() {
        return float32;
    }

    @Override
    public boolean honouredBy(GradientOracle oracle) {
        return oracle instanceof FactoredMinibatch32;
    }

    @Override
    public String toString() {
        return "FactoredModel[V=" + v + ", k=" + k + ", d=" + dimension() + ", initScale=" + initScale + (float32 ? ", float32" : "") + ", " + data + "]";
    }
}
