package io.github.rivervalley.simulator.results.read;

import java.util.Arrays;

/**
 * One downsampled column of a trace: per bucket the mean, minimum and maximum of the values that fell
 * into it ({@code NaN} where the bucket held no value, as for sharpness on rows where it was not
 * computed). When a trace was not downsampled each bucket is one row and the three agree. Immutable.
 */
public final class Column {

    private final String name;
    private final double[] mean;
    private final double[] min;
    private final double[] max;

    Column(String name, double[] mean, double[] min, double[] max) {
        if (mean.length != min.length || mean.length != max.length) {
            throw new IllegalArgumentException("column " + name + ": mean, min and max differ in length");
        }
        this.name = name;
        this.mean = mean;
        this.min = min;
        this.max = max;
    }

    /** A column whose buckets are single values (no spread). */
    public static Column of(String name, double... values) {
        double[] copy = values.clone();
        return new Column(name, copy, copy, copy);
    }

    public String name() {
        return name;
    }

    /** Number of buckets. */
    public int size() {
        return mean.length;
    }

    /** Mean of bucket {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** Minimum of bucket {@code i}. */
    public double min(int i) {
        return min[i];
    }

    /** Maximum of bucket {@code i}. */
    public double max(int i) {
        return max[i];
    }

    /** Whether any bucket holds a value. */
    public boolean hasValues() {
        for (double v : mean) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the bucket means. */
    public double[] means() {
        return mean.clone();
    }

    /** Smallest finite minimum, or NaN. */
    public double lowest() {
        return Arrays.stream(min).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    /** Largest finite maximum, or NaN. */
    public double highest() {
        return Arrays.stream(max).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return "Column[" + name + ", " + size() + " buckets, range " + lowest() + ".." + highest() + "]";
    }
}
