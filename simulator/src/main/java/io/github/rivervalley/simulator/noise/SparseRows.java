package io.github.rivervalley.simulator.noise;

/**
 * Implemented by gradient oracles whose gradient is zero outside a few rows of a row-major parameter matrix
 * (the bigram tabular model's minibatches touch only the rows of the tokens in the batch). An optimizer
 * whose update of a coordinate with zero gradient is the identity (plain SGD without weight decay) may
 * update only these rows and get bit for bit the dense result ({@code x - eta * 0 == x}); the same holds for
 * any per-coordinate check of the iterate (finiteness) on the untouched rows.
 */
public interface SparseRows {

    /** Length of a row (the parameter matrix is rows x rowLength, row-major). */
    int rowLength();

    /** Number of rows with non-zero gradient after the last call. */
    int touchedRowCount();

    /** The {@code n}-th touched row, {@code 0 <= n < touchedRowCount()}, in order of first use. */
    int touchedRow(int n);
}
