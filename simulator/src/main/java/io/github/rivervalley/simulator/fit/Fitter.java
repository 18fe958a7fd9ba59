package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Fits a law to one or more curves at once: Levenberg-Marquardt (Hipparchus) on the Huber loss of the
 * log-loss residuals {@code r = log(pred) - log(loss)}, every row of every curve weighted alike (the
 * objective of the Multi-Power Law's authors). The Huber loss is a sum of squares of the transformed
 * residuals {@code rho(r) = r} for {@code |r| <= delta}, {@code sign(r) sqrt(2 delta |r| - delta^2)}
 * beyond, so Levenberg-Marquardt minimizes it exactly. Derivatives come from the law (forward mode).
 *
 * <p>Seeded multi-start: {@code starts} points drawn from the law's start box (log-uniform for
 * log-scale parameters), the best {@code refine} of them by objective are refined, the best result
 * wins. Standard errors: {@code sqrt(diag((J^T J)^-1) * sum rho^2 / (n - p))} at the optimum, mapped
 * to natural units; they assume independent residuals, which a smooth loss curve's are not, so read
 * them as a lower bound. Everything is sequential or row-parallel with a fixed summation order, so a
 * fit is the same bits on any machine with the same inputs and seed.
 */
public final class Fitter {

    /**
     * Fitting options.
     *
     * @param starts seeded start points drawn (at least 1)
     * @param refine how many of the best starts are refined (1 .. starts)
     * @param seed seed of the start points
     * @param huberDelta Huber threshold on log residuals (> 0; the MPL authors use 1e-3)
     * @param maxIterations Levenberg-Marquardt iteration cap per refinement
     */
    public record Options(int starts, int refine, long seed, double huberDelta, int maxIterations) {

        /** 24 starts, the best 2 refined, seed 1, delta 1e-3, 400 iterations. */
        public static final Options DEFAULT = new Options(24, 2, 1, 1e-3, 400);

        public Options {
            if (starts < 1) {
                throw new InvalidValueException("starts", starts, "at least 1");
            }
            if (refine < 1 || refine > starts) {
                throw new InvalidValueException("refine", refine, "1 to starts (" + starts + ")");
            }
            if (!(huberDelta > 0)) {
                throw new InvalidValueException("huberDelta", huberDelta, "a threshold > 0");
            }
            if (maxIterations < 1) {
                throw new InvalidValueException("maxIterations", maxIterations, "at least 1");
            }
        }
    }

    /** Residual assigned to a row where the law gives a non-positive or non-finite loss. */
    private static final double PENALTY = 1e3;

    private final Law law;
    private final List<Curve> curves;
    private final Options options;
    private final int rows;
    private final int p;

    private Fitter(Law law, List<Curve> curves, Options options) {
        if (curves.isEmpty()) {
            throw new InvalidValueException("curves", "none", "at least one curve to fit");
        }
        this.law = law;
        this.curves = List.copyOf(curves);
        this.options = options;
        this.p = law.parameters().size();
        int n = 0;
        for (Curve c : curves) {
            n += c.size();
        }
        if (n <= p) {
            throw new InvalidValueException("curves", n + " rows", "more rows than the " + p + " parameters of " + law.name());
        }
        this.rows = n;
    }

    /** Fits {@code law} to {@code curves}. */
    public static Fit fit(Law law, List<Curve> curves, Options options) {
        return new Fitter(law, curves, options).run();
    }

    /** Fits {@code law} to {@code curves} from a given start (natural units), without multi-start. */
    public static Fit fitFrom(Law law, List<Curve> curves, double[] start, Options options) {
        Fitter f = new Fitter(law, curves, options);
        return f.refine(f.toInternal(start));
    }

    private Fit run() {
        double[][] box = law.startBox(curves);
        SplittableRandom random = new SplittableRandom(options.seed());
        List<double[]> starts = new ArrayList<>();
        double[] costs = new double[options.starts()];
        for (int i = 0; i < options.starts(); i++) {
            double[] u = new double[p];
            for (int k = 0; k < p; k++) {
                Parameter par = law.parameters().get(k);
                double lo = par.toInternal(box[0][k]);
                double hi = par.toInternal(box[1][k]);
                u[k] = lo + (hi - lo) * random.nextDouble();
            }
            starts.add(u);
            costs[i] = objective(u);
        }
        Integer[] order = new Integer[costs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(costs[x], costs[y]));
        Fit best = null;
        for (int i = 0; i < options.refine(); i++) {
            Fit fit = refine(starts.get(order[i]));
            if (best == null || fit.objective() < best.objective()) {
                best = fit;
            }
        }
        return best;
    }

    private double[] toInternal(double[] theta) {
        double[] u = new double[p];
        for (int k = 0; k < p; k++) {
            u[k] = law.parameters().get(k).toInternal(theta[k]);
        }
        return u;
    }

    private double[] toNatural(double[] u) {
        double[] theta = new double[p];
        for (int k = 0; k < p; k++) {
            theta[k] = law.parameters().get(k).fromInternal(u[k]);
        }
        return theta;
    }

    /** Half the sum of squared transformed residuals (the Huber objective) at internal point {@code u}. */
    private double objective(double[] u) {
        double[] rho = new double[rows];
        residuals(u, rho, null);
        double sum = 0;
        for (double r : rho) {
            sum += r * r;
        }
        return 0.5 * sum;
    }

    /** Transformed residuals at {@code u}, and their Jacobian with respect to {@code u} when asked. */
    private void residuals(double[] u, double[] rho, double[][] jac) {
        double[] theta = toNatural(u);
        double delta = options.huberDelta();
        int offset = 0;
        for (Curve c : curves) {
            int n = c.size();
            double[] pred = new double[n];
            double[][] g = jac == null ? null : new double[n][p];
            law.predict(theta, c, pred, g);
            for (int i = 0; i < n; i++) {
                int row = offset + i;
                if (!(pred[i] > 0) || Double.isInfinite(pred[i])) {
                    rho[row] = PENALTY;
                    if (jac != null) {
                        Arrays.fill(jac[row], 0);
                    }
                    continue;
                }
                double r = Math.log(pred[i]) - Math.log(c.loss()[i]);
                double dr;
                if (Math.abs(r) <= delta) {
                    rho[row] = r;
                    dr = 1;
                } else {
                    rho[row] = Math.copySign(Math.sqrt(2 * delta * Math.abs(r) - delta * delta), r);
                    dr = delta / Math.abs(rho[row]);
                }
                if (jac != null) {
                    for (int k = 0; k < p; k++) {
                        jac[row][k] = dr / pred[i] * g[i][k] * law.parameters().get(k).slope(theta[k]);
                    }
                }
            }
            offset += n;
        }
    }

    private Fit refine(double[] start) {
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .target(new double[rows])
                .model(point -> {
                    double[] rho = new double[rows];
                    double[][] jac = new double[rows][p];
                    residuals(point.toArray(), rho, jac);
                    return new Pair<>(new ArrayRealVector(rho, false), new Array2DRowRealMatrix(jac, false));
                })
                .lazyEvaluation(false)
                .maxEvaluations(options.maxIterations() * 4)
                .maxIterations(options.maxIterations())
                .build();
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-10)
                .withParameterRelativeTolerance(1e-10)
                .withOrthoTolerance(1e-15);
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = lm.optimize(problem);
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            // iteration cap reached: keep the start's objective so the multi-start can move on
            return new Fit(law, toNatural(start), new double[p], objective(start), rows, options.maxIterations(), false);
        }
        double[] u = optimum.getPoint().toArray();
        double[] theta = toNatural(u);
        double objective = objective(u);
        double[] se = new double[p];
        double variance = 2 * objective / (rows - p);
        try {
            RealMatrix cov = optimum.getCovariances(1e-14);
            for (int k = 0; k < p; k++) {
                se[k] = Math.sqrt(cov.getEntry(k, k) * variance) * law.parameters().get(k).slope(theta[k]);
            }
        } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
            Arrays.fill(se, Double.NaN); // singular J^T J: parameters not identifiable from these curves
        }
        int[] order = law.canonicalOrder(theta);
        double[] sortedTheta = new double[p];
        double[] sortedSe = new double[p];
        for (int k = 0; k < p; k++) {
            sortedTheta[k] = theta[order[k]];
            sortedSe[k] = se[order[k]];
        }
        return new Fit(law, sortedTheta, sortedSe, objective, rows, optimum.getIterations(), true);
    }
}
