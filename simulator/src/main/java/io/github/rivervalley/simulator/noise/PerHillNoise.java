package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.LinearHillFrame;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Arrays;

/**
 * Hill noise with its own standard deviation per hill: covariance {@code diag(0, sigma_1^2, ..., sigma_n^2)}
 * in the frame of a straight valley (hill i is coordinate i), and {@code Q} times that times {@code Q^T} on a
 * valley seen through a rotation Q (any {@link LinearHillFrame}: straight and rotated valleys). With a
 * constant rate eta, hill i of curvature lambda_i then settles at its own stationary excess
 * {@code eta sigma_i^2 / (2 (2 - eta lambda_i))}. Only such landscapes have fixed hill directions to attach
 * a list to; every other landscape is refused.
 */
public final class PerHillNoise implements NoiseModel {

    private final double[] sigma;

    /** @param sigma one standard deviation per hill (each finite and >= 0) */
    public PerHillNoise(double[] sigma) {
        if (sigma.length == 0) {
            throw new InvalidValueException("sigma", "[]", "a number >= 0, or a list of them, one per hill");
        }
        for (int i = 0; i < sigma.length; i++) {
            Check.nonNegative("sigma[" + i + "]", sigma[i]);
        }
        this.sigma = sigma.clone();
    }

    /** A copy of the standard deviations. */
    public double[] sigma() {
        return sigma.clone();
    }

    @Override
    public GradientOracle newOracle(Landscape landscape) {
        if (landscape instanceof LinearHillFrame frame && frame.axisAligned()) {
            StraightValley valley = frame.valley();
            checkHills(valley);
            double[] s = sigma.clone();
            return (x, out, random) -> {
                double loss = valley.gradient(x, out);
                for (int i = 0; i < s.length; i++) {
                    out[i + 1] += s[i] * random.nextGaussian();
                }
                return loss;
            };
        }
        if (landscape instanceof LinearHillFrame frame) {
            checkHills(frame.valley());
            double[] s = sigma.clone();
            double[] inFrame = new double[frame.dimension()];
            double[] noise = new double[frame.dimension()];
            return (x, out, random) -> {
                double loss = frame.gradient(x, out);
                for (int i = 0; i < s.length; i++) {
                    inFrame[i + 1] = s[i] * random.nextGaussian();
                }
                frame.fromValleyFrame(inFrame, noise); // inFrame[0] stays 0: no noise along the river
                for (int i = 0; i < noise.length; i++) {
                    out[i] += noise[i];
                }
                return loss;
            };
        }
        throw new InvalidValueException("sigma", Arrays.toString(sigma), "a single number on a "
                + landscape.getClass().getSimpleName() + " (a list, one per hill, needs a straight-valley or rotated-valley landscape)");
    }

    private void checkHills(StraightValley valley) {
        if (sigma.length != valley.hillCount()) {
            throw new InvalidValueException("sigma", "a list of " + sigma.length + " numbers",
                    "a single number or a list of " + valley.hillCount() + " (one per hill: dimension - 1)");
        }
    }

    @Override
    public String toString() {
        return "hill(sigma=" + Arrays.toString(sigma) + ")";
    }
}
