package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.github.rivervalley.landscapes.analytic.HillSpectrum;
import io.github.rivervalley.landscapes.check.Check;

/**
 * The {@code spread} block of a straight valley: how a single top curvature {@code hillCurvature} is
 * spread over the {@code dimension - 1} hills ({@link HillSpectrum} defines the shapes).
 * {@code constant}: all hills equal; {@code geometric}: log-evenly from {@code hillCurvature} down to
 * {@code min}; {@code power-law}: {@code hillCurvature * (i+1)^-exponent}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SpreadSpec.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = SpreadSpec.Geometric.class, name = "geometric"),
    @JsonSubTypes.Type(value = SpreadSpec.PowerLaw.class, name = "power-law")
})
public sealed interface SpreadSpec permits SpreadSpec.Constant, SpreadSpec.Geometric, SpreadSpec.PowerLaw {

    /** The curvatures of {@code hills} hills whose steepest has curvature {@code max}. */
    double[] curvatures(double max, int hills);

    /** Every hill has curvature {@code hillCurvature}. */
    @JsonTypeName("constant")
    record Constant() implements SpreadSpec {
        @Override
        public double[] curvatures(double max, int hills) {
            return HillSpectrum.constant(max, hills);
        }
    }

    /** From {@code hillCurvature} down to {@code min} (required, 0 < min <= hillCurvature), evenly in log scale. */
    @JsonTypeName("geometric")
    record Geometric(Double min) implements SpreadSpec {
        public Geometric {
            Check.positive("min", Check.present("min", min));
        }

        @Override
        public double[] curvatures(double max, int hills) {
            return HillSpectrum.geometric(max, min, hills);
        }
    }

    /** {@code hillCurvature * (i+1)^-exponent}; {@code exponent >= 0} defaults to 1. */
    @JsonTypeName("power-law")
    record PowerLaw(Double exponent) implements SpreadSpec {
        public PowerLaw {
            exponent = exponent == null ? 1.0 : exponent;
            Check.nonNegative("exponent", exponent);
        }

        @Override
        public double[] curvatures(double max, int hills) {
            return HillSpectrum.powerLaw(max, exponent, hills);
        }
    }
}
