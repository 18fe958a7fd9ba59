/**
 * Analytic river valleys whose river is known in closed form: straight valleys (river profile linear,
 * quadratic or softplus; hill curvatures from {@link io.github.rivervalley.landscapes.analytic.HillSpectrum}),
 * curved valleys (a sine-shaped floor with an orthogonal projection and arc-length river coordinate) and
 * straight valleys seen through a seeded random rotation. Each is an immutable, validated value with an
 * exact gradient, Hessian and river/hill decomposition, which is what makes closed-form tests of the
 * optimizers possible. The set is closed ({@link io.github.rivervalley.landscapes.analytic.AnalyticValley}
 * is sealed) and {@link io.github.rivervalley.landscapes.analytic.Landscapes#examples()} holds one
 * representative of every family and variant for tests.
 */
package io.github.rivervalley.landscapes.analytic;
