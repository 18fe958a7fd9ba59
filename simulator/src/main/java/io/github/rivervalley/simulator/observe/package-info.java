/**
 * Watching a run step by step: {@link io.github.rivervalley.simulator.observe.StopCondition}s stop replicas
 * ({@link io.github.rivervalley.simulator.observe.Divergence}), a
 * {@link io.github.rivervalley.simulator.observe.HillProbe} reads the hill displacement every step so that
 * oscillations can be counted exactly where that is cheap, and an
 * {@link io.github.rivervalley.simulator.observe.IterateObserver} receives the iterates themselves. The
 * recorded rows go to {@link io.github.rivervalley.simulator.results.StepObserver}s (the results package).
 */
package io.github.rivervalley.simulator.observe;
