package io.github.rivervalley.bigram.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RowPair#store}'s verdict on finiteness, which skips the scan when the bound says no entry can overflow,
 * against a plain scan of the updated row, on rows up to the largest double, gradients at the documented
 * limit of 2 in magnitude and rates from 0 to 1e308: the verdict must be exact whichever way it is reached.
 */
class RowPairTest {

    @Test
    void finitenessVerdictIsExactNearOverflow() {
        SplittableRandom random = new SplittableRandom(11);
        int v = 37;
        RowPair rows = new RowPair(v);
        double[] scales = {1.0, 1e300, 0.3 * Double.MAX_VALUE, 0.49 * Double.MAX_VALUE, Double.MAX_VALUE};
        double[] rates = {0.0, 0.5, 1e300, 0.1 * Double.MAX_VALUE, 0.3 * Double.MAX_VALUE, 1e308};
        int overflowed = 0;
        int scanned = 0;
        for (int trial = 0; trial < 4000; trial++) {
            double scale = scales[trial % scales.length];
            double lr = rates[(trial / scales.length) % rates.length];
            double[] x = new double[3 * v];
            double[] row = new double[v];
            double[] g = new double[v];
            for (int j = 0; j < v; j++) {
                row[j] = scale * (2 * random.nextDouble() - 1);
                g[j] = 4 * random.nextDouble() - 2;
            }
            if (trial % 97 == 0) {
                row[random.nextInt(v)] = random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
            }
            double max = SoftmaxRows.max(row, 0, v);
            double low = 0.0;
            for (double value : row) {
                low = Math.min(low, value - max);
            }
            double[] expected = new double[v];
            boolean nonFinite = false;
            for (int j = 0; j < v; j++) {
                expected[j] = row[j] - lr * g[j];
                nonFinite |= !Double.isFinite(expected[j]);
            }
            double[] copy = row.clone();
            rows.update(copy, g, 1.0, lr); // a scale of 1 leaves each g_j as it is
            boolean verdict = rows.store(copy, x, v, max, low, lr);
            assertEquals(nonFinite, verdict, "trial " + trial + ", scale " + scale + ", lr " + lr);
            double[] written = new double[v];
            System.arraycopy(x, v, written, 0, v);
            assertArrayEquals(expected, written, "the updated row is written back at its offset");
            overflowed += nonFinite ? 1 : 0;
            scanned += RowPair.mayOverflow(max, low, lr) ? 1 : 0;
        }
        assertTrue(overflowed > 100, "enough overflowing rows: " + overflowed);
        assertTrue(scanned < 4000 - 500, "the bound spares enough scans to be tested both ways: " + scanned);
    }
}
