package io.chipcast.gateway.repository;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.DemandPlan;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's current demand plan, as published. */
@Entity
@Table(name = "demand_plan")
public class DemandPlanEntity extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String payload;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void apply(DemandPlan plan, UUID event, Instant now) {
        customerId = plan.customerId();
        version = plan.version();
        payload = Json.writeString(plan);
        eventId = event;
        updatedAt = now;
    }

    public DemandPlan toPayload() {
        return Json.read(payload, DemandPlan.class);
    }
}
