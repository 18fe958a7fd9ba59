package io.github.rivervalley.simulator.spec;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Locale;

/**
 * Refuses, before anything is allocated, a size whose memory cannot fit in the Java heap
 * ({@link Runtime#maxMemory()}, set with {@code -Xmx}). Estimates are lower bounds (the largest arrays
 * only), so a refused run would surely have failed, and a run that fits is never refused.
 */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    /** The heap limit in bytes. */
    public static long limit() {
        return Runtime.getRuntime().maxMemory();
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} when that overflows (or either is negative). */
    public static long times(long a, long b) {
        if (a < 0 || b < 0) {
            return Long.MAX_VALUE;
        }
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when that overflows. */
    public static long plus(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * Throws when {@code bytes} exceed the heap limit.
     *
     * @param field the field whose value sets the size
     * @param what what the memory holds, e.g. "the replicas' state (16 bytes per coordinate and replica)"
     */
    public static void require(String field, Object value, long bytes, String what) {
        long limit = limit();
        if (bytes > limit) {
            throw new InvalidValueException(field, value, "a smaller value: " + what + " needs at least " + size(bytes)
                    + ", more than the Java heap limit of " + size(limit) + " (raise it with JAVA_OPTS=-Xmx...)");
        }
    }

    /** {@code bytes} in the largest binary unit that keeps it >= 1, e.g. {@code 17.2 GiB}. */
    static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
