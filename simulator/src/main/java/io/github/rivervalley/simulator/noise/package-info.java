/**
 * Gradient noise models: how the gradient an optimizer sees differs from the exact one. A
 * {@link io.github.rivervalley.simulator.noise.NoiseModel} is an immutable description (none, isotropic,
 * hill-only, river-only, curvature-proportional; data-driven minibatch noise comes from higher modules);
 * each worker asks it for its own {@link io.github.rivervalley.simulator.noise.GradientOracle}, which
 * draws from the replica's own random stream.
 */
package io.github.rivervalley.simulator.noise;
