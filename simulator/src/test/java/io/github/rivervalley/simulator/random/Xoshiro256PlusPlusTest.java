package io.github.rivervalley.simulator.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class Xoshiro256PlusPlusTest {

    /**
     * The JDK ships its own xoshiro256++ (jdk.random); seeded with 32 bytes it packs them big-endian into
     * the four state words (sign-extending each byte, so the bytes here stay below 128), so the same words
     * must give the same stream from our implementation.
     */
    @Test
    void matchesTheJdkImplementation() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (3 * i + 1 + (i % 5) * 7);
        }
        long[] words = new long[4];
        for (int i = 0; i < 32; i++) {
            words[i / 8] = (words[i / 8] << 8) | (seed[i] & 0xff);
        }
        RandomGenerator jdk = RandomGeneratorFactory.of("Xoshiro256PlusPlus").create(seed);
        Xoshiro256PlusPlus ours = new Xoshiro256PlusPlus(words[0], words[1], words[2], words[3]);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(jdk.nextLong(), ours.nextLong(), "draw " + i);
        }
    }

    /**
     * The inlined Gaussian must be the JDK's sampler bit for bit: compared with RandomGenerator's own
     * nextGaussian over the same long stream (a wrapper that only forwards nextLong), on enough draws that
     * every layer of the fast path and the JDK's slow path (tail and overhangs, about 1.2% of draws) occur.
     */
    @Test
    void nextGaussianIsTheJdkSamplerBitForBit() {
        assertTrue(JdkGaussianLayers.LAYERS >= 200, "the fast path is calibrated on this JDK: " + JdkGaussianLayers.LAYERS);
        int slow = 0;
        int tail = 0;
        for (long seed = 0; seed < 4; seed++) {
            Xoshiro256PlusPlus ours = Xoshiro256PlusPlus.forReplica(seed, 7);
            Xoshiro256PlusPlus longs = ours.copy();
            Xoshiro256PlusPlus peek = ours.copy();
            RandomGenerator jdk = longs::nextLong; // only nextLong: nextGaussian is the JDK default
            for (int i = 0; i < 500_000; i++) {
                double expected = jdk.nextGaussian();
                if (((int) peek.nextLong() & 0xFF) >= JdkGaussianLayers.LAYERS) {
                    slow++;
                }
                peek.copyFrom(longs);
                if (Math.abs(expected) > 3.6) {
                    tail++;
                }
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(ours.nextGaussian()),
                        "seed " + seed + ", draw " + i);
            }
            assertEquals(longs.nextLong(), ours.nextLong(), "both consumed the same longs");
        }
        assertTrue(slow > 10_000, "slow path exercised: " + slow);
        assertTrue(tail > 100, "tail exercised: " + tail);
    }

    /** Bulk draws are single draws in order, slow paths included, and leave the stream at the same place. */
    @Test
    void bulkGaussiansAreSingleDrawsInOrder() {
        Xoshiro256PlusPlus bulk = Xoshiro256PlusPlus.forReplica(9, 2);
        Xoshiro256PlusPlus single = bulk.copy();
        double[] out = new double[1 + 3000];
        for (int round = 0; round < 200; round++) {
            int n = round % 7 == 0 ? 0 : 1 + (round * 37) % 3000;
            bulk.nextGaussians(out, 1, n);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(single.nextGaussian()), Double.doubleToRawLongBits(out[1 + i]),
                        "round " + round + ", draw " + i);
            }
            assertEquals(single.copy().nextLong(), bulk.copy().nextLong(), "same position after round " + round);
        }
    }

    @Test
    void copyContinuesTheSameStream() {
        Xoshiro256PlusPlus a = Xoshiro256PlusPlus.forReplica(42, 3);
        for (int i = 0; i < 100; i++) {
            a.nextGaussian();
        }
        Xoshiro256PlusPlus b = a.copy();
        for (int i = 0; i < 1000; i++) {
            assertEquals(Double.doubleToRawLongBits(a.nextGaussian()), Double.doubleToRawLongBits(b.nextGaussian()));
        }
        Xoshiro256PlusPlus c = Xoshiro256PlusPlus.forReplica(0, 0);
        c.copyFrom(a);
        assertEquals(a.nextLong(), c.nextLong());
    }

    @Test
    void neighbouringReplicasAndSeedsGetDifferentStreams() {
        assertNotEquals(Xoshiro256PlusPlus.forReplica(1, 0).nextLong(), Xoshiro256PlusPlus.forReplica(1, 1).nextLong());
        assertNotEquals(Xoshiro256PlusPlus.forReplica(1, 0).nextLong(), Xoshiro256PlusPlus.forReplica(2, 0).nextLong());
        // (seed, replica) is not a sum: (1, 2) and (2, 1) differ too.
        assertNotEquals(Xoshiro256PlusPlus.forReplica(1, 2).nextLong(), Xoshiro256PlusPlus.forReplica(2, 1).nextLong());
    }
}
