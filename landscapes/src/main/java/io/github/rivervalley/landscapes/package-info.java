/**
 * Loss landscapes and their river/hill decomposition.
 *
 * <p>A {@link io.github.rivervalley.landscapes.Landscape} is a smooth loss with gradient, Hessian and
 * Hessian-vector product written into caller-supplied arrays. A
 * {@link io.github.rivervalley.landscapes.RiverValley} also knows its river, the curve along the valley
 * floor, and so can split any point into river progress and hill excess. A
 * {@link io.github.rivervalley.landscapes.Decomposer} is the general form of that split that the
 * simulator records; data-derived landscapes implement it by token group instead of geometry.
 */
package io.github.rivervalley.landscapes;
