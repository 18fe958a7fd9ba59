/**
 * Bigram models as landscapes: {@link io.github.rivervalley.bigram.model.TabularModel} (one logit row per
 * token, convex) and {@link io.github.rivervalley.bigram.model.FactoredModel} ({@code logits = E[x] U^T + b},
 * non-convex). Their value is the exact population loss {@code sum_i pi_i CE(q_i, softmax(z_i))}, split by
 * token group into the part any model must pay (entropy) and the excess (KL), with the river/hill reading of
 * docs/science.md section 6. Minibatch oracles sample (token, successor) pairs for SGD; the tabular one touches
 * only the rows in the batch. With {@code precision: float32} the factored oracle is
 * {@link io.github.rivervalley.bigram.model.FactoredMinibatch32}: plain Java kernels, or Java's Vector API ones
 * when the JVM has it ({@link io.github.rivervalley.bigram.model.VectorApi}), which give the same bits.
 */
package io.github.rivervalley.bigram.model;
