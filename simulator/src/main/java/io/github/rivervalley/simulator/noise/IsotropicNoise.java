package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.check.Check;

/** Gradient plus {@code sigma z}, z standard normal in every coordinate: covariance {@code sigma^2 I}. */
public record IsotropicNoise(double sigma) implements NoiseModel {

    public IsotropicNoise {
        Check.nonNegative("sigma", sigma);
    }

    @Override
    public GradientOracle newOracle(Landscape landscape) {
        double s = sigma;
        return (x, out, random) -> {
            double loss = landscape.gradient(x, out);
            for (int i = 0; i < out.length; i++) {
                out[i] += s * random.nextGaussian();
            }
            return loss;
        };
    }

    @Override
    public String toString() {
        return "isotropic(sigma=" + sigma + ")";
    }
}
