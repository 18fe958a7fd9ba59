package io.github.rivervalley.bigram.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 softmax's row maxima with the Vector API ({@link VectorApi}), taken tile by tile right after each
 * tile's logits, while the tile is cached. Loaded only when the Vector API is enabled.
 *
 * <p>The exponentials stay {@link FastExp}'s (auto-vectorised but for the scaling by {@code 2^n}): written with
 * the Vector API, the whole exponential (about thirty vector operations a lane) or just its scaling (a float to
 * int conversion and a reinterpretation) ran fast in a micro-benchmark but, within a training step, Java 17's
 * JIT compiled part of it to its slow fallback code (allocating a vector per operation), and the step got slower.
 */
final class VectorSoftmax {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorSoftmax() {
    }

    /** The largest of {@code max} and {@code r[0 .. len)} (max is exact in any order, NaN and signed zeros included). */
    static float max(float[] r, int len, float max) {
        float result = max;
        int j = 0;
        if (len >= LANES) {
            // The broadcast comes from a vector (an instance method), so the JIT knows its exact type; from the
            // static FloatVector.broadcast it did not always, and fell back to slow code.
            FloatVector first = FloatVector.fromArray(SPECIES, r, 0);
            FloatVector m = first.broadcast(max).max(first);
            for (j = LANES; j + LANES <= len; j += LANES) {
                m = m.max(FloatVector.fromArray(SPECIES, r, j));
            }
            result = m.reduceLanes(VectorOperators.MAX);
        }
        for (; j < len; j++) {
            result = Math.max(result, r[j]);
        }
        return result;
    }
}
