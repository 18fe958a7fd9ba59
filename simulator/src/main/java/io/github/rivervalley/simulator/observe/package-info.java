/**
 * Watching a run: {@link io.github.rivervalley.simulator.observe.StepObserver}s receive recorded rows
 * (writers, in-memory traces, summaries), {@link io.github.rivervalley.simulator.observe.StopCondition}s
 * stop replicas ({@link io.github.rivervalley.simulator.observe.Divergence}), and a
 * {@link io.github.rivervalley.simulator.observe.HillProbe} reads the hill displacement every step so that
 * oscillations can be counted exactly where that is cheap.
 */
package io.github.rivervalley.simulator.observe;
