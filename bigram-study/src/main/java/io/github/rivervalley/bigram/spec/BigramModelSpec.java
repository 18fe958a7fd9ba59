package io.github.rivervalley.bigram.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.List;

/** The {@code model} block of a bigram landscape: {@code tabular} or {@code factored}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TabularModelSpec.class, name = "tabular"),
    @JsonSubTypes.Type(value = FactoredModelSpec.class, name = "factored")})
public sealed interface BigramModelSpec permits TabularModelSpec, FactoredModelSpec {

    /** The model on {@code data}. */
    BigramModel build(BigramData data);

    /** The allowed values of a model's {@code precision} field. */
    List<String> PRECISIONS = List.of("float64", "float32");

    /** {@code precision}, {@code float64} when absent; any other value than {@link #PRECISIONS} is an error naming the field. */
    static String precision(String precision) {
        String value = precision == null ? "float64" : precision;
        if (!PRECISIONS.contains(value)) {
            throw new InvalidValueException("precision", value, "one of " + PRECISIONS);
        }
        return value;
    }
}
