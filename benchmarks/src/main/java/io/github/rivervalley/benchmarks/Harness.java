package io.github.rivervalley.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * A plain {@link System#nanoTime} harness: a few untimed warmup iterations (so the JIT has compiled the hot
 * loops), then repeated timed iterations. JMH would add forking and blackholes; these workloads are whole
 * simulations of a second or more whose results feed a summary, so dead-code elimination and timer
 * resolution are not a concern, and a plain harness keeps {@code rivervalley bench} runnable from the one
 * jar without an annotation processor.
 *
 * @param warmups untimed iterations first
 * @param repeats timed iterations
 * @param cpuTime time by the calling thread's CPU time instead of the wall clock: robust to other processes
 *     on a loaded machine, and right only for work done on the calling thread (one-thread benchmarks)
 */
public record Harness(int warmups, int repeats, boolean cpuTime) {

    public Harness(int warmups, int repeats) {
        this(warmups, repeats, false);
    }

    public Harness {
        if (warmups < 0 || repeats < 1) {
            throw new IllegalArgumentException("warmups >= 0 and repeats >= 1, got " + warmups + ", " + repeats);
        }
    }

    /**
     * One timed unit: {@code work} units of {@code unit} done by each call of {@code iteration}, of whose
     * wall time {@code fixedSeconds} (measured separately) are a fixed cost outside the work and subtracted.
     */
    public record Task(String unit, double work, Runnable iteration, double fixedSeconds) {

        public Task(String unit, double work, Runnable iteration) {
            this(unit, work, iteration, 0.0);
        }
    }

    /** Runs the warmups, then times the repeats. */
    public Measurement measure(String name, Task task) {
        for (int i = 0; i < warmups; i++) {
            task.iteration().run();
        }
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = now();
            task.iteration().run();
            seconds[i] = Math.max(1e-9, (now() - start) * 1e-9 - task.fixedSeconds());
        }
        return new Measurement(name, task.unit(), task.work(), seconds);
    }

    private long now() {
        return cpuTime ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
    }
}
