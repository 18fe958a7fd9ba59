package io.github.rivervalley.simulator.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
