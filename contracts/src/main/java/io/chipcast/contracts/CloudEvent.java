package io.chipcast.contracts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes chipcast puts on every record (binary mode: one header each).
 *
 * @param source the name of the service that emitted the event
 */
public record CloudEvent(String id, String type, String source, Instant time) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    /** A new event of a topic's type, with a fresh UUID, stamped now. */
    public static CloudEvent of(Topic<?, ?> topic, String source) {
        return of(topic, source, UUID.randomUUID(), Instant.now());
    }

    public static CloudEvent of(Topic<?, ?> topic, String source, UUID id, Instant time) {
        // Microseconds are what PostgreSQL keeps: an event read back from a table stays equal to the one published.
        return new CloudEvent(id.toString(), topic.eventType(), source, time.truncatedTo(ChronoUnit.MICROS));
    }
}
