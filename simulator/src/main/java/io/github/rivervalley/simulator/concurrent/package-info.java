/**
 * The one thread-pool utility of the project: {@link io.github.rivervalley.simulator.concurrent.Pool}
 * runs independent tasks on a fixed number of daemon threads and hands back their results in task order,
 * rethrowing the first task's failure unchanged.
 */
package io.github.rivervalley.simulator.concurrent;
