package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.RiverValley;
import io.github.rivervalley.landscapes.check.InvalidValueException;

/** Named factories for the built-in noise models, and checks they share. */
public final class Noises {

    private Noises() {
    }

    /** Exact gradients. */
    public static NoiseModel none() {
        return new NoNoise();
    }

    /** {@code sigma^2 I}. */
    public static NoiseModel isotropic(double sigma) {
        return new IsotropicNoise(sigma);
    }

    /** {@code sigma^2} in the hill directions only. */
    public static NoiseModel hill(double sigma) {
        return new HillNoise(sigma);
    }

    /** Hill noise with one standard deviation per hill (straight and rotated valleys). */
    public static NoiseModel hills(double... sigma) {
        return new PerHillNoise(sigma);
    }

    /** {@code sigma^2} along the river only. */
    public static NoiseModel river(double sigma) {
        return new RiverNoise(sigma);
    }

    /** {@code Sigma = H / batchSize}. */
    public static NoiseModel curvature(double batchSize) {
        return new CurvatureNoise(batchSize);
    }

    /** The landscape as a river valley, or an error naming the noise type that needs one. */
    static RiverValley riverValley(Landscape landscape, String noiseType) {
        if (landscape instanceof RiverValley valley) {
            return valley;
        }
        throw new InvalidValueException("type", noiseType,
                "a noise type that does not need a known river (" + noiseType + " noise needs a river-valley landscape, not "
                        + landscape.getClass().getSimpleName() + ")");
    }
}
