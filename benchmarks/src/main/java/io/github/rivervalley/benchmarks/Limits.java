package io.github.rivervalley.benchmarks;

import io.github.rivervalley.simulator.random.Xoshiro256PlusPlus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microbenchmarks of the machine's limits for the workloads, on one core in the same JVM: Gaussian draws/s
 * (the straight valleys need one or two per replica-step), multiply-adds/s in float32 and float64 (the
 * factored bigram's products), and memory bandwidth (the tabular bigram's row updates).
 */
final class Limits {

    /** Chained multiply-adds per element, written out (as a loop over d, the element loop stays scalar). */
    private static final int DEPTH = 16;
    /** Elements per array: 4 KB of floats, 8 KB of doubles, resident in L1. */
    private static final int N = 1024;

    private Limits() {
    }

    /** {@code nextGaussians} of the engine's generator, in blocks of 4096 (as the step loops draw them). */
    static Harness.Task gaussians(boolean quick) {
        Xoshiro256PlusPlus random = Xoshiro256PlusPlus.forReplica(1, 0);
        double[] block = new double[4096];
        int blocks = quick ? 2_000 : 20_000;
        double[] sink = new double[1];
        return new Harness.Task("gaussians", (double) blocks * block.length, () -> {
            for (int i = 0; i < blocks; i++) {
                random.nextGaussians(block, 0, block.length);
                sink[0] += block[i & 4095];
            }
        });
    }

    /**
     * Multiply-adds/s in float32: {@code y = y * a + x}, {@value #DEPTH} times per element of an L1-resident
     * array (one load and one store per {@value #DEPTH} multiply-adds; the element loop vectorises and its
     * unrolled iterations are independent chains), with {@code Math.fma} so each is one instruction: the
     * peak a Java loop reaches (measured 4.5e10/s in float32 on one core here, about 15 per cycle).
     */
    static Harness.Task fmaFloat(boolean quick) {
        float[] x = new float[N];
        float[] y = new float[N];
        Arrays.fill(x, 0.5f);
        float a = 0.999f;
        int passes = quick ? 20_000 : 200_000;
        return new Harness.Task("multiply-adds", (double) passes * N * DEPTH, () -> {
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < N; i++) {
                    float s = y[i];
                    float u = x[i];
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    y[i] = s;
                }
            }
        });
    }

    /** The same in float64. */
    static Harness.Task fmaDouble(boolean quick) {
        double[] x = new double[N];
        double[] y = new double[N];
        Arrays.fill(x, 0.5);
        double a = 0.999;
        int passes = quick ? 20_000 : 200_000;
        return new Harness.Task("multiply-adds", (double) passes * N * DEPTH, () -> {
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < N; i++) {
                    double s = y[i];
                    double u = x[i];
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    s = Math.fma(Math.fma(Math.fma(Math.fma(s, a, u), a, u), a, u), a, u);
                    y[i] = s;
                }
            }
        });
    }

    /** Bytes/s read and written by {@code y[i] += a * x[i]} over two 64 MiB float64 arrays (far beyond the caches). */
    static Harness.Task bandwidth(boolean quick) {
        int n = (quick ? 1 : 8) << 20;
        double[] x = new double[n];
        double[] y = new double[n];
        Arrays.fill(x, 1.0);
        int passes = 10;
        return new Harness.Task("bytes", (double) passes * n * 24, () -> {
            for (int p = 0; p < passes; p++) {
                for (int i = 0; i < n; i++) {
                    y[i] += 1e-9 * x[i];
                }
            }
        });
    }

    /** Runs the limits' microbenchmarks that {@code bench} selects. */
    static void register(java.util.function.BiConsumer<String, java.util.function.Supplier<Harness.Task>> bench, boolean quick) {
        bench.accept("limit-gaussians", () -> gaussians(quick));
        bench.accept("limit-fma-f32", () -> fmaFloat(quick));
        bench.accept("limit-fma-f64", () -> fmaDouble(quick));
        bench.accept("limit-bandwidth", () -> bandwidth(quick));
    }

    /**
     * Each benchmark's rate as a fraction of its limit (per thread, against one core's limit): straight
     * valleys by Gaussians drawn (two per replica-step with isotropic noise at d = 2, one with hill noise),
     * factored bigrams by the multiply-adds of their three products (3 V k per pair, k = 64), tabular bigrams
     * by the bytes of the float64 row each pair reads and writes (16 V, an upper bound: repeated rows in a
     * batch are touched once).
     */
    static List<String> ratios(List<Measurement> results) {
        Map<String, Double> limit = new HashMap<>();
        for (Measurement m : results) {
            if (m.name().startsWith("limit-")) {
                limit.put(m.name(), m.rate());
            }
        }
        List<String> lines = new ArrayList<>();
        for (Measurement m : results) {
            String name = m.name();
            int slash = name.lastIndexOf('/');
            int threads = BenchRunner.threadsOf(name);
            String base = slash < 0 ? name : name.substring(0, slash);
            double perThread = m.rate() / threads;
            String what;
            double need;
            String key;
            if (base.startsWith("straight-sgd-hill")) {
                key = "limit-gaussians";
                need = perThread;
                what = "Gaussians";
            } else if (base.startsWith("straight-sgd")) {
                key = "limit-gaussians";
                need = 2 * perThread;
                what = "Gaussians";
            } else if (base.startsWith("bigram-factored")) {
                int v = Integer.parseInt(base.replaceAll(".*-V(\\d+).*", "$1"));
                key = base.endsWith("-f32") ? "limit-fma-f32" : "limit-fma-f64";
                need = perThread * 3.0 * v * 64;
                what = "multiply-adds";
            } else if (base.startsWith("bigram-tabular")) {
                int v = Integer.parseInt(base.replaceAll(".*-V(\\d+).*", "$1"));
                key = "limit-bandwidth";
                need = perThread * 16.0 * v;
                what = "row bytes";
            } else {
                continue;
            }
            Double cap = limit.get(key);
            if (cap != null) {
                lines.add(String.format(Locale.ROOT, "%-30s %10.3e %s/s per thread = %5.1f%% of %s (%.3e)",
                        name, need, what, 100 * need / cap, key, cap));
            }
        }
        return lines;
    }
}
