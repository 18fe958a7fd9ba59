/**
 * Schedule search on the exact expected loss: which learning-rate schedule minimises the expected final
 * loss of a valley run for a budget of steps, under constraints (peak, warmup, floor, non-increasing after
 * the warmup). The expected loss comes from the moment engine
 * ({@link io.github.rivervalley.simulator.theory}), its gradient with respect to every step's rate from the
 * adjoint pass ({@link io.github.rivervalley.simulator.theory.MomentAdjoint}).
 *
 * <p>{@link io.github.rivervalley.simulator.schedulesearch.KnotSchedule} is the free-form family: rates
 * linear between knots, written as a {@code piecewise} schedule spec that {@code rivervalley run} accepts;
 * {@link io.github.rivervalley.simulator.schedulesearch.FreeFormSearch} moves the knots by projected gradient
 * steps that never leave the constraints; {@link io.github.rivervalley.simulator.schedulesearch.FamilySearch}
 * tunes WSD and cosine with Hipparchus' BOBYQA. Everything is deterministic. (Not to be confused with
 * {@code simulator.optim}, the optimizers the simulator runs.)
 */
package io.github.rivervalley.simulator.schedulesearch;
