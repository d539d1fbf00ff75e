package io.chipcast.gateway.repository;

import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.platform.persistence.PublishedPayloadEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's current demand plan, as published. */
@Entity
@Table(name = "demand_plan")
public class DemandPlanEntity extends PublishedPayloadEntity {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    @Column(nullable = false)
    public long version;

    public void apply(DemandPlan plan, UUID event, Instant now) {
        customerId = plan.customerId();
        version = plan.version();
        published(plan, event, now);
    }

    public DemandPlan toPayload() {
        return payloadAs(DemandPlan.class);
    }
}
