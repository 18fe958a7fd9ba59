package io.github.rivervalley.bigram.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a synthetic group's tokens choose their next token. */
public enum Uncertainty {
    /** One successor, probability 1: entropy 0 (a river token). */
    @JsonProperty("deterministic")
    DETERMINISTIC,
    /** Uniform over k distinct successors: entropy {@code log k}. */
    @JsonProperty("uniform")
    UNIFORM,
    /** {@code Dirichlet(alpha, ..., alpha)} weights over k distinct successors, drawn once per token. */
    @JsonProperty("dirichlet")
    DIRICHLET;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
