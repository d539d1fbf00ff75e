package io.chipcast.gateway.service;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.gateway.repository.DemandPlanEntity;
import io.chipcast.platform.idempotency.EventBodies;
import io.chipcast.platform.idempotency.WriteResult;
import io.chipcast.platform.outbox.Outbox;
import io.chipcast.platform.service.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Customers' demand plans: each accepted plan replaces the previous one with the next version and is published. */
@ApplicationScoped
public class DemandPlanService {

    private final Outbox outbox;

    @Inject
    public DemandPlanService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Runs inside the caller's transaction.
     *
     * @param plan the plan as asked for; its version is replaced by the next one of the customer
     */
    public Uni<WriteResult> replace(DemandPlan plan) {
        return outbox.lockKey(Topics.DEMAND_PLANS, plan.customerId())
                .chain(() -> DemandPlanEntity.<DemandPlanEntity>findById(plan.customerId()))
                .chain(current -> {
                    DemandPlan versioned = new DemandPlan(plan.customerId(), plan.name(), plan.country(),
                            current == null ? 1L : current.version + 1, plan.lines());
                    DemandPlanEntity entity = current == null ? new DemandPlanEntity() : current;
                    return outbox.append(Topics.DEMAND_PLANS, versioned).call(event -> {
                        entity.apply(versioned, UUID.fromString(event.id()), Instant.now());
                        return entity.persist();
                    }).map(event -> new WriteResult(current == null ? 201 : 200, EventBodies.json(versioned, event), List.of(event)));
                });
    }

    /**
     * The customers with a plan, by id, at most {@code limit}.
     *
     * @param only the customers to list; null for every one
     */
    @WithSession
    public Uni<List<CustomerSummary>> customers(Set<String> only, int limit) {
        if (only != null && only.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<List<DemandPlanEntity>> found = only == null
                ? DemandPlanEntity.<DemandPlanEntity>findAll(Sort.by("customerId")).page(Page.ofSize(limit)).list()
                : DemandPlanEntity.<DemandPlanEntity>find("customerId in ?1", Sort.by("customerId"), only).page(Page.ofSize(limit)).list();
        return found.map(plans -> plans.stream().map(DemandPlanEntity::toPayload)
                .map(plan -> new CustomerSummary(plan.customerId(), plan.name(), plan.country(), plan.version())).toList());
    }

    /** A customer as the dashboard lists it. */
    public record CustomerSummary(String customerId, String name, String country, long planVersion) {
    }

    /** The version of the customer's current plan; 0 when it has none. */
    @WithSession
    public Uni<Long> currentVersion(String customerId) {
        return DemandPlanEntity.<DemandPlanEntity>findById(customerId).map(plan -> plan == null ? 0L : plan.version);
    }

    @WithSession
    public Uni<DemandPlan> current(String customerId) {
        return DemandPlanEntity.<DemandPlanEntity>findById(customerId)
                .onItem().ifNull().failWith(() -> new NotFoundException("customer " + customerId + " has no demand plan"))
                .map(DemandPlanEntity::toPayload);
    }
}
