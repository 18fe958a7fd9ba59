package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.landscapes.Landscape;

/**
 * The {@code landscape} block of a run spec, chosen by its {@code type} ({@code straight-valley},
 * {@code curved-valley}, {@code rotated-valley}; higher modules register more, such as {@code bigram},
 * as Jackson modules found by {@link java.util.ServiceLoader}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StraightValleySpec.class, name = "straight-valley"),
    @JsonSubTypes.Type(value = CurvedValleySpec.class, name = "curved-valley"),
    @JsonSubTypes.Type(value = RotatedValleySpec.class, name = "rotated-valley")
})
public interface LandscapeSpec {

    /**
     * The landscape this block describes. Landscapes that can split their loss into river and hill parts
     * also implement {@link io.github.rivervalley.landscapes.Decomposer}.
     */
    Landscape build();
}
