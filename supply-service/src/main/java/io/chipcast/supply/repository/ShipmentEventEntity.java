package io.chipcast.supply.repository;

import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.payload.ShipmentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One event of a shipment; the shipment's state is its latest event by {@code occurredAt}, then arrival ({@code id}). */
@Entity
@Table(name = "shipment_event")
public class ShipmentEventEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "shipment_id", nullable = false)
    public String shipmentId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentStatus status;

    @Column(nullable = false)
    public LocalDate eta;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static ShipmentEventEntity of(ShipmentEvent event, UUID eventId, Instant receivedAt) {
        ShipmentEventEntity entity = new ShipmentEventEntity();
        entity.eventId = eventId;
        entity.shipmentId = event.shipmentId();
        entity.customerId = event.customerId();
        entity.sku = event.sku();
        entity.quantity = event.quantity();
        entity.unitPrice = event.unitPrice();
        entity.status = event.status();
        entity.eta = event.eta();
        entity.occurredAt = event.occurredAt();
        entity.receivedAt = receivedAt;
        return entity;
    }

    /** The history of a shipment in the order that decides its state: the last one is the state. */
    public static Uni<List<ShipmentEventEntity>> history(String shipmentId) {
        return list("shipmentId = ?1 order by occurredAt, id", shipmentId);
    }

    /** The first event of each of these shipments: it fixes the shipment's customer and SKU. */
    public static Uni<List<ShipmentEventEntity>> firstEventsOf(Collection<String> shipmentIds) {
        return list("id in (select min(e.id) from ShipmentEventEntity e where e.shipmentId in ?1 group by e.shipmentId)",
                shipmentIds);
    }

    /**
     * Up to {@code count} shipments of the customers given (every customer when null), in shipment id
     * order after {@code after} (from the first when null): every event of each, in state order.
     */
    public static Uni<List<ShipmentEventEntity>> ofCustomers(Collection<String> customerIds, String after, int count) {
        StringBuilder query = new StringBuilder("select distinct e.shipmentId from ShipmentEventEntity e where 1 = 1");
        Parameters parameters = new Parameters();
        if (customerIds != null) {
            query.append(" and e.customerId in :customers");
            parameters.and("customers", customerIds);
        }
        if (after != null) {
            query.append(" and e.shipmentId > :after");
            parameters.and("after", after);
        }
        return Panache.getSession().chain(session -> {
            var shipmentIds = session.createSelectionQuery(query.append(" order by e.shipmentId").toString(), String.class)
                    .setMaxResults(count);
            parameters.map().forEach(shipmentIds::setParameter);
            return shipmentIds.getResultList();
        }).chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ShipmentEventEntity>of())
                : list("shipmentId in ?1 order by shipmentId, occurredAt, id", ids));
    }

    public ShipmentEvent toPayload() {
        return new ShipmentEvent(shipmentId, customerId, sku, quantity, unitPrice, status, eta, occurredAt);
    }
}
