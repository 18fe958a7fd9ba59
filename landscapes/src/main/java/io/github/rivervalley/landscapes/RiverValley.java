package io.github.rivervalley.landscapes;

import org.ejml.data.DMatrixRMaj;

/**
 * A landscape whose river (the curve along the valley floor) is known exactly, so that every point
 * can be split into a river point and a displacement up the walls.
 *
 * <p>Definitions (docs/science.md section 2): the projection {@code Phi(x)} is the river point that
 * {@code x} belongs to; the river loss is {@code L(Phi(x))}; the hill excess is
 * {@code L(x) - L(Phi(x))}; the hill distance is {@code |x - Phi(x)|}. Each family documents which
 * projection it uses (for straight valleys the vertical and the orthogonal projections agree).
 */
public interface RiverValley extends Landscape, Decomposer {

    /** Writes {@code Phi(x)}, the river point {@code x} belongs to, into {@code out}. */
    void project(double[] x, double[] out);

    /** Position of {@code Phi(x)} along the river (arc length or river parameter; see the family). */
    double riverCoordinate(double[] x);

    /** Writes the river point at river coordinate {@code c} into {@code out}. */
    void riverPoint(double c, double[] out);

    /** Writes the unit tangent of the river at {@code Phi(x)}, pointing towards increasing river coordinate, into {@code out}. */
    void riverTangent(double[] x, double[] out);

    /**
     * Orthonormal hill directions at {@code Phi(x)}: a d x (d-1) matrix whose columns span the
     * complement of the river tangent, ordered by decreasing wall curvature (column 0 is the steepest).
     */
    DMatrixRMaj hillBasis(double[] x);

    /** Writes the steepest hill direction at {@code Phi(x)} (column 0 of {@link #hillBasis}) into {@code out}. */
    default void topHillDirection(double[] x, double[] out) {
        DMatrixRMaj basis = hillBasis(x);
        for (int i = 0; i < out.length; i++) {
            out[i] = basis.unsafe_get(i, 0);
        }
    }

    /** Starts on the river at coordinate 0. */
    @Override
    default double[] defaultStart() {
        double[] start = new double[dimension()];
        riverPoint(0.0, start);
        return start;
    }

    /** The river loss {@code L(Phi(x))}. */
    default double riverLoss(double[] x) {
        double[] p = new double[dimension()];
        project(x, p);
        return value(p);
    }

    /** The hill excess {@code L(x) - L(Phi(x))}. */
    default double hillExcess(double[] x) {
        return value(x) - riverLoss(x);
    }

    /** The hill distance {@code |x - Phi(x)|}. */
    default double hillDistance(double[] x) {
        double[] p = new double[dimension()];
        project(x, p);
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            double diff = x[i] - p[i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** The geometric decomposition: projection, river loss, hill excess, distance and signed displacement. */
    @Override
    default void measure(double[] x, double[] out) {
        int d = dimension();
        double[] p = new double[d];
        double[] n = new double[d];
        project(x, p);
        topHillDirection(x, n);
        double loss = value(x);
        double riverLoss = value(p);
        double dist2 = 0.0;
        double disp = 0.0;
        for (int i = 0; i < d; i++) {
            double diff = x[i] - p[i];
            dist2 += diff * diff;
            disp += diff * n[i];
        }
        Measure.write(out, loss, riverLoss, loss - riverLoss, riverCoordinate(x), Math.sqrt(dist2), disp);
    }
}
