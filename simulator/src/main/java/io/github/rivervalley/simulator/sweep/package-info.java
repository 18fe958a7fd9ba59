/**
 * Sweeps: one base run spec, axes that override its dotted fields ({@code grid}: cartesian product;
 * {@code zip}: lists varied together; {@code seeds}), expanded deterministically into named runs that
 * are validated before any of them starts. {@link io.github.rivervalley.simulator.sweep.SweepRunner}
 * executes them on a thread pool (one thread per run, so results never depend on the thread count),
 * resumes after a crash by skipping complete runs (their files checked) and redoing the others, leaves runs
 * that failed for the machine's reasons (I/O, memory) missing so a resume redoes them, and can run only one
 * shard of the list so many processes share a directory; {@link io.github.rivervalley.simulator.sweep.SweepLock}
 * keeps two processes off the same runs.
 * {@link io.github.rivervalley.simulator.sweep.SweepMerger} then builds {@code sweep.csv} and
 * {@code sweep.json} from whatever runs are complete.
 */
package io.github.rivervalley.simulator.sweep;
