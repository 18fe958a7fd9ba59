package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The YAML dialect of specs, on top of Jackson's: the special floats {@code .inf}, {@code -.inf} and
 * {@code .nan} (YAML 1.1 and 1.2 core schema) read as the doubles they are (Jackson's YAML parser takes them
 * for malformed numbers) and are written back the same way, so {@code divergenceThreshold: .inf} reads,
 * validates by the field's own rule and round-trips through {@code spec.yaml}; aliases are refused by name.
 */
final class SpecYaml {

    private static final Pattern SPECIAL = Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    private SpecYaml() {
    }

    /** A YAML factory whose parsers read the special floats. */
    static YAMLFactory factory(YAMLFactoryBuilder builder) {
        return new Factory(builder);
    }

    /** Writes non-finite doubles as {@code .inf}, {@code -.inf}, {@code .nan}. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("yaml-special-floats");
        module.addSerializer(Double.class, new Writer());
        module.addSerializer(Double.TYPE, new Writer());
        return module;
    }

    private static final class Writer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isNaN()) {
                gen.writeNumber(".nan");
            } else if (value.isInfinite()) {
                gen.writeNumber(value > 0 ? ".inf" : "-.inf");
            } else {
                gen.writeNumber(value);
            }
        }
    }

    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) {
            return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
        }

        @Override
        protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
            return _createParser(new CharArrayReader(data, offset, len), ctxt);
        }

        @Override
        protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return _createParser(_createReader(in, null, ctxt), ctxt);
        }

        @Override
        protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return _createParser(_createReader(data, offset, len, null, ctxt), ctxt);
        }
    }

    private static final class Parser extends YAMLParser {
        Parser(IOContext ctxt, int parserFeatures, int formatFeatures, LoaderOptions options, ObjectCodec codec, Reader reader) {
            super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
        }

        /**
         * Refuses aliases ({@code *name}) with a message that says so: specs are small, and writing values out
         * keeps them readable (and alias bombs impossible). Merge keys ({@code <<: *defaults}) use aliases too.
         */
        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (_currentIsAlias) {
                JsonLocation at = currentTokenLocation();
                throw new SpecException("", "YAML aliases such as *" + getText() + " (line " + at.getLineNr() + ", column "
                        + at.getColumnNr() + ") are not supported, nor merge keys (<<) which use them; write the value out in full");
            }
            return token;
        }

        /** The number of a float token, parsed when first asked for; the special floats here. */
        @Override
        protected void _parseNumericValue(int expType) throws IOException {
            if (_currToken == JsonToken.VALUE_NUMBER_FLOAT && _textValue != null && SPECIAL.matcher(_textValue).matches()) {
                _numberDouble = _textValue.endsWith("n") || _textValue.endsWith("N") ? Double.NaN
                        : _textValue.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                _numTypesValid = NR_DOUBLE;
                return;
            }
            super._parseNumericValue(expType);
        }
    }
}
