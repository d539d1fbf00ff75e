package io.chipcast.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * What the load harness needs of a projection — the ce_id of its cause and when it was computed —
 * read with a streaming parser that skips the lines: binding thousands of whole projections per
 * second would make the harness itself the slow part of what it measures.
 */
record ProjectionStamp(String causeId, Instant computedAt) {

    private static final JsonFactory JSON = new JsonFactory();

    static ProjectionStamp read(byte[] projection) {
        String causeId = null;
        Instant computedAt = null;
        try (JsonParser parser = JSON.createParser(projection)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("computedAt")) {
                    computedAt = Instant.parse(parser.getText());
                } else if (name.equals("cause")) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        if (field.equals("eventId")) {
                            causeId = parser.getText();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProjectionStamp(causeId, computedAt);
    }
}
