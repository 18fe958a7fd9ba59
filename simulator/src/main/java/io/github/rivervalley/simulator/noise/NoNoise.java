package io.github.rivervalley.simulator.noise;

import io.github.rivervalley.landscapes.Landscape;

/** Exact gradients: the oracle of plain GD. */
public record NoNoise() implements NoiseModel {

    @Override
    public GradientOracle newOracle(Landscape landscape) {
        return (x, out, random) -> landscape.gradient(x, out);
    }

    @Override
    public String toString() {
        return "none";
    }
}
