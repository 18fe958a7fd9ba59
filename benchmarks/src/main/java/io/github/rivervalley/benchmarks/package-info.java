/**
 * Benchmarks behind {@code rivervalley bench}: named workloads (the straight-valley SGD, long
 * trajectory, rotated valley, bigram models, memory), a plain {@code System.nanoTime} harness (warmup
 * iterations, then repeated measurements reported as median and min..max), scaling curves drawn as charts,
 * and the side-by-side comparison with the numpy and PyTorch scripts in {@code benchmarks/peers/}.
 *
 * <p>Each workload is a whole simulation through the public entry points (the same code a user runs), so a
 * benchmark measures what a researcher gets, including the engine's bookkeeping. The package is a module of
 * its own with its own jar, so the command-line jar ships without it.
 */
package io.github.rivervalley.benchmarks;
