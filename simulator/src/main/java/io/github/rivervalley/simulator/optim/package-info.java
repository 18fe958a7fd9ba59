/**
 * Optimizers as integrators of the gradient flow: GD (SGD with a noisy oracle), heavy-ball and Nesterov
 * momentum, Adam and AdamW. An {@link io.github.rivervalley.simulator.optim.Optimizer} holds only
 * immutable hyperparameters; each replica owns an {@link io.github.rivervalley.simulator.optim.Optimizer.State}
 * that updates the iterate in place and can be copied when a branch forks. The learning rate comes from
 * the schedule at every step.
 */
package io.github.rivervalley.simulator.optim;
