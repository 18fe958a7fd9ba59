package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.landscapes.Landscape;

/**
 * The {@code landscape} block of a run spec, chosen by its {@code type} ({@code straight-valley},
 * {@code curved-valley}, {@code rotated-valley}; higher modules register more, such as {@code bigram},
 * as Jackson modules found by {@link java.util.ServiceLoader}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface LandscapeSpec {

    /**
     * The landscape this block describes. Landscapes that can split their loss into river and hill parts
     * also implement {@link io.github.rivervalley.landscapes.Decomposer}.
     */
    Landscape build();
}
