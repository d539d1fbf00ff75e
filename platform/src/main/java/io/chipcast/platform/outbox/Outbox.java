package io.chipcast.platform.outbox;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.Validated;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes events the transactional-outbox way (ADR 005): {@link #append} writes the event in
 * the caller's transaction, and {@link OutboxRelay} sends it to Kafka once that transaction has
 * committed. A write that fails publishes nothing; one that commits is published even if Kafka
 * is down at that moment.
 */
@ApplicationScoped
public class Outbox {

    private final String source;

    @Inject
    public Outbox(@ConfigProperty(name = "quarkus.application.name") String source) {
        this.source = source;
    }

    /** Adds an event for {@code payload} to the current transaction; returns its CloudEvents attributes. */
    public <V extends Validated> Uni<CloudEvent> append(Topic<String, V> topic, V payload) {
        CloudEvent event = CloudEvent.of(topic, source, UUID.randomUUID(), Instant.now());
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic.name();
        row.recordKey = topic.keyOf(payload);
        row.eventType = event.type();
        row.eventTime = event.time();
        row.payload = Json.writeString(payload);
        return row.persist().replaceWith(event);
    }

    /**
     * Serialises the current transaction with every other one writing to the same key of the same
     * topic, until it commits. Call it before the writes whose order matters: per key, the order in
     * which writes commit is then the order their events reach the topic.
     */
    public Uni<Void> lockKey(Topic<String, ?> topic, String key) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("SELECT CAST(1 AS INTEGER) FROM pg_advisory_xact_lock(hashtext(:key))", Integer.class)
                        .setParameter("key", topic.name() + "/" + key)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * {@link #lockKey} for several keys, taken in sorted order so that two transactions locking
     * overlapping keys never wait on each other in a circle.
     */
    public Uni<Void> lockKeys(Topic<String, ?> topic, Collection<String> keys) {
        return Multi.createFrom().iterable(new TreeSet<>(keys))
                .onItem().transformToUniAndConcatenate(key -> lockKey(topic, key))
                .collect().last()
                .replaceWithVoid();
    }

    public String source() {
        return source;
    }
}
