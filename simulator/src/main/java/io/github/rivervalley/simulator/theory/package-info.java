/**
 * Exact expected dynamics: the mean and covariance of the iterate, propagated step by step through a
 * schedule, on the landscapes and noise models where they obey closed linear recursions (straight and
 * rotated valleys with a linear or quadratic river; GD, SGD, heavy-ball and Nesterov momentum; no,
 * isotropic, hill, river or curvature noise). No random numbers: the result is what infinitely many
 * replicas would average to.
 *
 * <p>On such a valley every eigen-direction of the Hessian is an independent <em>mode</em>: a scalar
 * position (and, with momentum, a velocity) driven by its own curvature, a constant force (the river's
 * slope) and its own noise. {@link io.github.rivervalley.simulator.theory.ModeSystem} splits a run into
 * modes; {@link io.github.rivervalley.simulator.theory.MomentStepper} advances each mode's mean and 2 x 2
 * covariance by one update; {@link io.github.rivervalley.simulator.theory.MomentEngine} walks the
 * schedule's lines (a branch starts from a copy of its parent's moments at the fork) and reports the
 * expected loss, river loss, hill excess and river coordinate at the requested steps. Anything else
 * (Adam, curved valleys, softplus rivers, bigram models) gets a clear "not exact" answer from
 * {@link io.github.rivervalley.simulator.theory.Exactness}, never an approximation. The recursions and the
 * stationary closed forms are derived in {@code docs/theory.md}.
 */
package io.github.rivervalley.simulator.theory;
