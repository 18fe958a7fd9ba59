/**
 * Analytic river valleys whose river is known in closed form: straight valleys, curved valleys and
 * rotated views of straight valleys. Each is an immutable, validated value with an exact gradient,
 * Hessian and river/hill decomposition, which is what makes closed-form tests of the optimizers possible.
 */
package io.github.rivervalley.landscapes.analytic;
