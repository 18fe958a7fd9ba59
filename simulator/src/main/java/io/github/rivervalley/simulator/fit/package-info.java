/**
 * Fitting loss-curve laws to real (or simulated) training curves, predicting other schedules, and
 * splitting a curve into river and hill parts.
 *
 * <p>A {@link io.github.rivervalley.simulator.fit.Curve} is a loss curve (rows at some steps) together
 * with the learning rate of every update before its last row. A
 * {@link io.github.rivervalley.simulator.fit.Law} maps parameters and those rates to the predicted loss
 * at the rows, with exact forward-mode derivatives: {@code river-valley} (ours: a power law in the
 * learning-rate area plus quadratic hill modes relaxing under noisy SGD, propagated step by step),
 * {@code mpl} (the Multi-Power Law of Luo et al. 2025, as published) and {@code mtl} (the momentum law
 * of Tissue et al. 2024). {@link io.github.rivervalley.simulator.fit.Fitter} fits a law to several
 * curves at once with Levenberg-Marquardt on Huber-weighted log-loss residuals from seeded starts;
 * {@link io.github.rivervalley.simulator.fit.Protocol} fits on some curves and scores the prediction
 * of the others. Step convention: a row at step {@code s} is the loss after {@code s} updates, so it
 * depends on the rates of updates {@code 0 .. s-1} (the simulator's trace convention).
 */
package io.github.rivervalley.simulator.fit;
