package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.RiverValley;
import io.github.rivervalley.landscapes.analytic.LinearHillFrame;
import io.github.rivervalley.landscapes.check.Check;

/**
 * Noise only up the walls (the paper's mechanism): covariance {@code sigma^2 (I - t t^T)} with t the
 * river tangent at the current point, i.e. {@code sigma^2} in every hill direction and none along the
 * river. On a straight valley the hills are coordinates 1..d-1 and get one normal each; elsewhere a
 * d-dimensional normal is drawn and its component along the tangent removed. Needs a {@link RiverValley}.
 */
public record HillNoise(double sigma) implements NoiseModel {

    public HillNoise {
        Check.nonNegative("sigma", sigma);
    }

    @Override
    public GradientOracle newOracle(Landscape landscape) {
        RiverValley valley = Noises.riverValley(landscape, "hill");
        double s = sigma;
        if (valley instanceof LinearHillFrame frame && frame.axisAligned()) {
            return (x, out, random) -> {
                double loss = valley.gradient(x, out);
                for (int i = 1; i < out.length; i++) {
                    out[i] += s * random.nextGaussian();
                }
                return loss;
            };
        }
        int d = valley.dimension();
        double[] tangent = new double[d];
        double[] z = new double[d];
        return (x, out, random) -> {
            double loss = valley.gradient(x, out);
            valley.riverTangent(x, tangent);
            double along = 0.0;
            for (int i = 0; i < d; i++) {
                z[i] = random.nextGaussian();
                along += z[i] * tangent[i];
            }
            for (int i = 0; i < d; i++) {
                out[i] += s * (z[i] - along * tangent[i]);
            }
            return loss;
        };
    }

    @Override
    public String toString() {
        return "hill(sigma=" + sigma + ")";
    }
}
