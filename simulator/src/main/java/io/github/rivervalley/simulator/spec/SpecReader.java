package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedClassResolver;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads YAML (or JSON) specs into validated records, and writes resolved specs back as YAML.
 *
 * <p>Every failure becomes one {@link SpecException} whose message names the field by its path in
 * the spec, the bad value and what is allowed: unknown keys and unknown {@code type} names come with
 * the closest valid name ("did you mean"), and validation errors thrown by records' compact
 * constructors ({@link InvalidValueException}) get the path of the record prefixed.
 *
 * <p>Spec types of higher modules (for example the bigram landscape) are added as Jackson modules found
 * through {@link java.util.ServiceLoader}, so this reader never has to know them.
 */
public final class SpecReader {

    private static final SpecReader INSTANCE = new SpecReader();

    private final ObjectMapper mapper;

    private SpecReader() {
        YAMLFactory yaml = SpecYaml.factory(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                // "type: wsd" as a plain key, never a YAML tag ("!<wsd>"), so written specs read back.
                .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID));
        mapper = new ObjectMapper(yaml);
        mapper.registerModule(SpecYaml.module());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // "steps: '100'" is a typo worth reporting, not something to coerce silently.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // ... and "name: 123" is a number where text belongs: say so rather than turn it into "123".
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.findAndRegisterModules();
    }

    /** The shared reader (thread-safe once built). */
    public static SpecReader instance() {
        return INSTANCE;
    }

    /** Reads a spec file as a tree, reporting a missing file or bad YAML as a {@link SpecException}. */
    public JsonNode readTree(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException("", "spec file " + file + " does not exist");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SpecException("", "spec file " + file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new SpecException("", "cannot read spec file " + file + ": " + e.getMessage());
        }
        return readTree(text, file.toString());
    }

    /** Parses YAML text as a tree; {@code source} names it in messages. */
    public JsonNode readTree(String text, String source) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new SpecException("", source + " is empty; expected a YAML mapping");
            }
            if (!node.isObject()) {
                throw new SpecException("", source + " holds a " + node.getNodeType().toString().toLowerCase() + "; expected a YAML mapping of keys to values");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SpecException("", source + ": not valid YAML" + where(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    /** Reads and binds a spec file. */
    public <T> T read(Path file, Class<T> type) {
        return bind(readTree(file), type);
    }

    /** Parses and binds spec text (a spec built in code, a test's); {@code source} names it in messages. */
    public <T> T read(String text, String source, Class<T> type) {
        return bind(readTree(text, source), type);
    }

    /** Binds a tree to a spec record, translating every failure into a {@link SpecException}. */
    public <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            // Jackson builds a record before it reports the record's unknown keys, so a misspelt required
            // key would surface as "missing"; report the misspelling first.
            Optional<SpecException> unknown = unknownKeyOf(tree, e);
            if (unknown.isPresent()) {
                throw unknown.get();
            }
            throw translate(e, mapper.constructType(type));
        } catch (InvalidValueException e) {
            throw new SpecException(e.field(), e.reason(), e);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw translate(jpe, mapper.constructType(type));
            }
            throw e;
        }
    }

    /** The spec as YAML text, fields in declaration order. */
    public String toYaml(Object spec) {
        try {
            return mapper.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec " + spec.getClass().getSimpleName(), e);
        }
    }

    /** The spec as a tree (for overriding fields, as sweeps do). */
    public JsonNode toTree(Object spec) {
        return mapper.valueToTree(spec);
    }

    private SpecException translate(JsonProcessingException e, JavaType rootType) {
        String path = e instanceof JsonMappingException jme ? path(jme.getPath()) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                for (Object id : u.getKnownPropertyIds()) {
                    known.add(String.valueOf(id));
                }
            }
            return unknownKey(path, u.getPropertyName(), known, e);
        }
        if (e instanceof InvalidTypeIdException t) {
            Collection<String> names = typeNames(t.getBaseType());
            String field = join(path, "type");
            if (t.getTypeId() == null) {
                return new SpecException(field, "missing; expected one of " + String.join(", ", names), e);
            }
            String hint = Suggestions.closest(t.getTypeId(), names).map(s -> "did you mean '" + s + "'? ").orElse("");
            return new SpecException(field, "'" + t.getTypeId() + "' is not a known type; " + hint
                    + "expected one of " + String.join(", ", names), e);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            while (cause != null && !(cause instanceof InvalidValueException) && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidValueException iv) {
                InvalidValueException full = iv.under(path);
                return new SpecException(full.field(), full.reason(), e);
            }
            Throwable root = v.getCause() == null ? v : v.getCause();
            return new SpecException(path, String.valueOf(root.getMessage()), e);
        }
        if (e instanceof InvalidFormatException f) {
            return new SpecException(path, "'" + f.getValue() + "' is not allowed; expected " + describe(f.getTargetType()), e);
        }
        if (e instanceof MismatchedInputException m) {
            String message = m.getOriginalMessage();
            if (message != null && message.startsWith("Missing required creator property")) {
                return new SpecException(path, "missing; this field is required", e);
            }
            Class<?> target = m.getTargetType();
            return new SpecException(path, "wrong kind of value" + where(m.getLocation()) + "; expected "
                    + (target == null ? "a different value" : describe(target)), e);
        }
        return new SpecException(path, e.getOriginalMessage() + where(e.getLocation()), e);
    }

    private static SpecException unknownKey(String path, String key, Collection<String> known, Throwable cause) {
        String hint = Suggestions.closest(key, known).map(s -> "did you mean '" + s + "'? ").orElse("");
        String allowed = known.isEmpty() ? "this block takes no keys besides its type" : "allowed keys: " + String.join(", ", new TreeSet<>(known));
        return new SpecException(path, "unknown key '" + key + "'; " + hint + allowed, cause);
    }

    /**
     * When building a record failed, the first key of its mapping that the record does not know (such a
     * key is usually the misspelling of the field whose absence made the build fail).
     */
    private Optional<SpecException> unknownKeyOf(JsonNode tree, JsonProcessingException e) {
        if (!(e instanceof ValueInstantiationException || e instanceof MismatchedInputException) || !(e instanceof JsonMappingException jme)) {
            return Optional.empty();
        }
        Class<?> target = e instanceof ValueInstantiationException v ? v.getType().getRawClass() : ((MismatchedInputException) e).getTargetType();
        JavaType type = target == null ? null : mapper.constructType(target);
        if (type == null || !type.getRawClass().isRecord()) {
            return Optional.empty();
        }
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : jme.getPath()) {
            node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
            if (node == null) {
                return Optional.empty();
            }
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        List<String> known = new ArrayList<>();
        mapper.getDeserializationConfig().introspect(type).findProperties().forEach(p -> known.add(p.getName()));
        String typeProperty = null;
        for (Class<?> i : type.getRawClass().getInterfaces()) {
            JsonTypeInfo info = i.getAnnotation(JsonTypeInfo.class);
            if (info != null) {
                typeProperty = info.property();
            }
        }
        String path = path(jme.getPath());
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name) && !name.equals(typeProperty)) {
                return Optional.of(unknownKey(join(path, name), name, known, e));
            }
        }
        return Optional.empty();
    }

    private Collection<String> typeNames(JavaType baseType) {
        TreeSet<String> names = new TreeSet<>();
        if (baseType == null) {
            return names;
        }
        AnnotatedClass annotated = AnnotatedClassResolver.resolveWithoutSuperTypes(mapper.getDeserializationConfig(), baseType.getRawClass());
        for (NamedType named : mapper.getSubtypeResolver().collectAndResolveSubtypesByTypeId(mapper.getDeserializationConfig(), annotated)) {
            if (named.hasName()) {
                names.add(named.getName());
            }
        }
        return names;
    }

    private static String describe(Class<?> type) {
        if (type == Replicas.class) {
            return Replicas.ALLOWED;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "one of " + String.join(", ", names);
        }
        if (type.isArray() || List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }

    /** {@code schedule.budgets[2]} from Jackson's reference chain. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
