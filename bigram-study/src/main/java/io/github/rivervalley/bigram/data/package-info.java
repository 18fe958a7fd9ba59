/**
 * Bigram statistics: token frequencies {@code pi}, next-token distributions {@code q_i} stored as sparse
 * successor lists, their entropies, and a partition of the vocabulary into named groups. Data come from a
 * seeded synthetic generator (groups of chosen uncertainty) or from counting a UTF-8 text. Alias tables give
 * O(1) sampling of (token, successor) pairs for minibatches.
 */
package io.github.rivervalley.bigram.data;
