/**
 * Gradient noise models: how the gradient an optimizer sees differs from the exact one. A
 * {@link io.github.rivervalley.simulator.noise.NoiseModel} is an immutable description; each replica
 * worker asks it for its own {@link io.github.rivervalley.simulator.noise.GradientOracle}.
 */
package io.github.rivervalley.simulator.noise;
