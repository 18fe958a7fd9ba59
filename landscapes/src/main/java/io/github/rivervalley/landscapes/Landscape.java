package io.github.rivervalley.landscapes;

import org.ejml.data.DMatrixRMaj;

/**
 * A smooth loss {@code L: R^d -> R}.
 *
 * <p>Methods write into caller-supplied arrays so that an optimizer's hot loop allocates nothing
 * (the EJML output-argument convention). Implementations are immutable and safe to share between
 * threads; any scratch space they need is passed in or allocated per call outside hot paths.
 */
public interface Landscape {

    /** Number of coordinates of a point. */
    int dimension();

    /** The loss at {@code x}. */
    double value(double[] x);

    /**
     * Writes the gradient at {@code x} into {@code gradient} (length {@link #dimension()}) and returns
     * the loss at {@code x}, which most families get almost for free alongside the gradient.
     */
    double gradient(double[] x, double[] gradient);

    /** Writes the Hessian-vector product {@code H(x) v} into {@code out}. */
    void hessianVectorProduct(double[] x, double[] v, double[] out);

    /**
     * Writes the dense Hessian at {@code x} into {@code out} (reshaped to d x d). The default builds it
     * column by column from {@link #hessianVectorProduct}, which is exact whenever that product is;
     * families with a cheaper closed form override it.
     */
    default void hessian(double[] x, DMatrixRMaj out) {
        int d = dimension();
        out.reshape(d, d);
        double[] e = new double[d];
        double[] column = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1.0;
            hessianVectorProduct(x, e, column);
            e[j] = 0.0;
            for (int i = 0; i < d; i++) {
                out.unsafe_set(i, j, column[i]);
            }
        }
    }

    /**
     * The trace of the Hessian at {@code x} (the sum of its eigenvalues). The default sums
     * {@code e_i . H e_i} over d Hessian-vector products; families with a closed form override it.
     */
    default double hessianTrace(double[] x) {
        int d = dimension();
        double[] e = new double[d];
        double[] column = new double[d];
        double trace = 0.0;
        for (int i = 0; i < d; i++) {
            e[i] = 1.0;
            hessianVectorProduct(x, e, column);
            e[i] = 0.0;
            trace += column[i];
        }
        return trace;
    }

    /**
     * Where a run starts when its spec gives no {@code start}: the origin by default; river valleys start
     * on the river at coordinate 0; data-derived models at their (seeded) initialisation.
     */
    default double[] defaultStart() {
        return new double[dimension()];
    }

    /** Convenience form of {@link #hessian(double[], DMatrixRMaj)} that allocates the matrix. */
    default DMatrixRMaj hessian(double[] x) {
        DMatrixRMaj h = new DMatrixRMaj(dimension(), dimension());
        hessian(x, h);
        return h;
    }
}
