package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.RiverValley;
import io.github.rivervalley.landscapes.check.Check;

/**
 * Noise only along the river: gradient plus {@code sigma z t} with one standard normal z and t the river
 * tangent at the current point (covariance {@code sigma^2 t t^T}). Needs a {@link RiverValley}.
 */
public record RiverNoise(double sigma) implements NoiseModel {

    public RiverNoise {
        Check.nonNegative("sigma", sigma);
    }

    @Override
    public GradientOracle newOracle(Landscape landscape) {
        RiverValley valley = Noises.riverValley(landscape, "river");
        double[] tangent = new double[valley.dimension()];
        double s = sigma;
        return (x, out, random) -> {
            double loss = valley.gradient(x, out);
            valley.riverTangent(x, tangent);
            double kick = s * random.nextGaussian();
            for (int i = 0; i < out.length; i++) {
                out[i] += kick * tangent[i];
            }
            return loss;
        };
    }

    @Override
    public String toString() {
        return "river(sigma=" + sigma + ")";
    }
}
