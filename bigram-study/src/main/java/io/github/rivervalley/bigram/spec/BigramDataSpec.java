package io.github.rivervalley.bigram.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.bigram.data.BigramData;

/** The {@code data} block of a bigram landscape: {@code synthetic} or {@code text}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SyntheticDataSpec.class, name = "synthetic"),
    @JsonSubTypes.Type(value = TextDataSpec.class, name = "text")})
public sealed interface BigramDataSpec permits SyntheticDataSpec, TextDataSpec {

    /** The dataset (field errors name fields relative to this block). */
    BigramData build();
}
