package io.chipcast.supply.service;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Violation;
import io.chipcast.platform.idempotency.EventBodies;
import io.chipcast.platform.idempotency.WriteResult;
import io.chipcast.platform.outbox.Outbox;
import io.chipcast.supply.repository.ShipmentEventEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Shipment events: each is stored in its shipment's history and published to
 * {@code supply.shipments}, keyed by customer. A shipment keeps the customer and SKU of its first event.
 */
@ApplicationScoped
public class ShipmentService {

    private final Outbox outbox;

    @Inject
    public ShipmentService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Accepts one event or a bulk of them, all or nothing, inside the caller's transaction.
     *
     * @param bulk whether the request was an array: problems then name item indexes and the answer is an array
     */
    public Uni<WriteResult> accept(List<ShipmentEvent> events, boolean bulk) {
        return outbox.lockKeys(Topics.SHIPMENTS, events.stream().map(ShipmentEvent::customerId).toList())
                .chain(() -> ShipmentEventEntity.firstEventsOf(events.stream().map(ShipmentEvent::shipmentId).distinct().toList()))
                .invoke(firsts -> requireSameCustomerAndSku(events, firsts, bulk))
                .chain(() -> {
                    Instant receivedAt = Instant.now();
                    return Multi.createFrom().iterable(events)
                            .onItem().transformToUniAndConcatenate(event -> outbox.append(Topics.SHIPMENTS, event)
                                    .call(published -> ShipmentEventEntity.of(event, UUID.fromString(published.id()), receivedAt).persist()))
                            .collect().asList();
                })
                .map(published -> new WriteResult(201, bulk
                        ? EventBodies.jsonArray(events, published)
                        : EventBodies.json(events.get(0), published.get(0)), published));
    }

    /** A shipment cannot move to another customer or SKU: that would be another shipment. */
    private static void requireSameCustomerAndSku(List<ShipmentEvent> events, List<ShipmentEventEntity> firsts, boolean bulk) {
        Map<String, ShipmentEvent> known = new HashMap<>();
        firsts.forEach(first -> known.put(first.shipmentId, first.toPayload()));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ShipmentEvent event = events.get(i);
            ShipmentEvent first = known.putIfAbsent(event.shipmentId(), event);
            String prefix = bulk ? "[" + i + "]" : "";
            if (first != null && !first.customerId().equals(event.customerId())) {
                violations.add(new Violation("customerId", "shipment " + event.shipmentId() + " belongs to "
                        + first.customerId()).under(prefix));
            }
            if (first != null && !first.sku().equals(event.sku())) {
                violations.add(new Violation("sku", "shipment " + event.shipmentId() + " is of " + first.sku()).under(prefix));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidPayloadException(violations);
        }
    }

    /**
     * The current state of up to {@code count} shipments of these customers (every customer when
     * null), by shipment id, after shipment {@code after} (from the first when null).
     */
    @WithSession
    public Uni<List<ShipmentEvent>> currentStates(Collection<String> customerIds, String after, int count) {
        return ShipmentEventEntity.ofCustomers(customerIds, after, count).map(events -> {
            Map<String, ShipmentEvent> latest = new LinkedHashMap<>();
            events.forEach(event -> latest.put(event.shipmentId, event.toPayload()));
            return List.copyOf(latest.values());
        });
    }

    /** A shipment's state and the events that led to it, or empty when there is no such shipment. */
    @WithSession
    public Uni<Optional<ShipmentHistory>> history(String shipmentId) {
        return ShipmentEventEntity.history(shipmentId).map(events -> events.isEmpty()
                ? Optional.empty()
                : Optional.of(new ShipmentHistory(events.get(events.size() - 1).toPayload(),
                        events.stream().map(ShipmentHistory.Entry::of).toList())));
    }

    /** A shipment: its state (the latest event) and every event, in the order that decides the state. */
    public record ShipmentHistory(ShipmentEvent current, List<Entry> events) {

        public record Entry(ShipmentEvent event, String eventId, Instant receivedAt) {
            static Entry of(ShipmentEventEntity entity) {
                return new Entry(entity.toPayload(), entity.eventId.toString(), entity.receivedAt);
            }
        }
    }
}
