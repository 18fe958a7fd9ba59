package io.github.rivervalley.benchmarks;

import java.util.Arrays;

/**
 * The timings of one benchmark: {@code work} units (replica-steps, pairs, ...) per iteration and the wall
 * time of each measured iteration. Rates are reported as the median with the min..max range as spread.
 *
 * @param name benchmark name
 * @param unit what a unit of work is, e.g. {@code replica-steps}
 * @param work units of work per iteration
 * @param seconds wall time of each measured iteration
 */
public record Measurement(String name, String unit, double work, double[] seconds) {

    public Measurement {
        seconds = seconds.clone();
        if (seconds.length == 0) {
            throw new IllegalArgumentException("a measurement needs at least one timed iteration");
        }
    }

    @Override
    public double[] seconds() {
        return seconds.clone();
    }

    /** Median wall time of one iteration. */
    public double medianSeconds() {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** Work per second at the median time. */
    public double rate() {
        return work / medianSeconds();
    }

    /** Slowest rate seen. */
    public double minRate() {
        return work / Arrays.stream(seconds).max().orElseThrow();
    }

    /** Fastest rate seen. */
    public double maxRate() {
        return work / Arrays.stream(seconds).min().orElseThrow();
    }

    @Override
    public String toString() {
        return String.format("%-28s %11.3e %-14s (min %.3e, max %.3e, %d runs)", name, rate(), unit + "/s", minRate(), maxRate(),
                seconds.length);
    }
}
