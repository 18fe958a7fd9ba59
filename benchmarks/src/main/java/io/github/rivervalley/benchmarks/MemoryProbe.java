package io.github.rivervalley.benchmarks;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.results.RunDirectory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-process entry point of the memory benchmark: runs a long straight-valley simulation recorded at
 * every step to {@code trace.csv} (streamed, as {@code rivervalley run} does) in a JVM started with a small
 * {@code -Xmx}, then prints the peak heap use. The peak is the sum of each heap pool's own peak, an upper
 * bound of the true peak (the pools peak at different moments).
 *
 * <p>Usage: {@code java -Xmx512m -cp rivervalley.jar io.github.rivervalley.benchmarks.MemoryProbe STEPS DIR}
 */
public final class MemoryProbe {

    /** Prefix of the result line the parent parses. */
    static final String RESULT = "memory-probe:";

    private MemoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        long steps = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        SpecReader reader = SpecReader.instance();
        String yaml = Workloads.straightSpec(2, 1, steps, 1);
        RunSpec spec = reader.bind(reader.readTree(yaml, "memory benchmark spec"), RunSpec.class);
        long start = System.nanoTime();
        Simulation.run(spec, dir, 1);
        double seconds = (System.nanoTime() - start) * 1e-9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long bytes = Files.size(dir.resolve("bench-straight").resolve(RunDirectory.TRACE));
        System.out.println(RESULT + " peak_heap_bytes=" + peak + " max_heap_bytes=" + Runtime.getRuntime().maxMemory()
                + " seconds=" + seconds + " trace_bytes=" + bytes);
    }
}
