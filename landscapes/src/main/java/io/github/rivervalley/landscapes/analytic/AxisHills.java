package io.github.rivervalley.landscapes.analytic;

import org.ejml.data.DMatrixRMaj;

/**
 * Hills along coordinate axes, {@code sum_i (k_i / 2) x_{from+i}^2}: all the hills of a {@link StraightValley}
 * and the extra hills of a {@link CurvedValley}. Each method touches only the hills' own coordinates and adds
 * in index order, so a valley gets the same bits as with the loop written inline.
 */
final class AxisHills {

    private AxisHills() {
    }

    /** {@code loss} plus the hills' loss at {@code x}. */
    static double addValue(double loss, double[] k, double[] x, int from) {
        for (int i = 0; i < k.length; i++) {
            double h = x[from + i];
            loss += 0.5 * k[i] * h * h;
        }
        return loss;
    }

    /** Writes the hills' gradient into {@code gradient} and returns {@code loss} plus the hills' loss. */
    static double addGradient(double loss, double[] k, double[] x, int from, double[] gradient) {
        for (int i = 0; i < k.length; i++) {
            double h = x[from + i];
            gradient[from + i] = k[i] * h;
            loss += 0.5 * k[i] * h * h;
        }
        return loss;
    }

    /** Writes the hills' rows of the Hessian-vector product {@code H v} into {@code out}. */
    static void multiply(double[] k, double[] v, int from, double[] out) {
        for (int i = 0; i < k.length; i++) {
            out[from + i] = k[i] * v[from + i];
        }
    }

    /** Sets the hills' diagonal entries of the Hessian {@code out}. */
    static void setDiagonal(double[] k, int from, DMatrixRMaj out) {
        for (int i = 0; i < k.length; i++) {
            out.unsafe_set(from + i, from + i, k[i]);
        }
    }

    /** {@code trace} plus the hills' curvatures: their share of the Hessian's trace. */
    static double addTrace(double trace, double[] k) {
        for (double lambda : k) {
            trace += lambda;
        }
        return trace;
    }
}
