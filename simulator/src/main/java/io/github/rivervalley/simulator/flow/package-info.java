/**
 * The continuous-time reference: the gradient flow that GD approximates at small learning rates,
 * integrated with a Hipparchus ODE integrator and sampled at the flow times {@code t = sum eta} of a
 * simulated line, so a trace shows how far the discrete optimizer sits from the flow.
 */
package io.github.rivervalley.simulator.flow;
