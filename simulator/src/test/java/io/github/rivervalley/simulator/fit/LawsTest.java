package io.github.rivervalley.simulator.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each law against itself: exact derivatives, and parameters recovered from noise-free curves. */
class LawsTest {

    /** Relative accuracy a noise-free fit must reach in every parameter (the acceptance bar). */
    private static final double RECOVERY = 1e-6;

    private static final double PEAK = 3e-4;

    static Stream<Arguments> laws() {
        RiverValleyLaw one = new RiverValleyLaw(PEAK, 3000, 1, false, false);
        RiverValleyLaw two = new RiverValleyLaw(PEAK, 3000, 2, false, false);
        RiverValleyLaw spectrum = new RiverValleyLaw(PEAK, 3000, 4, true, false);
        return Stream.of(
                Arguments.of(one, new double[] {3.0, 0.4, 0.5, 0.12, 80}),
                Arguments.of(two, new double[] {3.0, 0.4, 0.5, 0.08, 30, 0.05, 400}),
                Arguments.of(spectrum, new double[] {3.0, 0.4, 0.5, 0.12, 10, 600}),
                Arguments.of(new MultiPowerLaw(), new double[] {3.04, 0.525, 0.508, 363.788, 2.066, 0.583, 0.641}),
                Arguments.of(new MomentumLaw(), new double[] {3.07, 0.49, 0.57, 0.4}));
    }

    private static List<Curve> curves(Law law, double[] theta) {
        int n = 6000;
        long[] steps = Schedules4Test.steps(n, 500, 50);
        return List.of(
                Schedules4Test.generated(law, theta, "cosine", Schedules4Test.rates(n, 500, PEAK, 1), steps),
                Schedules4Test.generated(law, theta, "constant", Schedules4Test.rates(n, 500, PEAK, 0), steps),
                Schedules4Test.generated(law, theta, "two-stage", Schedules4Test.rates(n, 500, PEAK, 2), steps));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laws")
    void jacobianMatchesCentralDifferences(Law law, double[] theta) {
        Curve c = curves(law, theta).get(0);
        int n = c.size();
        double[] out = new double[n];
        double[][] jac = new double[n][theta.length];
        law.predict(theta, c, out, jac);
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6 * Math.abs(theta[k]);
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double[] fu = new double[n];
            double[] fd = new double[n];
            law.predict(up, c, fu, null);
            law.predict(down, c, fd, null);
            for (int i = 0; i < n; i += 7) {
                double fdiff = (fu[i] - fd[i]) / (2 * h);
                // central differences: truncation O(h^2) and rounding ~1e-16 |L| / h, both far below 1e-5 relative
                // to the derivative's scale (the largest of it and the loss per unit parameter)
                double scale = Math.max(Math.abs(jac[i][k]), 1e-3 * out[i] / Math.abs(theta[k]));
                assertEquals(jac[i][k], fdiff, 1e-5 * scale, law.name() + " d/d" + law.parameters().get(k).name() + " at row " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laws")
    void recoversItsOwnParameters(Law law, double[] theta) {
        Fit fit = Fitter.fit(law, curves(law, theta), Fitter.Options.DEFAULT);
        for (int k = 0; k < theta.length; k++) {
            double rel = Math.abs(fit.theta()[k] / theta[k] - 1);
            assertTrue(rel < RECOVERY, law.name() + " " + law.parameters().get(k).name() + ": fitted " + fit.theta()[k]
                    + ", true " + theta[k] + " (relative error " + rel + ")");
        }
    }

    @Test
    void fitIsDeterministic() {
        Law law = new RiverValleyLaw(PEAK, 3000, 1, false, false);
        double[] theta = {3.0, 0.4, 0.5, 0.12, 80};
        List<Curve> curves = curves(law, theta);
        assertEquals(Fitter.fit(law, curves, Fitter.Options.DEFAULT), Fitter.fit(law, curves, Fitter.Options.DEFAULT));
    }

    /** The Multi-Power Law against a direct transcription of its published formula (double loop, no reuse). */
    @Test
    void multiPowerLawMatchesTheFormulaWrittenOut() {
        double[] p = {3.04, 0.525, 0.508, 363.788, 2.066, 0.583, 0.641};
        double[] rates = Schedules4Test.rates(3000, 300, PEAK, 1);
        long[] steps = Schedules4Test.steps(3000, 400, 100);
        double[] out = new double[steps.length];
        new MultiPowerLaw().predict(p, Curve.ofSchedule("c", steps, rates), out, null);
        for (int i = 0; i < steps.length; i++) {
            int s = (int) steps[i];
            double[] eta = new double[s + 1]; // eta[0] = 0, eta[k] = rate of update k-1
            for (int k = 1; k <= s; k++) {
                eta[k] = rates[k - 1];
            }
            double total = 0;
            for (int k = 0; k <= s; k++) {
                total += eta[k];
            }
            double ld = 0;
            for (int k = 1; k <= s; k++) {
                double sk = 0;
                for (int j = k; j <= s; j++) {
                    sk += eta[j];
                }
                ld += (eta[k] - eta[k - 1]) * (1 - Math.pow(1 + p[4] * Math.pow(eta[k], -p[6]) * sk, -p[5]));
            }
            double expected = p[0] + p[1] * Math.pow(total, -p[2]) + p[3] * ld;
            // sums of up to 3000 terms in another order: agreement to ~1e-12 relative
            assertEquals(expected, out[i], 1e-12 * expected, "row at step " + s);
        }
    }

    /** The momentum law's S2 against its closed form for a single step down at constant rates. */
    @Test
    void momentumLawAnnealingAreaAfterOneStepDown() {
        double lambda = 0.999;
        double[] rates = new double[2000];
        java.util.Arrays.fill(rates, 0, 1000, 1.0);
        java.util.Arrays.fill(rates, 1000, 2000, 0.25);
        long[] steps = {1500};
        double[] out = new double[1];
        double[] theta = {0, 0, 1, -1}; // L = S2
        new MomentumLaw(lambda).predict(theta, Curve.ofSchedule("c", steps, rates), out, null);
        // warmup jump 0 -> 1 at i = 1 gives m_i = -lambda^(i-1); the drop 1 -> 0.25 at i = 1001 adds 0.75 lambda^(i-1001)
        double up = -(1 - Math.pow(lambda, 1500)) / (1 - lambda);
        double down = 0.75 * (1 - Math.pow(lambda, 500)) / (1 - lambda);
        assertEquals(up + down, out[0], 1e-9);
    }
}
