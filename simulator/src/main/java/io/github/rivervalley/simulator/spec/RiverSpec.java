package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.check.Check;

/**
 * The {@code river} block of a valley: the loss along the valley floor, chosen by {@code type}
 * ({@code linear}, {@code quadratic}, {@code softplus}, {@code power}). Omitted fields get their defaults, so a
 * resolved spec always shows every value.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RiverSpec.Linear.class, name = "linear"),
    @JsonSubTypes.Type(value = RiverSpec.Quadratic.class, name = "quadratic"),
    @JsonSubTypes.Type(value = RiverSpec.Softplus.class, name = "softplus"),
    @JsonSubTypes.Type(value = RiverSpec.Power.class, name = "power")
})
public sealed interface RiverSpec permits RiverSpec.Linear, RiverSpec.Quadratic, RiverSpec.Softplus, RiverSpec.Power {

    /** The default river: linear with slope 1. */
    RiverSpec DEFAULT = new Linear(null);

    /** The river profile this block describes. */
    RiverProfile build();

    /** {@code r(c) = -slope * c}; {@code slope} defaults to 1. */
    @JsonTypeName("linear")
    record Linear(Double slope) implements RiverSpec {
        public Linear {
            slope = slope == null ? 1.0 : slope;
            new RiverProfile.Linear(slope); // validates, naming the field
        }

        @Override
        public RiverProfile build() {
            return new RiverProfile.Linear(slope);
        }
    }

    /** {@code r(c) = (curvature/2)(c - minimum)^2}; {@code curvature} is required, {@code minimum} defaults to 0. */
    @JsonTypeName("quadratic")
    record Quadratic(Double curvature, Double minimum) implements RiverSpec {
        public Quadratic {
            Check.present("curvature", curvature);
            minimum = minimum == null ? 0.0 : minimum;
            new RiverProfile.Quadratic(curvature, minimum);
        }

        @Override
        public RiverProfile build() {
            return new RiverProfile.Quadratic(curvature, minimum);
        }
    }

    /** {@code r(c) = slope * log(1 + exp(-c))}; {@code slope} defaults to 1. */
    @JsonTypeName("softplus")
    record Softplus(Double slope) implements RiverSpec {
        public Softplus {
            slope = slope == null ? 1.0 : slope;
            new RiverProfile.Softplus(slope);
        }

        @Override
        public RiverProfile build() {
            return new RiverProfile.Softplus(slope);
        }
    }

    /**
     * {@code r(c) = floor + amplitude * c^-exponent} for {@code c > 0}; {@code floor} defaults to 0,
     * {@code amplitude} and {@code exponent} are required. The start's river coordinate must be above 0.
     */
    @JsonTypeName("power")
    record Power(Double floor, Double amplitude, Double exponent) implements RiverSpec {
        public Power {
            floor = floor == null ? 0.0 : floor;
            Check.present("amplitude", amplitude);
            Check.present("exponent", exponent);
            new RiverProfile.Power(floor, amplitude, exponent);
        }

        @Override
        public RiverProfile build() {
            return new RiverProfile.Power(floor, amplitude, exponent);
        }
    }
}
