package io.chipcast.contracts.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.chipcast.contracts.validation.Limits;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Instants as RFC 3339 strings and dates as ISO {@code YYYY-MM-DD}, and nothing else: the stock
 * Java-time deserializers also take epoch numbers, arrays and date-times for dates, which would
 * let a wrong payload through silently.
 */
final class StrictTimeModule extends SimpleModule {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    static final String INSTANT_RULE = "must be an RFC 3339 instant in the years 0001-9999 such as 2024-01-01T00:00:00Z";
    static final String DATE_RULE = "must be an ISO date in the years 0001-9999 such as 2024-06-30";

    /**
     * An RFC 3339 instant in the years 0001-9999, normalised to UTC; empty when the text is not
     * one. RFC 3339 requires an offset: ISO_OFFSET_DATE_TIME rejects a local date-time without one.
     */
    static Optional<Instant> parseInstant(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return Limits.inRange(instant) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    StrictTimeModule() {
        super("chipcast-strict-time");
        addSerializer(Instant.class, new SpelledSerializer<Instant>(TimeText::instant));
        addSerializer(LocalDate.class, new SpelledSerializer<LocalDate>(TimeText::date));
        addDeserializer(Instant.class, new InstantDeserializer());
        addDeserializer(LocalDate.class, new LocalDateDeserializer());
    }

    /** Writes a value as {@code toString()} spells it, spelled into a buffer of the writing thread ({@link TimeText}). */
    private static final class SpelledSerializer<T> extends JsonSerializer<T> {

        private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[TimeText.MAX_LENGTH]);
        private final Speller<T> speller;

        SpelledSerializer(Speller<T> speller) {
            this.speller = speller;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            char[] buffer = BUFFER.get();
            int length = speller.spell(value, buffer);
            if (length == TimeText.UNSPELLED) {
                generator.writeString(value.toString());
            } else {
                generator.writeString(buffer, 0, length);
            }
        }
    }

    @FunctionalInterface
    private interface Speller<T> {
        int spell(T value, char[] buffer);
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = requireString(parser, context, Instant.class);
            Optional<Instant> instant = parseInstant(text);
            return instant.isPresent() ? instant.get()
                    : (Instant) context.handleWeirdStringValue(Instant.class, text, INSTANT_RULE);
        }
    }

    private static final class LocalDateDeserializer extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = requireString(parser, context, LocalDate.class);
            try {
                LocalDate date = LocalDate.parse(text, DATE);
                if (Limits.inRange(date)) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // Reported below, as for a date out of range.
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, DATE_RULE);
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
