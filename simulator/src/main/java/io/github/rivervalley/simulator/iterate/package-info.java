/**
 * Stored iterates ({@code record.iterates}) and the interpolation probe: the loss, river loss and hill excess
 * along the straight segment between two stored points of a run.
 */
package io.github.rivervalley.simulator.iterate;
