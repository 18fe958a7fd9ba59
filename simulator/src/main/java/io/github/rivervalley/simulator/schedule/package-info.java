/**
 * Learning-rate schedules as pure functions of the step, and the training lines they imply.
 *
 * <p>A {@link io.github.rivervalley.simulator.schedule.Schedule} lists its
 * {@link io.github.rivervalley.simulator.schedule.Line}s (a main line and, for WSD, decay branches
 * forked from it) and its {@link io.github.rivervalley.simulator.schedule.Checkpoint}s with the compute
 * each costs, so that schedules can be compared at equal compute. Every family in
 * {@link io.github.rivervalley.simulator.schedule.Schedules} is built from phases
 * ({@link io.github.rivervalley.simulator.schedule.Segment}: a phase kind, a shape and the ratios it
 * moves between) with {@link io.github.rivervalley.simulator.schedule.LineBuilder}, the same way a
 * piecewise spec is, so both give the same bits. Step {@code t} of a phase of {@code n} steps has
 * progress {@code u = (t - start + 1)/n}: each phase reaches its target exactly on its last step.
 */
package io.github.rivervalley.simulator.schedule;
