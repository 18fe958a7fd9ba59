/**
 * The bigram study: one dataset and model trained with WSD, WSD-S, cosine and a constant learning rate at
 * equal compute, and the question the river-valley picture answers: which token groups does a decay's loss
 * drop come from? {@link io.github.rivervalley.bigram.study.DecayShares} splits every decay's drop by group.
 */
package io.github.rivervalley.bigram.study;
