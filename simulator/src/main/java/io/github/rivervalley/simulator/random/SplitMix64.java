package io.github.rivervalley.simulator.random;

/**
 * SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose output function is a strong 64-bit
 * mixer. Used here only to turn (run seed, replica index) into well-spread xoshiro states, never as
 * the simulation's own stream.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 bits of the sequence. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** The SplitMix64 output function: a bijective avalanche mix of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
