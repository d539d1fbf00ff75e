package io.chipcast.gateway.service.feed;

import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import java.nio.charset.StandardCharsets;

/**
 * A projection or an alert of one customer as the gateway's feed read it: the record's value as
 * published, which goes out on the customer's streams, and the fields the feed and the streams
 * look at, read from it the first time one is asked for. Most events are never delivered — no
 * stream watches their customer — and reading every projection as it arrived was a quarter of the
 * gateway's CPU in a fan-out (issue 15).
 */
public final class FeedEvent {

    public enum Kind {
        PROJECTION("projection"), ALERT("alert");

        private final String eventName;

        Kind(String eventName) {
            this.eventName = eventName;
        }

        /** The SSE event name. */
        public String eventName() {
            return eventName;
        }
    }

    /** What is read from the value on demand; {@code problem} when it cannot be. */
    record Fields(AlertType alertType, Severity severity, long version, long planVersion, String problem) {
    }

    private final long sequence;
    private final Kind kind;
    private final int partition;
    private final long offset;
    private final String customerId;
    private final byte[] value;
    private volatile Fields fields;

    /**
     * @param sequence the order in which this gateway's feed read it: merges the two topics' events
     * @param customerId the record's key
     * @param value the record's value, the JSON published
     */
    FeedEvent(long sequence, Kind kind, int partition, long offset, String customerId, byte[] value) {
        this.sequence = sequence;
        this.kind = kind;
        this.partition = partition;
        this.offset = offset;
        this.customerId = customerId;
        this.value = value;
    }

    public long sequence() {
        return sequence;
    }

    public Kind kind() {
        return kind;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public String customerId() {
        return customerId;
    }

    /** The JSON as published. */
    public String json() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** For an alert, its type; null for a projection. */
    public AlertType alertType() {
        return fields().alertType();
    }

    /** For an alert, its severity; null for a projection. */
    public Severity severity() {
        return fields().severity();
    }

    /** For a projection, its version; 0 for an alert. */
    public long version() {
        return fields().version();
    }

    /** For a projection, the plan version it reflects; 0 for an alert. */
    public long planVersion() {
        return fields().planVersion();
    }

    /** Why the fields cannot be read from the value, if they cannot: such an event is delivered to no one. */
    String problem() {
        return read().problem();
    }

    private Fields fields() {
        Fields read = read();
        if (read.problem() != null) {
            throw new IllegalArgumentException(read.problem());
        }
        return read;
    }

    private Fields read() {
        Fields read = fields;
        if (read == null) {
            // Two threads may both read it: the same value gives the same fields.
            read = FeedRecords.fields(kind, value);
            fields = read;
        }
        return read;
    }
}
