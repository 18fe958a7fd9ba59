package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.CurvatureNoise;
import io.github.rivervalley.simulator.noise.HillNoise;
import io.github.rivervalley.simulator.noise.IsotropicNoise;
import io.github.rivervalley.simulator.noise.NoNoise;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.RiverNoise;

/**
 * The {@code noise} block of a run spec, chosen by {@code type}: {@code none}, {@code isotropic},
 * {@code hill}, {@code river} ({@code sigma}) and {@code curvature} ({@code batchSize}). Not sealed:
 * higher modules add types (the bigram study's {@code minibatch}) as Jackson modules, like
 * {@link LandscapeSpec}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NoiseSpec.None.class, name = "none"),
    @JsonSubTypes.Type(value = NoiseSpec.Isotropic.class, name = "isotropic"),
    @JsonSubTypes.Type(value = NoiseSpec.Hill.class, name = "hill"),
    @JsonSubTypes.Type(value = NoiseSpec.River.class, name = "river"),
    @JsonSubTypes.Type(value = NoiseSpec.Curvature.class, name = "curvature")
})
public interface NoiseSpec {

    /** The noise model this block describes. */
    NoiseModel build();

    /** Whether this is exact-gradient "noise" ({@code none}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    default boolean isNone() {
        return false;
    }

    /** Exact gradients. */
    record None() implements NoiseSpec {
        @Override
        public NoiseModel build() {
            return new NoNoise();
        }

        @Override
        public boolean isNone() {
            return true;
        }
    }

    /** {@code sigma^2 I}. */
    record Isotropic(double sigma) implements NoiseSpec {
        public Isotropic {
            Check.nonNegative("sigma", sigma);
        }

        @Override
        public NoiseModel build() {
            return new IsotropicNoise(sigma);
        }
    }

    /** {@code sigma^2} in every hill direction, none along the river. */
    record Hill(double sigma) implements NoiseSpec {
        public Hill {
            Check.nonNegative("sigma", sigma);
        }

        @Override
        public NoiseModel build() {
            return new HillNoise(sigma);
        }
    }

    /** {@code sigma^2} along the river tangent only. */
    record River(double sigma) implements NoiseSpec {
        public River {
            Check.nonNegative("sigma", sigma);
        }

        @Override
        public NoiseModel build() {
            return new RiverNoise(sigma);
        }
    }

    /** {@code Sigma = H / batchSize}. */
    record Curvature(double batchSize) implements NoiseSpec {
        public Curvature {
            Check.positive("batchSize", batchSize);
        }

        @Override
        public NoiseModel build() {
            return new CurvatureNoise(batchSize);
        }
    }
}
