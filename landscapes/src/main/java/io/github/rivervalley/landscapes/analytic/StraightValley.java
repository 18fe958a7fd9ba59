package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * The straight valley {@code L(x) = r(x_0) + sum_i (lambda_i / 2) x_i^2} (i = 1..d-1): the river is the
 * x_0 axis and each other coordinate is a quadratic wall of curvature {@code lambda_i}.
 *
 * <p>The projection keeps {@code x_0} and zeroes the hills (vertical and orthogonal projections agree),
 * so the river coordinate is {@code x_0} and the hill excess is exactly {@code sum (lambda_i/2) x_i^2}.
 * Immutable; the curvature array is copied in and never handed out.
 */
public final class StraightValley implements AnalyticValley, LinearHillFrame {

    private final RiverProfile river;
    private final double[] hillCurvatures;
    private final int steepest;

    /**
     * @param river the loss along the river (the x_0 axis)
     * @param hillCurvatures curvature of each wall, {@code lambda_1 .. lambda_{d-1}}, all finite and > 0
     */
    public StraightValley(RiverProfile river, double[] hillCurvatures) {
        this.river = Check.present("river", river);
        Check.present("hillCurvature", hillCurvatures);
        if (hillCurvatures.length == 0) {
            throw new InvalidValueException("hillCurvature", "an empty list", "at least one hill curvature");
        }
        this.hillCurvatures = hillCurvatures.clone();
        int top = 0;
        for (int i = 0; i < this.hillCurvatures.length; i++) {
            Check.positive("hillCurvature[" + i + "]", this.hillCurvatures[i]);
            if (this.hillCurvatures[i] > this.hillCurvatures[top]) {
                top = i;
            }
        }
        this.steepest = top;
    }

    /** Itself: a straight valley is its own frame ({@link LinearHillFrame}). */
    @Override
    public StraightValley valley() {
        return this;
    }

    @Override
    public boolean axisAligned() {
        return true;
    }

    @Override
    public void toValleyFrame(double[] z, double[] out) {
        System.arraycopy(z, 0, out, 0, z.length);
    }

    @Override
    public void fromValleyFrame(double[] y, double[] out) {
        System.arraycopy(y, 0, out, 0, y.length);
    }

    /** The river profile. */
    public RiverProfile river() {
        return river;
    }

    /** Number of hill directions, {@code d - 1}. */
    public int hillCount() {
        return hillCurvatures.length;
    }

    /** Curvature of hill {@code i} (0-based), which lives in coordinate {@code i + 1}. */
    public double hillCurvature(int i) {
        return hillCurvatures[i];
    }

    /** A copy of the hill curvatures. */
    public double[] hillCurvatures() {
        return hillCurvatures.clone();
    }

    @Override
    public int dimension() {
        return hillCurvatures.length + 1;
    }

    @Override
    public double value(double[] x) {
        return AxisHills.addValue(river.value(x[0]), hillCurvatures, x, 1);
    }

    @Override
    public double gradient(double[] x, double[] gradient) {
        double c = x[0];
        gradient[0] = river.slope(c);
        return AxisHills.addGradient(river.value(c), hillCurvatures, x, 1, gradient);
    }

    @Override
    public void hessianVectorProduct(double[] x, double[] v, double[] out) {
        out[0] = river.curvature(x[0]) * v[0];
        AxisHills.multiply(hillCurvatures, v, 1, out);
    }

    @Override
    public void hessian(double[] x, DMatrixRMaj out) {
        int d = dimension();
        out.reshape(d, d);
        out.zero();
        out.unsafe_set(0, 0, river.curvature(x[0]));
        AxisHills.setDiagonal(hillCurvatures, 1, out);
    }

    @Override
    public double hessianTrace(double[] x) {
        return AxisHills.addTrace(river.curvature(x[0]), hillCurvatures);
    }

    /** The largest hill curvature. */
    public double maxHillCurvature() {
        return hillCurvatures[steepest];
    }

    /** Index (0-based, among the hills) of the steepest hill; the first one on ties. */
    public int steepestHill() {
        return steepest;
    }

    @Override
    public void project(double[] x, double[] out) {
        Arrays.fill(out, 0.0);
        out[0] = x[0];
    }

    @Override
    public double riverCoordinate(double[] x) {
        return x[0];
    }

    @Override
    public void riverPoint(double c, double[] out) {
        Arrays.fill(out, 0.0);
        out[0] = c;
    }

    @Override
    public void riverTangent(double[] x, double[] out) {
        Arrays.fill(out, 0.0);
        out[0] = 1.0;
    }

    @Override
    public DMatrixRMaj hillBasis(double[] x) {
        int d = dimension();
        Integer[] order = new Integer[hillCurvatures.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Decreasing curvature; ties keep coordinate order so the basis is deterministic.
        Arrays.sort(order, (a, b) -> Double.compare(hillCurvatures[b], hillCurvatures[a]));
        DMatrixRMaj basis = new DMatrixRMaj(d, d - 1);
        for (int col = 0; col < order.length; col++) {
            basis.unsafe_set(order[col] + 1, col, 1.0);
        }
        return basis;
    }

    @Override
    public void topHillDirection(double[] x, double[] out) {
        Arrays.fill(out, 0.0);
        out[steepest + 1] = 1.0;
    }

    @Override
    public void measure(double[] x, double[] out) {
        double riverLoss = river.value(x[0]);
        double excess = 0.0;
        double dist2 = 0.0;
        for (int i = 0; i < hillCurvatures.length; i++) {
            double h = x[i + 1];
            excess += 0.5 * hillCurvatures[i] * h * h;
            dist2 += h * h;
        }
        Measure.write(out, riverLoss + excess, riverLoss, excess, x[0], Math.sqrt(dist2), x[steepest + 1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StraightValley other
                && river.equals(other.river)
                && Arrays.equals(hillCurvatures, other.hillCurvatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(river, Arrays.hashCode(hillCurvatures));
    }

    @Override
    public String toString() {
        return "StraightValley[d=" + dimension() + ", river=" + river + ", hillCurvature="
                + Summaries.ofValues(hillCurvatures) + "]";
    }
}
