package io.github.rivervalley.bigram.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Token frequency laws for synthetic data: {@code pi_i} for the token of rank {@code r = i + 1}. */
public enum Frequencies {
    /** {@code pi_i = 1 / V}. */
    @JsonProperty("uniform")
    UNIFORM,
    /** {@code pi_i proportional to r^-s} (Zipf with exponent s). */
    @JsonProperty("zipf")
    ZIPF;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
