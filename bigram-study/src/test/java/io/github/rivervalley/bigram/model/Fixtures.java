package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.bigram.data.SyntheticBigrams;
import io.github.rivervalley.bigram.data.SyntheticGroup;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.noise.SparseRows;
import java.util.List;
import java.util.SplittableRandom;

/** Small datasets and the generic checks both models must pass. */
final class Fixtures {

    private Fixtures() {
    }

    /** Plain SGD {@code x -= eta * g} on the touched rows only (the engine's sparse path, written out for tests). */
    static void sgdStep(double[] x, double[] gradient, double eta, SparseRows rows) {
        int length = rows.rowLength();
        for (int n = 0; n < rows.touchedRowCount(); n++) {
            int from = rows.touchedRow(n) * length;
            for (int j = from; j < from + length; j++) {
                x[j] = x[j] - eta * gradient[j];
            }
        }
    }

    /** V = 8: deterministic, uniform over 3, Dirichlet over 8 (full support), Zipf frequencies. */
    static BigramData small() {
        return SyntheticBigrams.generate(8, Frequencies.ZIPF, 0.8, List.of(
                SyntheticGroup.deterministic(0.5), SyntheticGroup.uniform(0.25, 3), SyntheticGroup.dirichlet(0.25, 8, 1.0)), 21);
    }

    /** Half the tokens deterministic (rivers), half uniform over {@code successors} (hills); Zipf exponent 1 when Zipf. */
    static BigramData halfRivers(int vocabulary, Frequencies frequencies, int successors, long seed) {
        return SyntheticBigrams.generate(vocabulary, frequencies, 1.0,
                List.of(SyntheticGroup.deterministic(0.5), SyntheticGroup.uniform(0.5, successors)), seed);
    }

    static double[] randomPoint(int d, long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[d];
        for (int n = 0; n < d; n++) {
            x[n] = random.nextDouble(-scale, scale);
        }
        return x;
    }

    /**
     * Central differences of the value: truncation error h^2 |f'''| / 6 ~ 1e-11 at h = 1e-5 for these O(1)
     * smooth losses, rounding ~ 1e-16 / h = 1e-11; 1e-8 leaves a wide margin and still catches any wrong term.
     */
    static void assertGradientMatchesDifferences(Landscape landscape, double[] x) {
        int d = landscape.dimension();
        double[] g = new double[d];
        double loss = landscape.gradient(x, g);
        assertEquals(landscape.value(x), loss, 1e-14 * Math.abs(loss));
        double h = 1e-5;
        for (int n = 0; n < d; n++) {
            double keep = x[n];
            x[n] = keep + h;
            double up = landscape.value(x);
            x[n] = keep - h;
            double down = landscape.value(x);
            x[n] = keep;
            assertEquals((up - down) / (2 * h), g[n], 1e-8, "coordinate " + n);
        }
    }

    /** Hv against central differences of the exact gradient along v (same error budget as above). */
    static void assertHvpMatchesDifferences(Landscape landscape, double[] x, long seed) {
        int d = landscape.dimension();
        double[] v = randomPoint(d, seed, 1.0);
        double[] hv = new double[d];
        landscape.hessianVectorProduct(x, v, hv);
        double h = 1e-5;
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int n = 0; n < d; n++) {
            xp[n] += h * v[n];
            xm[n] -= h * v[n];
        }
        double[] gp = new double[d];
        double[] gm = new double[d];
        landscape.gradient(xp, gp);
        landscape.gradient(xm, gm);
        for (int n = 0; n < d; n++) {
            assertEquals((gp[n] - gm[n]) / (2 * h), hv[n], 1e-8, "coordinate " + n);
        }
    }

    /**
     * Mean of {@code batches} minibatch gradients against the exact gradient, coordinate by coordinate, in
     * standard errors. The batches are independent, so each coordinate's z-score is close to N(0, 1); with
     * d coordinates, P(max |z| > 5) <= d * 5.7e-7 (Bonferroni), below 1e-4 for d <= 150. A biased gradient
     * (a wrong factor 1/B, a wrong row, a missing q) is off by far more than 5 standard errors at this many
     * batches. Coordinates with zero sample variance must match exactly (they are zero in every batch).
     */
    static void assertUnbiased(BigramModel model, double[] x, int batchSize, int batches, long seed) {
        int d = model.dimension();
        double[] exact = new double[d];
        model.gradient(x, exact);
        GradientOracle oracle = model.newMinibatchOracle(batchSize);
        SplittableRandom random = new SplittableRandom(seed);
        double[] g = new double[d];
        double[] mean = new double[d];
        double[] m2 = new double[d];
        for (int t = 1; t <= batches; t++) {
            oracle.gradient(x, g, random);
            for (int n = 0; n < d; n++) {
                double delta = g[n] - mean[n];
                mean[n] += delta / t;
                m2[n] += delta * (g[n] - mean[n]);
            }
        }
        double maxZ = 0.0;
        for (int n = 0; n < d; n++) {
            double se = Math.sqrt(m2[n] / (batches - 1) / batches);
            if (se == 0) {
                assertEquals(exact[n], mean[n], 1e-15, "coordinate " + n + " never varies");
                continue;
            }
            maxZ = Math.max(maxZ, Math.abs(mean[n] - exact[n]) / se);
        }
        assertTrue(maxZ < 5.0, "max |z| = " + maxZ);
    }
}
