package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.landscapes.Decomposer.Measure;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.noise.GradientOracle;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FactoredModelTest {

    private final BigramData data = Fixtures.small();
    private final FactoredModel model = new FactoredModel(data, 3, 0.8, 17);

    @Test
    void gradientAndHessianVectorProductMatchFiniteDifferences() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = Fixtures.randomPoint(model.dimension(), seed, 1.0);
            Fixtures.assertGradientMatchesDifferences(model, x);
            Fixtures.assertHvpMatchesDifferences(model, x, seed + 50);
        }
    }

    @Test
    void hessianIsSymmetric() {
        DMatrixRMaj h = model.hessian(Fixtures.randomPoint(model.dimension(), 4, 1.0));
        for (int a = 0; a < h.numRows; a++) {
            for (int b = 0; b < a; b++) {
                assertEquals(h.get(a, b), h.get(b, a), 1e-14);
            }
        }
    }

    @Test
    void lossNeverBelowLowerBoundAndDecompositionAddsUp() {
        double[] out = new double[model.measureCount()];
        for (long seed = 1; seed <= 10; seed++) {
            double[] x = Fixtures.randomPoint(model.dimension(), seed, 0.4 * seed);
            double loss = model.value(x);
            assertTrue(loss >= data.lowerBound());
            model.measure(x, out);
            assertEquals(loss, out[Measure.LOSS.ordinal()], 1e-13 * loss);
            assertEquals(loss, out[Measure.RIVER_LOSS.ordinal()] + out[Measure.HILL_EXCESS.ordinal()], 1e-13 * loss);
            double sum = 0.0;
            for (int g = 0; g < data.groupCount(); g++) {
                sum += out[Measure.COUNT + g];
            }
            assertEquals(loss, sum, 1e-13 * loss);
        }
    }

    /** Logits of the factored model are those of a tabular model with W = E U^T + 1 b^T: same loss. */
    @Test
    void agreesWithTheTabularModelOfItsLogits() {
        double[] x = Fixtures.randomPoint(model.dimension(), 8, 1.0);
        int v = data.vocabularySize();
        double[] w = new double[v * v];
        double[] row = new double[v];
        for (int i = 0; i < v; i++) {
            model.logits(x, i, row);
            System.arraycopy(row, 0, w, i * v, v);
        }
        TabularModel tabular = new TabularModel(data);
        assertEquals(tabular.value(w), model.value(x), 1e-14);
        double[] a = new double[model.measureCount()];
        double[] b = new double[tabular.measureCount()];
        model.measure(x, a);
        tabular.measure(w, b);
        for (int n = 0; n < a.length; n++) {
            assertEquals(b[n], a[n], 1e-13, "measure " + n);
        }
    }

    @Test
    void sharpnessMatchesDenseEigenvalues() {
        double[] x = Fixtures.randomPoint(model.dimension(), 6, 1.0);
        DMatrixRMaj h = model.hessian(x);
        // Power iteration converges to a relative 1e-10 in the Rayleigh quotient; allow 1e-6 relative for the
        // eigenvalue itself when the gap is small.
        double expected = TabularModelTest.topEigenvalue(h);
        assertEquals(expected, model.sharpness(x), 1e-6 * Math.abs(expected));
        double[] groups = new double[data.groupCount()];
        model.groupSharpness(x, groups);
        int k = model.embedding();
        for (int g = 0; g < data.groupCount(); g++) {
            java.util.List<Integer> coords = new java.util.ArrayList<>();
            for (int i = 0; i < data.vocabularySize(); i++) {
                if (data.groupOf(i) == g) {
                    for (int c = 0; c < k; c++) {
                        coords.add(i * k + c);
                    }
                }
            }
            DMatrixRMaj sub = new DMatrixRMaj(coords.size(), coords.size());
            for (int a = 0; a < coords.size(); a++) {
                for (int b = 0; b < coords.size(); b++) {
                    sub.set(a, b, h.get(coords.get(a), coords.get(b)));
                }
            }
            double top = TabularModelTest.topEigenvalue(sub);
            assertEquals(top, groups[g], 1e-6 * Math.max(1e-3, Math.abs(top)), "group " + g);
        }
    }

    @Test
    void minibatchGradientIsUnbiased() {
        double[] x = Fixtures.randomPoint(model.dimension(), 2, 1.0);
        Fixtures.assertUnbiased(model, x, 4, 40_000, 78);
    }

    /**
     * The blocked oracle against a plain per-pair reference on the same pairs. Summation orders differ (blocks,
     * four partial sums), so they agree to rounding: entries are sums of O(B V) terms of size <= 1, 1e-13.
     */
    @Test
    void minibatchMatchesPerPairReference() {
        BigramData bigger = Fixtures.small();
        FactoredModel m = new FactoredModel(bigger, 5, null, 3);
        int v = bigger.vocabularySize();
        int k = 5;
        int batch = 7;
        double[] x = m.defaultStart();
        GradientOracle oracle = m.newMinibatchOracle(batch);
        double[] g = Fixtures.randomPoint(m.dimension(), 1, 9.0); // stale content must be overwritten
                for (int step = 0; step < 5; step++) {
            SplittableRandom random = new SplittableRandom(12 + step);
            SplittableRandom replay = new SplittableRandom(12 + step);
            oracle.gradient(x, g, random);
            double[] reference = new double[m.dimension()];
            double[] z = new double[v];
            for (int b = 0; b < batch; b++) {
                int i = bigger.sampleToken(replay);
                int y = bigger.sampleSuccessor(i, replay);
                for (int j = 0; j < v; j++) {
                    double s = x[m.bOffset() + j];
                    for (int c = 0; c < k; c++) {
                        s += x[m.uOffset() + j * k + c] * x[i * k + c];
                    }
                    z[j] = s;
                }
                double max = java.util.Arrays.stream(z).max().orElseThrow();
                double sum = 0.0;
                for (int j = 0; j < v; j++) {
                    sum += Math.exp(z[j] - max);
                }
                for (int j = 0; j < v; j++) {
                    double r = (Math.exp(z[j] - max) / sum - (j == y ? 1.0 : 0.0)) / batch;
                    for (int c = 0; c < k; c++) {
                        reference[i * k + c] += r * x[m.uOffset() + j * k + c];
                        reference[m.uOffset() + j * k + c] += r * x[i * k + c];
                    }
                    reference[m.bOffset() + j] += r;
                }
            }
            for (int n = 0; n < reference.length; n++) {
                assertEquals(reference[n], g[n], 1e-13, "entry " + n);
            }
            for (int n = 0; n < x.length; n++) {
                x[n] -= 0.5 * g[n];
            }
        }
    }

    @Test
    void initialisationIsSeededWithTheDocumentedScale() {
        FactoredModel big = new FactoredModel(data, 64, null, 5);
        double[] a = big.defaultStart();
        assertArrayEquals(a, big.defaultStart());
        double sum2 = 0.0;
        for (int n = 0; n < big.bOffset(); n++) {
            sum2 += a[n] * a[n];
        }
        // 1024 draws of N(0, 1/64): the sample variance has relative SE sqrt(2/1024) = 4.4%; allow 5 SE.
        assertEquals(1.0 / 64, sum2 / big.bOffset(), 0.22 / 64);
        for (int n = big.bOffset(); n < a.length; n++) {
            assertEquals(0.0, a[n]);
        }
    }

    @Test
    void badSizesAreRejected() {
        InvalidValueException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
                () -> new FactoredModel(data, 0, null, 1));
        assertEquals("embedding", e.field());
        e = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
                () -> new FactoredModel(data, 2, -1.0, 1));
        assertEquals("initScale", e.field());
        e = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
                () -> model.newMinibatchOracle(0));
        assertEquals("batchSize", e.field());
    }
}
