package io.github.rivervalley.bigram.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused tabular step's row kernels written with the Vector API, used when {@link VectorApi#enabled()} (this
 * class is loaded only then). Each gives the bits of its plain twin ({@code VectorRowsTest} checks them):
 * {@link #maxima} those of {@link RowPair#maxima}, {@link #exponentials} those of the softmax pass
 * ({@link SoftmaxRows#expInto}, as {@code TabularMinibatch.softmaxPair} computes it per row), {@link #update}
 * those of {@link RowPair#update}. They read and write the table at the row's offset: unlike Java 17's
 * auto-vectoriser, the Vector API does not need the row copied to an array of its own.
 */
final class VectorRows {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private final int v;
    private final int bound;
    /** The exponentials of the last row passed to {@link #exponentials}. */
    final double[] e;
    /** The lowest {@code x_j - max} of that row (0 if none is lower), for {@link RowPair#mayOverflow}. */
    double low;
    /** The running state of {@link #exponentials}: its ordered sum so far, without the run of repeats it defers. */
    private double sum;
    private double arg;
    private double value;
    private long run;

    VectorRows(int v) {
        this.v = v;
        this.bound = SPECIES.loopBound(v);
        this.e = new double[v];
    }

    /**
     * The maxima of the rows at {@code x[r0 ..]} .. {@code x[r3 ..]} (each of length v) into {@code out[0 .. 4)}:
     * a lanewise maximum per row, reduced once at the end. {@code Math.max}, which both the lanes and the reduction
     * apply, is exact in any order, NaN and signed zeros included.
     */
    void maxima(double[] x, int r0, int r1, int r2, int r3, double[] out) {
        DoubleVector m0 = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
        DoubleVector m1 = m0;
        DoubleVector m2 = m0;
        DoubleVector m3 = m0;
        for (int j = 0; j < bound; j += LANES) {
            m0 = m0.max(DoubleVector.fromArray(SPECIES, x, r0 + j));
            m1 = m1.max(DoubleVector.fromArray(SPECIES, x, r1 + j));
            m2 = m2.max(DoubleVector.fromArray(SPECIES, x, r2 + j));
            m3 = m3.max(DoubleVector.fromArray(SPECIES, x, r3 + j));
        }
        double a0 = m0.reduceLanes(VectorOperators.MAX);
        double a1 = m1.reduceLanes(VectorOperators.MAX);
        double a2 = m2.reduceLanes(VectorOperators.MAX);
        double a3 = m3.reduceLanes(VectorOperators.MAX);
        for (int j = bound; j < v; j++) {
            a0 = Math.max(a0, x[r0 + j]);
            a1 = Math.max(a1, x[r1 + j]);
            a2 = Math.max(a2, x[r2 + j]);
            a3 = Math.max(a3, x[r3 + j]);
        }
        out[0] = a0;
        out[1] = a1;
        out[2] = a2;
        out[3] = a3;
    }

    /**
     * {@code e_j = exp(x[at + j] - max)} into {@link #e}, the exponential computed only when the argument differs
     * from the previous one, and their sum in order {@code ((e_0 + e_1) + e_2) + ...}; the lowest argument into
     * {@link #low}. A vector whose arguments all equal the previous one (the usual case: a row repeats one logit
     * for every token that never followed) is filled with the previous exponential and only counted; its
     * additions are made in one go by {@link RepeatedSum} when the value changes, with the loop's bits. Other
     * vectors, and the entries past the last whole vector, go entry by entry.
     */
    double exponentials(double[] x, int at, double max) {
        sum = 0.0;
        low = 0.0;
        arg = Double.NaN; // NaN equals nothing: the first exponential is always computed
        value = 0.0;
        run = 0;
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, x, at + j).sub(max);
            if (t.compare(VectorOperators.NE, arg).anyTrue()) {
                entries(x, at, j, j + LANES, max);
            } else {
                DoubleVector.broadcast(SPECIES, value).intoArray(e, j);
                run += LANES;
            }
        }
        entries(x, at, bound, v, max);
        return RepeatedSum.add(sum, value, run);
    }

    /** Entries {@code from .. to} of {@link #exponentials}, one by one. */
    private void entries(double[] x, int at, int from, int to, double max) {
        for (int j = from; j < to; j++) {
            double t = x[at + j] - max;
            if (t != arg) {
                sum = RepeatedSum.add(sum, value, run);
                run = 0;
                arg = t;
                value = Math.exp(t);
                low = Math.min(low, t); // a repeat changes no minimum
            }
            e[j] = value;
            run++;
        }
    }

    /** {@code x[at + j] = x[at + j] - lr (e_j s)}: the update on the table itself. */
    void update(double[] x, int at, double s, double lr) {
        for (int j = 0; j < bound; j += LANES) {
            DoubleVector step = DoubleVector.fromArray(SPECIES, e, j).mul(s).mul(lr);
            DoubleVector.fromArray(SPECIES, x, at + j).sub(step).intoArray(x, at + j);
        }
        for (int j = bound; j < v; j++) {
            x[at + j] = x[at + j] - lr * (e[j] * s);
        }
    }
}
