package io.chipcast.contracts.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Instants as RFC 3339 strings and dates as ISO {@code YYYY-MM-DD}, and nothing else: the stock
 * Java-time deserializers also take epoch numbers, arrays and date-times for dates, which would
 * let a wrong payload through silently.
 */
final class StrictTimeModule extends SimpleModule {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    StrictTimeModule() {
        super("chipcast-strict-time");
        addSerializer(Instant.class, new ToStringSerializer<>());
        addSerializer(LocalDate.class, new ToStringSerializer<>());
        addDeserializer(Instant.class, new InstantDeserializer());
        addDeserializer(LocalDate.class, new LocalDateDeserializer());
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = requireString(parser, context, Instant.class);
            try {
                // RFC 3339 requires an offset; ISO_OFFSET_DATE_TIME rejects a local date-time without one.
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text,
                        "must be an RFC 3339 instant such as 2024-01-01T00:00:00Z");
            }
        }
    }

    private static final class LocalDateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = requireString(parser, context, LocalDate.class);
            try {
                return LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "must be an ISO date such as 2024-06-30");
            }
        }
    }

    private static String requireString(JsonParser parser, DeserializationContext context, Class<?> type)
            throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            context.handleUnexpectedToken(type, parser);
        }
        return parser.getText();
    }
}
