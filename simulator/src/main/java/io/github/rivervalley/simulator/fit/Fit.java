package io.github.rivervalley.simulator.fit;

import java.util.Arrays;

/**
 * A fitted law: parameter values with standard errors and the objective reached.
 *
 * @param law the law (with its constants)
 * @param theta fitted values (natural units), one per parameter
 * @param se standard errors (NaN when the parameters are not identifiable)
 * @param objective the Huber objective (half the sum of squared transformed residuals)
 * @param rows the number of rows fitted
 * @param iterations Levenberg-Marquardt iterations of the winning refinement
 * @param converged whether that refinement converged within its iteration cap
 */
public record Fit(Law law, double[] theta, double[] se, double objective, int rows, int iterations, boolean converged) {

    /** The predicted loss at every row of {@code curve}. */
    public double[] predict(Curve curve) {
        double[] out = new double[curve.size()];
        law.predict(theta, curve, out, null);
        return out;
    }

    /** The value of the parameter called {@code name}. */
    public double value(String name) {
        for (int k = 0; k < theta.length; k++) {
            if (law.parameters().get(k).name().equals(name)) {
                return theta[k];
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " in " + law.name());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(law.name()).append(" fit:");
        for (int k = 0; k < theta.length; k++) {
            b.append(' ').append(law.parameters().get(k).name()).append('=').append(String.format("%.6g", theta[k]));
            b.append(" (").append(String.format("%.2g", se[k])).append(')');
        }
        return b.append(", objective ").append(String.format("%.4g", objective)).append(" on ").append(rows).append(" rows").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fit f && f.law.equals(law) && Arrays.equals(f.theta, theta) && Arrays.equals(f.se, se)
                && f.objective == objective && f.rows == rows;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(theta);
    }
}
