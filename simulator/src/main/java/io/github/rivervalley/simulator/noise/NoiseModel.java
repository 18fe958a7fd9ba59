package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;

/**
 * A model of gradient noise (none, isotropic, hill-only, river-only, curvature-proportional, or
 * minibatch sampling from data), as an immutable value that makes per-worker
 * {@link GradientOracle}s for a landscape.
 */
public interface NoiseModel {

    /** A fresh oracle for {@code landscape} (one per worker: oracles may hold scratch space). */
    GradientOracle newOracle(Landscape landscape);
}
