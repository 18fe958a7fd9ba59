package io.github.rivervalley.simulator.random;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The fast path of the JDK's ziggurat {@code nextGaussian()}, learnt from the JDK itself so that
 * {@link Xoshiro256PlusPlus#nextGaussian()} can take it inline and return the very same bits.
 *
 * <p>Java 17's {@code RandomGenerator.nextGaussian()} (McFarland's modified ziggurat) draws one long u; when
 * its low byte i is below the number of layers (about 98.8% of draws) it returns {@code X[i] * (double) u}
 * for a table X, otherwise it takes a longer path that draws more longs. The table is not public, so it is
 * recovered here once, by feeding the JDK's sampler scripted longs: a byte i is on the fast path when the
 * sampler asks for exactly one long, and X[i] is the unique double that reproduces the sampler's output
 * for many probe values. Anything unexpected (a JDK with another algorithm) leaves {@link #LAYERS} at 0,
 * and then every draw goes to the JDK: slower, never different.
 */
final class JdkGaussianLayers {

    /** Fast-path bytes are exactly {@code [0, LAYERS)}; 0 if the calibration did not succeed. */
    static final int LAYERS;
    /** {@code X[i]} for fast-path bytes. */
    static final double[] X = new double[256];

    private static final int PROBES = 48;

    static {
        int layers;
        try {
            layers = calibrate(X);
        } catch (RuntimeException e) {
            layers = 0;
        }
        LAYERS = layers;
    }

    private JdkGaussianLayers() {
    }

    /** A generator that returns scripted longs, then arbitrary ones, counting the calls. */
    private static final class Scripted implements RandomGenerator {
        private final SplittableRandom rest = new SplittableRandom(1);
        private long first;
        private int calls;

        double gaussian(long u) {
            first = u;
            calls = 0;
            return RandomGenerator.super.nextGaussian(); // the JDK's sampler, not an override
        }

        @Override
        public long nextLong() {
            return calls++ == 0 ? first : rest.nextLong();
        }
    }

    private static int calibrate(double[] x) {
        Scripted jdk = new Scripted();
        SplittableRandom probes = new SplittableRandom(0x5EEDL);
        int layers = 0;
        while (layers < 256) {
            jdk.gaussian(0x5A5A_5A5A_5A5A_5A00L | layers);
            if (jdk.calls != 1) {
                break;
            }
            layers++;
        }
        if (layers < 128) {
            return 0;
        }
        for (int i = layers; i < 256; i++) { // the fast bytes must be a prefix
            jdk.gaussian(0x1234_5678_9ABC_DE00L | i);
            if (jdk.calls == 1) {
                return 0;
            }
        }
        long[] u = new long[PROBES];
        double[] expected = new double[PROBES];
        for (int i = 0; i < layers; i++) {
            for (int p = 0; p < PROBES; p++) {
                u[p] = (probes.nextLong() & ~0xFFL) | i;
                expected[p] = jdk.gaussian(u[p]);
                if (jdk.calls != 1) {
                    return 0;
                }
            }
            double guess = expected[0] / (double) u[0];
            double found = Double.NaN;
            double candidate = guess;
            for (int k = 0; k < 8; k++) {
                candidate = Math.nextDown(candidate);
            }
            for (int k = 0; k <= 16 && Double.isNaN(found); k++, candidate = Math.nextUp(candidate)) {
                if (reproduces(candidate, u, expected)) {
                    found = candidate;
                }
            }
            if (Double.isNaN(found)) {
                return 0;
            }
            x[i] = found;
        }
        return layers;
    }

    private static boolean reproduces(double candidate, long[] u, double[] expected) {
        for (int p = 0; p < u.length; p++) {
            if (Double.doubleToRawLongBits(candidate * u[p]) != Double.doubleToRawLongBits(expected[p])) {
                return false;
            }
        }
        return true;
    }
}
