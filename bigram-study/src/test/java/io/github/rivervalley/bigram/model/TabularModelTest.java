package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.bigram.data.SyntheticBigrams;
import io.github.rivervalley.bigram.data.SyntheticGroup;
import io.github.rivervalley.landscapes.Decomposer.Measure;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class TabularModelTest {

    private final BigramData data = Fixtures.small();
    private final TabularModel model = new TabularModel(data);

    @Test
    void gradientAndHessianVectorProductMatchFiniteDifferences() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] x = Fixtures.randomPoint(model.dimension(), seed, 2.0);
            Fixtures.assertGradientMatchesDifferences(model, x);
            Fixtures.assertHvpMatchesDifferences(model, x, seed + 100);
        }
    }

    @Test
    void startIsUniformPredictionWithLossLogV() {
        double[] x = model.defaultStart();
        assertEquals(Math.log(8), model.value(x), 1e-15);
    }

    @Test
    void lossNeverBelowLowerBoundAndDecompositionAddsUp() {
        double[] out = new double[model.measureCount()];
        int groups = data.groupCount();
        for (long seed = 1; seed <= 20; seed++) {
            double[] x = Fixtures.randomPoint(model.dimension(), seed, 0.5 * seed);
            double loss = model.value(x);
            assertTrue(loss >= data.lowerBound(), "loss " + loss + " < L* " + data.lowerBound());
            model.measure(x, out);
            // Sums of 3-8 terms of size <= 10: a relative 1e-13 covers their rounding.
            assertEquals(loss, out[Measure.LOSS.ordinal()], 1e-13 * loss);
            assertEquals(loss, out[Measure.RIVER_LOSS.ordinal()] + out[Measure.HILL_EXCESS.ordinal()], 1e-13 * loss);
            double sumLoss = 0.0;
            double riverExcess = 0.0;
            for (int g = 0; g < groups; g++) {
                double lossG = out[Measure.COUNT + g];
                double excessG = out[Measure.COUNT + groups + g];
                sumLoss += lossG;
                assertEquals(lossG - data.groupLowerBound(g), excessG, 1e-13 * loss);
                assertTrue(excessG >= 0);
                if (data.isRiverGroup(g)) {
                    riverExcess += excessG;
                }
            }
            assertEquals(loss, sumLoss, 1e-13 * loss);
            assertEquals(data.lowerBound() + riverExcess, out[Measure.RIVER_LOSS.ordinal()], 1e-13 * loss);
            assertTrue(Double.isFinite(out[Measure.HILL_DISP.ordinal()]));
        }
        assertEquals(List.of("loss_det", "loss_k3", "loss_dir8", "excess_det", "excess_k3", "excess_dir8"), model.extraColumns());
    }

    /**
     * With hill rows of full support, moving them to their optimum log q is the projection Phi: the river
     * loss must equal L(Phi(x)), the hill distance |x - Phi(x)| in centred coordinates, and river_coord the
     * mean log-margin of the deterministic rows, whose loss is log(1 + exp(-margin)).
     */
    @Test
    void riverLossIsTheLossAtTheProjection() {
        BigramData full = SyntheticBigrams.generate(6, Frequencies.UNIFORM, 0,
                List.of(SyntheticGroup.deterministic(0.5), SyntheticGroup.dirichlet(0.5, 6, 2.0)), 4);
        TabularModel m = new TabularModel(full);
        double[] x = Fixtures.randomPoint(36, 9, 1.5);
        double[] phi = x.clone();
        double dist2 = 0.0;
        double marginSum = 0.0;
        double riverMass = 0.0;
        for (int i = 0; i < 6; i++) {
            if (full.isRiverGroup(full.groupOf(i))) {
                int y = full.mostLikelySuccessor(i);
                double others = 0.0;
                for (int j = 0; j < 6; j++) {
                    if (j != y) {
                        others += Math.exp(x[i * 6 + j]);
                    }
                }
                marginSum += full.frequency(i) * (x[i * 6 + y] - Math.log(others));
                riverMass += full.frequency(i);
                continue;
            }
            double meanX = 0.0;
            double meanLog = 0.0;
            for (int j = 0; j < 6; j++) {
                phi[i * 6 + j] = Math.log(full.probability(i, j));
                meanX += x[i * 6 + j] / 6;
                meanLog += phi[i * 6 + j] / 6;
            }
            for (int j = 0; j < 6; j++) {
                double d = (x[i * 6 + j] - meanX) - (phi[i * 6 + j] - meanLog);
                dist2 += d * d;
            }
        }
        double[] out = new double[m.measureCount()];
        m.measure(x, out);
        assertEquals(m.value(phi), out[Measure.RIVER_LOSS.ordinal()], 1e-13);
        assertEquals(Math.sqrt(dist2), out[Measure.HILL_DIST.ordinal()], 1e-13);
        assertEquals(marginSum / riverMass, out[Measure.RIVER_COORD.ordinal()], 1e-13);
    }

    /**
     * hill_disp: the steepest hill token is the one with the largest top eigenvalue of pi_i (diag(q_i) - q_i q_i^T)
     * (checked with EJML on every hill token), its direction a unit eigenvector; the displacement is 0 at the
     * optimum, moves by exactly eps along the direction, and ignores a constant added to the logits.
     */
    @Test
    void hillDisplacementIsAlongTheSteepestHillDirection() {
        BigramData full = SyntheticBigrams.generate(6, Frequencies.ZIPF, 1.0,
                List.of(SyntheticGroup.deterministic(0.5), SyntheticGroup.dirichlet(0.5, 6, 2.0)), 4);
        TabularModel m = new TabularModel(full);
        HillDirection hill = HillDirection.of(full);
        double best = 0.0;
        int bestToken = -1;
        for (int i = 0; i < 6; i++) {
            if (full.isRiverGroup(full.groupOf(i))) {
                continue;
            }
            DMatrixRMaj block = new DMatrixRMaj(6, 6);
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    double qa = full.probability(i, a);
                    block.set(a, b, full.frequency(i) * ((a == b ? qa : 0.0) - qa * full.probability(i, b)));
                }
            }
            double top = topEigenvalue(block);
            if (top > best) {
                best = top;
                bestToken = i;
            }
        }
        assertEquals(bestToken, hill.token());
        assertEquals(best, hill.curvature(), 1e-14);
        double[] v = hill.vector();
        double norm = 0.0;
        double sum = 0.0;
        for (int e = 0; e < v.length; e++) {
            norm += v[e] * v[e];
            sum += v[e];
            double hv = 0.0;
            for (int f = 0; f < v.length; f++) {
                double qe = full.probabilityAt(full.rowStart(bestToken) + e);
                double qf = full.probabilityAt(full.rowStart(bestToken) + f);
                hv += full.frequency(bestToken) * ((e == f ? qe : 0.0) - qe * qf) * v[f];
            }
            assertEquals(hill.curvature() * v[e], hv, 1e-14);
        }
        assertEquals(1.0, norm, 1e-14);
        assertEquals(0.0, sum, 1e-14);

        double[] x = Fixtures.randomPoint(36, 3, 1.0);
        for (int j = 0; j < 6; j++) {
            x[bestToken * 6 + j] = Math.log(full.probability(bestToken, j)) + 0.7;
        }
        double[] out = new double[m.measureCount()];
        m.measure(x, out);
        assertEquals(0.0, out[Measure.HILL_DISP.ordinal()], 1e-14);
        for (int e = 0; e < 6; e++) {
            x[bestToken * 6 + full.successorAt(full.rowStart(bestToken) + e)] += 0.25 * v[e];
        }
        m.measure(x, out);
        assertEquals(0.25, out[Measure.HILL_DISP.ordinal()], 1e-14);
    }

    @Test
    void hillDirectionOfTiedProbabilitiesAndOfAllRiverData() {
        BigramData uniform = Fixtures.halfRivers(8, Frequencies.UNIFORM, 3, 2);
        HillDirection hill = HillDirection.of(uniform);
        assertEquals(1.0 / 8 / 3, hill.curvature(), 1e-15);
        assertEquals(0.0, hill.vector()[0] + hill.vector()[1] + hill.vector()[2], 1e-15);
        BigramData river = SyntheticBigrams.generate(8, Frequencies.UNIFORM, 1.0, List.of(SyntheticGroup.deterministic(1.0)), 2);
        double[] out = new double[new TabularModel(river).measureCount()];
        new TabularModel(river).measure(new double[64], out);
        assertTrue(Double.isNaN(out[Measure.HILL_DISP.ordinal()]));
    }

    /** Group sharpness against EJML's dense eigenvalues of each row block of the Hessian. */
    @Test
    void sharpnessMatchesDenseEigenvalues() {
        double[] x = Fixtures.randomPoint(model.dimension(), 5, 2.0);
        DMatrixRMaj h = model.hessian(x);
        int v = data.vocabularySize();
        double[] expected = new double[data.groupCount()];
        for (int i = 0; i < v; i++) {
            DMatrixRMaj block = new DMatrixRMaj(v, v);
            for (int a = 0; a < v; a++) {
                for (int b = 0; b < v; b++) {
                    block.set(a, b, h.get(i * v + a, i * v + b));
                }
            }
            int g = data.groupOf(i);
            expected[g] = Math.max(expected[g], topEigenvalue(block));
        }
        double[] actual = new double[data.groupCount()];
        model.groupSharpness(x, actual);
        double overall = 0.0;
        for (int g = 0; g < expected.length; g++) {
            // EJML's symmetric QR algorithm is accurate to about 1e-15 of the matrix norm (<= 1).
            assertEquals(expected[g], actual[g], 1e-13);
            overall = Math.max(overall, expected[g]);
        }
        assertEquals(overall, model.sharpness(x), 1e-13);
        assertEquals(overall, topEigenvalue(h), 1e-13);
        double trace = 0.0;
        for (int n = 0; n < h.numRows; n++) {
            trace += h.get(n, n);
        }
        assertEquals(trace, model.hessianTrace(x), 1e-13);
    }

    @Test
    void topCurvatureHandlesTiesAndPointMasses() {
        assertEquals(0.5, SoftmaxRows.topCurvature(new double[] {0.5, 0.5}, 0, 2), 0.0);
        assertEquals(0.25, SoftmaxRows.topCurvature(new double[] {0.25, 0.25, 0.25, 0.25}, 0, 4), 0.0);
        assertEquals(0.0, SoftmaxRows.topCurvature(new double[] {1.0, 0.0, 0.0}, 0, 3), 1e-15);
    }

    static double topEigenvalue(DMatrixRMaj symmetric) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, false, true);
        assertTrue(eig.decompose(symmetric.copy()));
        double top = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < symmetric.numRows; n++) {
            top = Math.max(top, eig.getEigenvalue(n).getReal());
        }
        return top;
    }

    @Test
    void minibatchGradientIsUnbiased() {
        double[] x = Fixtures.randomPoint(model.dimension(), 7, 1.0);
        Fixtures.assertUnbiased(model, x, 4, 40_000, 77);
    }

    /**
     * The sparse oracle against a plain dense reference on the same pairs: per pair, add p_x / B to row x and
     * subtract 1/B at y. The oracle multiplies by c_x / B once instead of adding c_x times, so the two agree to a
     * few ulps of the entries (<= 1), not bit for bit. The SGD update on the touched rows must equal the
     * dense update of the oracle's own output bit for bit, and repeated calls must leave no stale rows.
     */
    @Test
    void sparseRowsMatchDenseReferenceAndDenseUpdateBitForBit() {
        BigramData bigger = Fixtures.halfRivers(40, Frequencies.ZIPF, 5, 8);
        TabularModel m = new TabularModel(bigger);
        int v = 40;
        int batch = 16;
        TabularMinibatch oracle = m.newMinibatchOracle(batch);
        double[] x = Fixtures.randomPoint(v * v, 3, 1.0);
        double[] xDense = x.clone();
        double[] g = new double[v * v];
                for (int step = 0; step < 30; step++) {
            SplittableRandom random = new SplittableRandom(5 + step);
            SplittableRandom replay = new SplittableRandom(5 + step);
            oracle.gradient(x, g, random);
            double[] reference = new double[v * v];
            double[] p = new double[v];
            for (int b = 0; b < batch; b++) {
                int i = bigger.sampleToken(replay);
                int y = bigger.sampleSuccessor(i, replay);
                SoftmaxRows.softmax(x, i * v, v, p, 0);
                for (int j = 0; j < v; j++) {
                    reference[i * v + j] += p[j] / batch;
                }
                reference[i * v + y] -= 1.0 / batch;
            }
            boolean[] touched = new boolean[v];
            for (int n = 0; n < oracle.touchedRowCount(); n++) {
                touched[oracle.touchedRow(n)] = true;
            }
            for (int n = 0; n < v * v; n++) {
                assertEquals(reference[n], g[n], 1e-15, "entry " + n + " at step " + step);
                if (!touched[n / v]) {
                    assertEquals(0L, Double.doubleToRawLongBits(g[n]), "untouched entry " + n + " must be +0");
                }
            }
            Fixtures.sgdStep(x, g, 0.7, oracle);
            for (int n = 0; n < v * v; n++) {
                xDense[n] = xDense[n] - 0.7 * g[n];
            }
            assertArrayEquals(xDense, x);
            for (int n = 0; n < v * v; n++) {
                assertEquals(Double.doubleToRawLongBits(xDense[n]), Double.doubleToRawLongBits(x[n]));
            }
        }
    }
}
