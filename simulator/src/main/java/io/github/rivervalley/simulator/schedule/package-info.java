/**
 * Learning-rate schedules as pure functions of the step, and the training lines they imply.
 *
 * <p>A {@link io.github.rivervalley.simulator.schedule.Schedule} lists its
 * {@link io.github.rivervalley.simulator.schedule.Line}s (a main line and, for WSD, decay branches
 * forked from it) and its {@link io.github.rivervalley.simulator.schedule.Checkpoint}s with the compute
 * each costs, so that schedules can be compared at equal compute.
 */
package io.github.rivervalley.simulator.schedule;
