/**
 * Where results live: the run-directory contract
 * ({@link io.github.rivervalley.simulator.results.RunDirectory}: the file names of a run, defined once
 * for the writers in this module and the readers in {@code bigram-study} and {@code reports}).
 */
package io.github.rivervalley.simulator.results;
