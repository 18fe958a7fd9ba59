package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * The {@code replicas} field of a run spec: a whole number {@code >= 1}, or {@code expected} for an
 * expected-value run (the moment engine only: the exact replica means of infinitely many replicas, no
 * sampling; docs/theory.md). In Java it stays an {@code Integer}, with {@link #EXPECTED} standing for
 * {@code expected}; these (de)serialisers translate.
 */
public final class Replicas {

    /** The {@code replicas} value of an expected-value run (no count can be written as it: numbers below 1 are errors). */
    public static final int EXPECTED = Integer.MIN_VALUE;

    /** The spelling in specs. */
    public static final String EXPECTED_NAME = "expected";

    /** What the field allows, for messages. */
    static final String ALLOWED = "a whole number >= 1, or " + EXPECTED_NAME + " (exact expected values from the moment engine, no sampling)";

    private Replicas() {
    }

    /** Reads a whole number or {@code expected}. */
    public static final class Reader extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                if (text.equals(EXPECTED_NAME)) {
                    return EXPECTED;
                }
                throw InvalidFormatException.from(p, "replicas", text, Replicas.class);
            }
            Integer value = context.readValue(p, Integer.class);
            if (value != null && value == EXPECTED) {
                throw InvalidFormatException.from(p, "replicas", value, Replicas.class);
            }
            return value;
        }
    }

    /** Writes {@link #EXPECTED} as {@code expected}, other values as numbers. */
    public static final class Writer extends JsonSerializer<Integer> {
        @Override
        public void serialize(Integer value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (value == EXPECTED) {
                out.writeString(EXPECTED_NAME);
            } else {
                out.writeNumber(value);
            }
        }
    }
}
