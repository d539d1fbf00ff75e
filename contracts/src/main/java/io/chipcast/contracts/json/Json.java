package io.chipcast.contracts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.MalformedPayloadException;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON form of every chipcast payload. Reading is strict, as SPEC section 3 asks: unknown
 * fields, duplicate fields, trailing content and type coercions (a number sent as text, a
 * fraction where a whole number belongs) are rejected with the offending field named.
 */
public final class Json {

    /** What an instant must look like, in the words a violation uses. */
    public static final String INSTANT_RULE = StrictTimeModule.INSTANT_RULE;
    private static final ObjectMapper MAPPER = createMapper();

    private Json() {
    }

    /** A mapper configured like the one chipcast reads and writes with; services may hand it to their frameworks. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper createMapper() {
        return configure(new ObjectMapper());
    }

    /**
     * Applies chipcast's JSON rules to a mapper, for frameworks that bring their own (Quarkus REST):
     * strict reading, RFC 3339 instants, ISO dates, plain decimals, records' components only.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                // Trees keep decimals as written: 26000.00 stays 26000.00, never 2.6E+4.
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .registerModule(new StrictTimeModule())
                .registerModule(new SimpleModule("chipcast-plain-decimals")
                        .addDeserializer(BigDecimal.class, new PlainDecimalDeserializer())
                        .addSerializer(BigDecimal.class, new PlainDecimalSerializer()));
        // MapperFeatures are fixed once a mapper is built; these are set through its configuration.
        mapper.setConfig(mapper.getDeserializationConfig().without(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Payloads are records: their components are the wire format, helpers such as isEmpty() are not.
                .without(MapperFeature.AUTO_DETECT_IS_GETTERS));
        mapper.setConfig(mapper.getSerializationConfig().without(MapperFeature.AUTO_DETECT_IS_GETTERS));
        // Text must be text: Jackson would otherwise turn 123 or true into "123" or "true".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * An instant as payloads write them (RFC 3339, years 0001-9999), for text outside a payload such
     * as a query parameter; empty when it is not one. {@link #INSTANT_RULE} says what is expected.
     */
    public static Optional<Instant> instant(String text) {
        return text == null ? Optional.empty() : StrictTimeModule.parseInstant(text);
    }

    /** Parses and validates a payload; throws {@link InvalidPayloadException} naming each bad field. */
    public static <T extends Validated> T read(byte[] json, Class<T> type) {
        return parse(json, type).validated();
    }

    public static <T extends Validated> T read(String json, Class<T> type) {
        return parse(json.getBytes(StandardCharsets.UTF_8), type).validated();
    }

    /** Parses without applying the payload rules: for callers that validate in steps of their own. */
    public static <T> T parse(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new MalformedPayloadException(new Violation(Violation.WHOLE_DOCUMENT, "a JSON object is required"));
        }
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw malformed(e);
        }
        if (value == null) {
            throw new MalformedPayloadException(new Violation(Violation.WHOLE_DOCUMENT, "a JSON object is required"));
        }
        return value;
    }

    /** Parses a JSON tree (for documents that hold several payloads, such as a bulk request). */
    public static JsonNode parseTree(byte[] json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedPayloadException(new Violation(Violation.WHOLE_DOCUMENT, "a JSON document is required"));
            }
            return tree;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Binds one node of a parsed tree to a payload type, without validating it; errors name fields from that node. */
    public static <T> T bind(JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            throw new MalformedPayloadException(new Violation(Violation.WHOLE_DOCUMENT, "a JSON object is required"));
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static MalformedPayloadException malformed(IOException e) {
        if (e instanceof JsonMappingException mapping) {
            return new MalformedPayloadException(violationOf(mapping));
        }
        if (e instanceof JsonProcessingException processing) {
            return new MalformedPayloadException(new Violation(Violation.WHOLE_DOCUMENT,
                    "is not well-formed JSON: " + processing.getOriginalMessage()));
        }
        throw new UncheckedIOException(e);
    }

    /** Translates what Jackson says into a violation a client can act on. */
    public static Violation violationOf(JsonMappingException e) {
        String field = pathOf(e);
        if (e instanceof UnrecognizedPropertyException) {
            return new Violation(field, "is not a known field");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new Violation(field, "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException invalid && invalid.getOriginalMessage().contains("must be")) {
            String message = invalid.getOriginalMessage();
            return new Violation(field, message.substring(message.indexOf("must be")));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Violation(field, "must be " + describe(mismatch.getTargetType()));
        }
        return new Violation(field, "is invalid: " + e.getOriginalMessage());
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? Violation.WHOLE_DOCUMENT : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Instant.class) {
            return "an RFC 3339 instant such as 2024-01-01T00:00:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO date such as 2024-06-30";
        }
        return "an object";
    }
}
