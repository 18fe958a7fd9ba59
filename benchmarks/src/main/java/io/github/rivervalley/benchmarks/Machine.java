package io.github.rivervalley.benchmarks;

import io.github.rivervalley.bigram.model.VectorApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a benchmark ran on: cores, CPU model (Linux), JVM, whether the Vector API is on, and the load average at the start. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = cpuModel().orElse(System.getProperty("os.arch"));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", Java " + System.getProperty("java.vm.version")
                + " (" + System.getProperty("java.vm.name") + "), Vector API " + (VectorApi.enabled() ? "on" : "off")
                + ", load average " + String.format(java.util.Locale.ROOT, "%.2f", load);
    }

    /** Milliseconds the JIT compilers have spent so far (0 if the JVM does not say). */
    static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** CPU time of the whole process (every thread) in nanoseconds; 0 where the JVM does not report it. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) {
                return nanos;
            }
        }
        return 0;
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
