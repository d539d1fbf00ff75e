package io.chipcast.platform.persistence;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.Validated;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The current state of something a service publishes, kept as the payload it published last:
 * the JSON exactly as it went out, the {@code ce_id} of that event, and when. Its subclasses add
 * the key and the columns they query by.
 */
@MappedSuperclass
public abstract class PublishedPayloadEntity extends PanacheEntityBase {

    @Column(nullable = false)
    public String payload;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Records {@code published} as the current state, published by {@code event} at {@code now}. */
    protected void published(Validated published, UUID event, Instant now) {
        payload = Json.writeString(published);
        eventId = event;
        updatedAt = now;
    }

    protected <P extends Validated> P payloadAs(Class<P> type) {
        return Json.read(payload, type);
    }
}
