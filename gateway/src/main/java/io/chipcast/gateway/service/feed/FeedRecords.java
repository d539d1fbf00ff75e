package io.chipcast.gateway.service.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads what the feed needs from a projection or alert record. On arrival only its customer, the
 * record's key; which version, plan version or alert type when the feed or a stream asks for it
 * ({@link FeedEvent}), with a streaming parser that stops once it has them and skips everything else
 * unread: the gateway passes the JSON on untouched, so binding whole payloads would be work for nothing.
 */
final class FeedRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private FeedRecords() {
    }

    /** The event a record carries; fails with {@link IllegalArgumentException} when it has no customer key. */
    static FeedEvent read(ConsumerRecord<String, byte[]> record, long sequence) {
        if (record.key() == null || record.key().isBlank()) {
            throw new IllegalArgumentException("key: missing (the customerId)");
        }
        if (record.value() == null) {
            throw new IllegalArgumentException("value: missing");
        }
        FeedEvent.Kind kind = record.topic().equals(Topics.PROJECTIONS.name()) ? FeedEvent.Kind.PROJECTION : FeedEvent.Kind.ALERT;
        return new FeedEvent(sequence, kind, record.partition(), record.offset(), record.key(), record.value());
    }

    /** The fields of a value: a projection's version and plan version, an alert's type; or the problem that prevents it. */
    static FeedEvent.Fields fields(FeedEvent.Kind kind, byte[] value) {
        try {
            if (kind == FeedEvent.Kind.PROJECTION) {
                Map<String, Object> fields = topLevelScalars(value, Set.of("version", "planVersion"));
                return new FeedEvent.Fields(null, null, number(fields, "version"), number(fields, "planVersion"), null);
            }
            Map<String, Object> fields = topLevelScalars(value, Set.of("type", "severity"));
            return new FeedEvent.Fields(constant(AlertType.class, fields, "type"), constant(Severity.class, fields, "severity"), 0, 0, null);
        } catch (IllegalArgumentException e) {
            return new FeedEvent.Fields(null, null, 0, 0, e.getMessage());
        }
    }

    /** The object's top-level text and number fields among {@code wanted}, read until all are found; nested objects and arrays are skipped unread. */
    private static Map<String, Object> topLevelScalars(byte[] value, Set<String> wanted) {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (fields.size() < wanted.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (!wanted.contains(name)) {
                    parser.skipChildren();
                } else if (token == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else if (token == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, parser.getLongValue());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        return fields;
    }

    private static String text(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new IllegalArgumentException(name + ": missing");
    }

    private static <E extends Enum<E>> E constant(Class<E> type, Map<String, Object> fields, String name) {
        try {
            return Enum.valueOf(type, text(fields, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": not a " + type.getSimpleName(), e);
        }
    }

    private static long number(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof Long number) {
            return number;
        }
        throw new IllegalArgumentException(name + ": missing");
    }
}
