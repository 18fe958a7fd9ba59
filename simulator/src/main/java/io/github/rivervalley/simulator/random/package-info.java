/**
 * Random streams that make runs reproducible at any thread count: each replica owns a
 * {@link io.github.rivervalley.simulator.random.Xoshiro256PlusPlus} seeded from (run seed, replica index)
 * through {@link io.github.rivervalley.simulator.random.SplitMix64}; a fork copies the stream position,
 * so a branch continues exactly the random sequence its parent would have drawn.
 */
package io.github.rivervalley.simulator.random;
