package io.github.rivervalley.simulator.random;

import java.util.random.RandomGenerator;

/**
 * xoshiro256++ (Blackman and Vigna 2019): a fast 256-bit-state generator with a {@link #copy()} that
 * duplicates the exact stream position, which is what a branch forked from a line needs.
 *
 * <p>Only {@link #nextLong()} is implemented; {@link RandomGenerator} derives the rest from it, in
 * particular Java 17's {@code nextGaussian()} (a ziggurat sampler), so a replica's Gaussian draws are a
 * pure function of its seed. Not thread-safe: each replica owns one.
 */
public final class Xoshiro256PlusPlus implements RandomGenerator {

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** A generator with the given state words (not all zero). */
    public Xoshiro256PlusPlus(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256++ state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /** A generator whose state is filled from a SplitMix64 sequence started at {@code seed}. */
    public static Xoshiro256PlusPlus seeded(long seed) {
        SplitMix64 mixer = new SplitMix64(seed);
        long a = mixer.nextLong();
        long b = mixer.nextLong();
        long c = mixer.nextLong();
        long d = mixer.nextLong();
        if ((a | b | c | d) == 0) {
            a = 1; // SplitMix64 is a bijection, so four zero words in a row never happen; guard anyway
        }
        return new Xoshiro256PlusPlus(a, b, c, d);
    }

    /**
     * The stream of replica {@code replica} of a run with seed {@code runSeed}: the two numbers are mixed
     * (not added) so that neighbouring seeds and neighbouring replicas get unrelated streams.
     */
    public static Xoshiro256PlusPlus forReplica(long runSeed, long replica) {
        return seeded(SplitMix64.mix(SplitMix64.mix(runSeed) ^ SplitMix64.mix(replica + 0x632BE59BD9B4E019L)));
    }

    @Override
    public long nextLong() {
        long a = s0;
        long result = Long.rotateLeft(a + s3, 23) + a;
        long t = s1 << 17;
        s2 ^= a;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** An independent generator at exactly this stream position. */
    public Xoshiro256PlusPlus copy() {
        return new Xoshiro256PlusPlus(s0, s1, s2, s3);
    }

    /** Moves this generator to {@code other}'s stream position. */
    public void copyFrom(Xoshiro256PlusPlus other) {
        s0 = other.s0;
        s1 = other.s1;
        s2 = other.s2;
        s3 = other.s3;
    }

    @Override
    public String toString() {
        return "Xoshiro256PlusPlus[" + Long.toHexString(s0) + "...]";
    }
}
