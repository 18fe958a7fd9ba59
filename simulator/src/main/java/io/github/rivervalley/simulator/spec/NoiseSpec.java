package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.CurvatureNoise;
import io.github.rivervalley.simulator.noise.HillNoise;
import io.github.rivervalley.simulator.noise.IsotropicNoise;
import io.github.rivervalley.simulator.noise.NoNoise;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.PerHillNoise;
import io.github.rivervalley.simulator.noise.RiverNoise;
import java.util.List;

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

    /**
     * {@code sigma^2} in every hill direction, none along the river. {@code sigma} is one number, or (on
     * straight and rotated valleys) a list with one standard deviation per hill; a one-element list is
     * written back as a number.
     */
    record Hill(
            @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED})
            List<Double> sigma) implements NoiseSpec {
        public Hill {
            sigma = Check.oneOrMore("sigma", sigma, "a number >= 0, or a non-empty list of them (one per hill)", Check::nonNegative);
        }

        /** The same standard deviation on every hill. */
        public Hill(double sigma) {
            this(List.of(sigma));
        }

        @Override
        public NoiseModel build() {
            if (sigma.size() == 1) {
                return new HillNoise(sigma.get(0));
            }
            return new PerHillNoise(sigma.stream().mapToDouble(Double::doubleValue).toArray());
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
