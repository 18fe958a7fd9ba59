/**
 * Hessian spectra of landscapes: sharpness (the top eigenvalue, which decides stability against
 * {@code 2/eta}), the top few eigenvalues and the trace. Small problems use a dense symmetric
 * eigen-decomposition; large ones use Lanczos on Hessian-vector products, so a d = 2000 rotated valley
 * never forms its Hessian.
 */
package io.github.rivervalley.landscapes.spectral;
