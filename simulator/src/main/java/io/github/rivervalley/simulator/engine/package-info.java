/**
 * Running simulations. {@link io.github.rivervalley.simulator.engine.Simulation} is the entry point
 * (spec to files, spec or {@link io.github.rivervalley.simulator.engine.Run} to an in-memory trace);
 * a run executes its schedule's lines in order, forking each branch from the exact state of its parent's
 * replicas at the fork step.
 *
 * <p>Replicas are processed in fixed blocks that threads share, and time is streamed in windows whose
 * per-block statistics are merged in block order, so the output is the same bits for any thread count
 * and memory does not grow with the run length.
 */
package io.github.rivervalley.simulator.engine;
