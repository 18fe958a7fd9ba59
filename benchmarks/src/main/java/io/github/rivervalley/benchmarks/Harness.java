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
 * @param cpuThreads 0: time by the wall clock; 1: by the calling thread's CPU time (robust to other processes
 *     on a loaded machine, and right only for work done on the calling thread); n > 1: by the whole process's
 *     CPU time divided by n, for work spread over n threads (what it would take on n free cores if the threads
 *     neither wait nor slow each other down; the JIT's and the collector's CPU time count against it), each
 *     repeat a batch of iterations long enough for the 10 ms ticks of that clock
 */
public record Harness(int warmups, int repeats, int cpuThreads) {

    public Harness(int warmups, int repeats) {
        this(warmups, repeats, 0);
    }

    public Harness {
        if (warmups < 0 || repeats < 1 || cpuThreads < 0) {
            throw new IllegalArgumentException("warmups >= 0, repeats >= 1 and cpuThreads >= 0, got " + warmups + ", " + repeats
                    + ", " + cpuThreads);
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

    /**
     * The least process CPU time an N-thread repeat spans: the JVM reads the process's CPU time in 10 ms
     * ticks on Linux, a 5% step for a 0.2 s iteration, so such a repeat runs the iteration several times.
     */
    static final double MIN_PROCESS_CPU_SECONDS = 1.0;
    /** At most this many iterations per repeat. */
    static final int MAX_BATCH = 50;
    private static final double TICK_SECONDS = 0.01;

    /**
     * Runs the warmups, then times the repeats; by the process's CPU time ({@code cpuThreads > 1}), a repeat
     * is a batch of iterations (one more untimed iteration sizes it) and its time the batch's mean.
     */
    public Measurement measure(String name, Task task) {
        for (int i = 0; i < warmups; i++) {
            task.iteration().run();
        }
        int batch = cpuThreads > 1 ? batch(task) : 1;
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = now();
            for (int b = 0; b < batch; b++) {
                task.iteration().run();
            }
            double elapsed = (now() - start) * 1e-9 / batch / Math.max(1, cpuThreads);
            seconds[i] = Math.max(1e-9, elapsed - task.fixedSeconds());
        }
        return new Measurement(name, task.unit(), task.work(), seconds);
    }

    /** Iterations per repeat so that it spans {@link #MIN_PROCESS_CPU_SECONDS} of process CPU time. */
    private int batch(Task task) {
        long start = now();
        task.iteration().run();
        double seconds = Math.max(TICK_SECONDS, (now() - start) * 1e-9);
        return (int) Math.min(MAX_BATCH, Math.ceil(MIN_PROCESS_CPU_SECONDS / seconds));
    }

    private long now() {
        if (cpuThreads == 1) {
            return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
        return cpuThreads > 1 ? Machine.processCpuNanos() : System.nanoTime();
    }
}
