package io.chipcast.platform.idempotency;

import io.chipcast.contracts.CloudEvent;
import java.util.List;

/**
 * What a write answers — status and JSON body, stored as they are so that a retry with the same
 * Idempotency-Key gets them back to the byte — and the events it appended to the outbox.
 */
public record WriteResult(int status, String body, List<CloudEvent> events) {

    public WriteResult {
        events = List.copyOf(events);
    }

    public static WriteResult replay(int status, String body) {
        return new WriteResult(status, body, List.of());
    }
}
