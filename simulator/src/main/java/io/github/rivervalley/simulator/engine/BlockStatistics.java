package io.github.rivervalley.simulator.engine;

import java.util.Arrays;

/**
 * Per-row partial statistics of one block of replicas for the current window: count, mean and M2 by
 * Welford's update (replicas in index order), merged across blocks in block order by Chan's formula, so
 * the merged bits never depend on the thread count.
 */
final class BlockStatistics {
    // Sized by the rows a window actually has (reset grows them), not by the most a window may have: a
    // run with few rows then allocates and clears little (a sweep's short runs, many blocks of a big run).
    double[] count = new double[0];
    double[] mean = new double[0];
    double[] m2 = new double[0];
    long[] diverged = new long[0];
    /** Per row the path columns of replica 0 (NaN where it has diverged); empty outside block 0. */
    double[] path = new double[0];
    final int pathWidth;
    private final int width;

    BlockStatistics(int width, int pathWidth) {
        this.width = width;
        this.pathWidth = pathWidth;
    }

    /** Clears the first {@code rows} rows (allocating them, if this block never had so many). */
    void reset(int rows) {
        if (count.length < rows) {
            count = new double[rows];
            mean = new double[rows * width];
            m2 = new double[rows * width];
            diverged = new long[rows];
            path = new double[rows * pathWidth];
        }
        Arrays.fill(count, 0, rows, 0.0);
        Arrays.fill(mean, 0, rows * width, 0.0);
        Arrays.fill(m2, 0, rows * width, 0.0);
        Arrays.fill(diverged, 0, rows, 0L);
        Arrays.fill(path, 0, rows * pathWidth, Double.NaN);
    }

    /** Welford's update with one replica's values. */
    void add(int row, double[] values) {
        double n = ++count[row];
        int base = row * width;
        for (int k = 0; k < width; k++) {
            double v = values[k];
            double delta = v - mean[base + k];
            double updated = mean[base + k] + delta / n;
            mean[base + k] = updated;
            m2[base + k] += delta * (v - updated);
        }
    }

    /** Merges this block's row into running totals (Chan et al.); returns the new count. */
    double mergeInto(int row, double n, double[] totalMean, double[] totalM2) {
        double nb = count[row];
        if (nb == 0) {
            return n;
        }
        int base = row * width;
        double total = n + nb;
        for (int k = 0; k < width; k++) {
            double mb = mean[base + k];
            if (n == 0) {
                totalMean[k] = mb;
                totalM2[k] = m2[base + k];
            } else {
                double delta = mb - totalMean[k];
                totalMean[k] += delta * nb / total;
                totalM2[k] += m2[base + k] + delta * delta * n * nb / total;
            }
        }
        return total;
    }
}
