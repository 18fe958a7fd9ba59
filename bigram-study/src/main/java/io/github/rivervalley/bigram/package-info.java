/**
 * Bigram language models as loss landscapes. Next-token relations with a single successor behave like a
 * river (their loss keeps falling as margins grow, without noise); uncertain relations behave like hills
 * (a finite optimum with curvature and sampling noise). {@code data} builds the token statistics,
 * {@code model} turns them into landscapes with an exact per-group decomposition and minibatch gradients.
 */
package io.github.rivervalley.bigram;
