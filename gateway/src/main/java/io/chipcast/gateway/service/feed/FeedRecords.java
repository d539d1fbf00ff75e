package io.chipcast.gateway.service.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.AlertType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads what the feed needs from a projection or alert record — whose customer, which version,
 * which plan version, which alert type — with a streaming parser that skips everything else: the
 * gateway reads every record of both topics, and passes the JSON on untouched, so binding whole
 * payloads (a projection carries all its lines) would be work for nothing.
 */
final class FeedRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private FeedRecords() {
    }

    /** The event a record carries; fails with {@link IllegalArgumentException} when the fields it needs are not there. */
    static FeedEvent read(ConsumerRecord<String, byte[]> record, long sequence) {
        Map<String, Object> fields = topLevelScalars(record.value());
        String customerId = text(fields, "customerId");
        String json = new String(record.value(), StandardCharsets.UTF_8);
        if (record.topic().equals(Topics.PROJECTIONS.name())) {
            return new FeedEvent(sequence, FeedEvent.Kind.PROJECTION, record.partition(), record.offset(), customerId, json, null,
                    number(fields, "version"), number(fields, "planVersion"));
        }
        AlertType type;
        try {
            type = AlertType.valueOf(text(fields, "type"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type: not an alert type", e);
        }
        return new FeedEvent(sequence, FeedEvent.Kind.ALERT, record.partition(), record.offset(), customerId, json, type, 0, 0);
    }

    /** The object's top-level text and number fields; nested objects and arrays are skipped unread. */
    private static Map<String, Object> topLevelScalars(byte[] value) {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (token == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else if (token == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, parser.getLongValue());
                } else {
                    parser.skipChildren();
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

    private static long number(Map<String, Object> fields, String name) {
        if (fields.get(name) instanceof Long number) {
            return number;
        }
        throw new IllegalArgumentException(name + ": missing");
    }
}
