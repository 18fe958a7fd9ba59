package io.github.rivervalley.bigram.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;

/** The {@code model} block of a bigram landscape: {@code tabular} or {@code factored}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TabularModelSpec.class, name = "tabular"),
    @JsonSubTypes.Type(value = FactoredModelSpec.class, name = "factored")})
public sealed interface BigramModelSpec permits TabularModelSpec, FactoredModelSpec {

    /** The model on {@code data}. */
    BigramModel build(BigramData data);
}
