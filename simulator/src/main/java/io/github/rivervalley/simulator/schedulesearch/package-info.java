/**
 * Schedule search: which learning-rate schedule minimises a final loss for a budget of steps, under
 * constraints (peak, warmup, floor, non-increasing after the warmup). The loss is a
 * {@link io.github.rivervalley.simulator.schedulesearch.ScheduleObjective}: the exact expected loss of a
 * valley run, or the prediction of a law fitted to real curves
 * ({@link io.github.rivervalley.simulator.schedulesearch.FittedObjective}: the river-valley law or the MPL,
 * each with an exact backward-pass gradient). The expected loss comes from the moment engine
 * ({@link io.github.rivervalley.simulator.theory}), its gradient with respect to every step's rate from the
 * adjoint pass ({@link io.github.rivervalley.simulator.theory.MomentAdjoint}).
 *
 * <p>{@link io.github.rivervalley.simulator.schedulesearch.KnotSchedule} is the free-form family: rates
 * linear between knots, written as a {@code piecewise} schedule spec that {@code rivervalley run} accepts;
 * {@link io.github.rivervalley.simulator.schedulesearch.FreeFormSearch} moves the knots by projected gradient
 * steps that never leave the constraints; {@link io.github.rivervalley.simulator.schedulesearch.FamilySearch}
 * tunes WSD and cosine with Hipparchus' BOBYQA; {@link io.github.rivervalley.simulator.schedulesearch.PhaseDiagram}
 * compares the best linear and inverse-proportional decays against budget / relaxation time. Everything is deterministic. (Not to be confused with
 * {@code simulator.optim}, the optimizers the simulator runs.)
 */
package io.github.rivervalley.simulator.schedulesearch;
