package io.github.rivervalley.bigram.data;

import java.util.random.RandomGenerator;

/**
 * Walker's alias method (Vose's construction) for drawing from a discrete distribution in O(1): one
 * uniform number picks a column and decides between the column and its alias.
 *
 * <p>The tables can live in slices of shared arrays, so that every token's successor distribution of a
 * {@link BigramData} is one slice of two flat arrays instead of thousands of small objects.
 */
final class AliasTable {

    private AliasTable() {
    }

    /**
     * Fills {@code accept[offset..offset+n)} and {@code alias[offset..offset+n)} for the probabilities
     * {@code p[offset..offset+n)} (non-negative, summing to about 1; renormalised here). Aliases are local
     * indices in {@code [0, n)}.
     */
    static void build(double[] p, int offset, int n, double[] accept, int[] alias) {
        double total = 0.0;
        for (int j = 0; j < n; j++) {
            total += p[offset + j];
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int j = 0; j < n; j++) {
            scaled[j] = p[offset + j] * n / total;
            if (scaled[j] < 1.0) {
                small[ns++] = j;
            } else {
                large[nl++] = j;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            accept[offset + s] = scaled[s];
            alias[offset + s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // Leftovers are 1 up to rounding: they always accept themselves.
        while (nl > 0) {
            int l = large[--nl];
            accept[offset + l] = 1.0;
            alias[offset + l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            accept[offset + s] = 1.0;
            alias[offset + s] = s;
        }
    }

    /** A draw (local index in {@code [0, n)}) from the table in the slice starting at {@code offset}. */
    static int sample(double[] accept, int[] alias, int offset, int n, RandomGenerator random) {
        double u = random.nextDouble() * n;
        int column = (int) u;
        if (column >= n) {
            column = n - 1;
        }
        return u - column < accept[offset + column] ? column : alias[offset + column];
    }
}
