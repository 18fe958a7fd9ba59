package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.Frequencies;
import io.github.rivervalley.bigram.data.SyntheticBigrams;
import io.github.rivervalley.bigram.data.SyntheticGroup;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * Per-group curvature ({@code curvature_<g>}: trace of the group's Hessian block; {@code sharpness_<g>}: its
 * top eigenvalue) against an independent computation (the dense block built from Hessian-vector products,
 * then EJML's symmetric eigen-solver) and against the per-token closed forms.
 */
class GroupCurvatureTest {

    /**
     * The block is assembled from exact Hessian-vector products (sums of O(V k) terms) and diagonalised by
     * EJML; both agree with the closed forms to a few hundred ulps of the largest entry, so 1e-10 relative.
     */
    private static final double EXACT = 1e-10;

    private static final int UNIFORM_K = 8;

    /** Coordinates of group g's parameters: each token's logit row (tabular) or embedding (factored). */
    private static int[] coordinates(BigramData data, int g, int width) {
        int[] out = new int[data.groupSize(g) * width];
        int n = 0;
        for (int i = 0; i < data.vocabularySize(); i++) {
            if (data.groupOf(i) == g) {
                for (int c = 0; c < width; c++) {
                    out[n++] = i * width + c;
                }
            }
        }
        return out;
    }

    /** {trace, top eigenvalue} of the Hessian block on {@code coords}, assembled column by column. */
    private static double[] denseBlock(BigramModel model, double[] x, int[] coords) {
        int d = model.dimension();
        int n = coords.length;
        DMatrixRMaj block = new DMatrixRMaj(n, n);
        double[] e = new double[d];
        double[] h = new double[d];
        for (int a = 0; a < n; a++) {
            e[coords[a]] = 1.0;
            model.hessianVectorProduct(x, e, h);
            e[coords[a]] = 0.0;
            for (int b = 0; b < n; b++) {
                block.set(b, a, h[coords[b]]);
            }
        }
        double trace = 0.0;
        for (int a = 0; a < n; a++) {
            trace += block.get(a, a);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(block));
        double top = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            top = Math.max(top, eig.getEigenvalue(a).getReal());
        }
        return new double[] {trace, top};
    }

    private static void assertMatchesDenseBlocks(BigramModel model, double[] x, int width) {
        BigramData data = model.data();
        int groups = data.groupCount();
        double[] measured = new double[2 * groups];
        model.groupCurvature(x, measured);
        assertEquals(2 * groups, model.curvatureColumns().size());
        for (int g = 0; g < groups; g++) {
            double[] dense = denseBlock(model, x, coordinates(data, g, width));
            double scale = Math.max(dense[0], 1e-300);
            assertEquals(dense[0], measured[g], EXACT * scale, "trace of group " + data.groupName(g));
            assertEquals(dense[1], measured[groups + g], EXACT * scale, "top eigenvalue of group " + data.groupName(g));
            assertEquals("curvature_" + data.groupName(g), model.curvatureColumns().get(g));
            assertEquals("sharpness_" + data.groupName(g), model.curvatureColumns().get(groups + g));
        }
    }

    @Test
    void tabularGroupsMatchTheirDenseHessianBlocks() {
        BigramData data = Fixtures.small();
        TabularModel model = new TabularModel(data);
        assertMatchesDenseBlocks(model, Fixtures.randomPoint(model.dimension(), 3, 2.0), data.vocabularySize());
    }

    @Test
    void factoredGroupsMatchTheirDenseEmbeddingBlocks() {
        BigramData data = Fixtures.small();
        FactoredModel model = new FactoredModel(data, 3, null, 5);
        assertMatchesDenseBlocks(model, Fixtures.randomPoint(model.dimension(), 4, 1.0), 3);
    }

    /** Deterministic, then uniform over 2, 4, 8 successors; uniform frequencies 1/V. */
    private static BigramData uniformGroups() {
        return SyntheticBigrams.generate(32, Frequencies.UNIFORM, 1.0, List.of(SyntheticGroup.deterministic(0.25),
                SyntheticGroup.uniform(0.25, 2), SyntheticGroup.uniform(0.25, 4), SyntheticGroup.uniform(0.25, UNIFORM_K)), 7);
    }

    /**
     * At the optimum of the uncertain rows ({@code z = log q} on the successors, -60 elsewhere, so p equals q to
     * about e^-60) a token uniform over k successors has Hessian {@code pi (diag q - q q^T)} with eigenvalue
     * {@code pi / k} (k - 1 times) and trace {@code pi (1 - 1/k)}: the top eigenvalue falls with uncertainty,
     * the trace rises. A deterministic token at margin 60 has curvature of order e^-60.
     */
    @Test
    void uniformGroupsFollowThePerTokenClosedForms() {
        BigramData data = uniformGroups();
        TabularModel model = new TabularModel(data);
        int v = data.vocabularySize();
        double[] x = new double[model.dimension()];
        java.util.Arrays.fill(x, -60.0);
        for (int i = 0; i < v; i++) {
            for (int n = data.rowStart(i); n < data.rowStart(i) + data.successorCount(i); n++) {
                x[i * v + data.successorAt(n)] = Math.log(data.probabilityAt(n));
            }
        }
        int groups = data.groupCount();
        double[] measured = new double[2 * groups];
        model.groupCurvature(x, measured);
        double pi = 1.0 / v;
        int[] successors = {1, 2, 4, UNIFORM_K};
        for (int g = 0; g < groups; g++) {
            int k = successors[g];
            double trace = data.groupSize(g) * pi * (1 - 1.0 / k);
            double top = k == 1 ? 0.0 : pi / k;
            // e^-60 ~ 1e-26 of leaked probability is far below the 1e-12 absolute slack.
            assertEquals(trace, measured[g], 1e-12, "trace of " + data.groupName(g));
            assertEquals(top, measured[groups + g], 1e-12, "top eigenvalue of " + data.groupName(g));
            if (g > 1) {
                assertTrue(measured[g] > measured[g - 1] && measured[groups + g] < measured[groups + g - 1],
                        "more successors: larger trace, smaller top eigenvalue (" + data.groupName(g) + ")");
            }
        }
    }

    /** Through the engine: the columns appear with sharpness, only on its rows; at the zero start p is uniform. */
    @Test
    void engineRecordsTheColumnsOnSharpnessRows() {
        String yaml = """
                name: curvature
                seed: 2
                steps: 40
                replicas: 2
                landscape:
                  type: bigram
                  data: {type: synthetic, vocabulary: 32, seed: 7,
                         groups: [{share: 0.25, kind: deterministic}, {share: 0.25, kind: uniform, successors: 2},
                                  {share: 0.25, kind: uniform, successors: 4}, {share: 0.25, kind: uniform, successors: 8}]}
                  model: {type: tabular}
                optimizer: {type: sgd}
                noise: {type: minibatch, batchSize: 8}
                schedule: {type: constant, peak: 4}
                record: {every: 5, sharpnessEvery: 10}
                """;
        SpecReader reader = SpecReader.instance();
        Trace trace = Simulation.trace(reader.read(yaml, "curvature.yaml", RunSpec.class), 1);
        BigramData data = uniformGroups();
        int v = data.vocabularySize();
        for (int g = 0; g < data.groupCount(); g++) {
            String name = data.groupName(g);
            // Zero logits: p uniform over V, so each row has trace pi (1 - 1/V) and top eigenvalue pi / V.
            double pi = 1.0 / v;
            assertEquals(data.groupSize(g) * pi * (1 - 1.0 / v), trace.value("main", 0, "curvature_" + name), 1e-15);
            assertEquals(pi / v, trace.value("main", 0, "sharpness_" + name), 1e-15);
            assertTrue(Double.isNaN(trace.value("main", 5, "curvature_" + name)), "only on sharpness rows");
            assertTrue(trace.value("main", 40, "sharpness_" + name) > 0);
        }
    }
}
