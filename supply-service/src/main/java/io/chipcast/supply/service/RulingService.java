package io.chipcast.supply.service;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.RulingAction;
import io.chipcast.platform.idempotency.EventBodies;
import io.chipcast.platform.idempotency.WriteResult;
import io.chipcast.platform.outbox.Outbox;
import io.chipcast.platform.service.NotFoundException;
import io.chipcast.platform.service.RuleViolationException;
import io.chipcast.supply.repository.RulingEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Export-control rulings. A RESTRICT cuts SKUs off from destinations; a LIFT ends a RESTRICT that
 * exists. Posting a ruling id again amends it, keeping its action.
 */
@ApplicationScoped
public class RulingService {

    private final Outbox outbox;

    @Inject
    public RulingService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Runs inside the caller's transaction. */
    public Uni<WriteResult> issue(Ruling ruling) {
        return outbox.lockKey(Topics.RULINGS, ruling.rulingId())
                .chain(() -> ruling.action() == RulingAction.LIFT ? requireRestriction(ruling.lifts()) : Uni.createFrom().voidItem())
                .chain(() -> RulingEntity.<RulingEntity>findById(ruling.rulingId()))
                .chain(existing -> {
                    if (existing != null && existing.action != ruling.action()) {
                        throw new RuleViolationException("action", "ruling " + ruling.rulingId() + " is a "
                                + existing.action + "; an amendment keeps its action (issue a new ruling instead)");
                    }
                    RulingEntity entity = existing == null ? new RulingEntity() : existing;
                    return outbox.append(Topics.RULINGS, ruling).call(event -> {
                        entity.apply(ruling, UUID.fromString(event.id()), Instant.now());
                        return entity.persist();
                    }).map(event -> new WriteResult(existing == null ? 201 : 200, EventBodies.json(ruling, event), List.of(event)));
                });
    }

    private static Uni<Void> requireRestriction(String rulingId) {
        return RulingEntity.<RulingEntity>findById(rulingId).invoke(lifted -> {
            if (lifted == null || lifted.action != RulingAction.RESTRICT) {
                throw new RuleViolationException("lifts", "names no RESTRICT ruling: " + rulingId);
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<List<Ruling>> list(String after, int count) {
        return RulingEntity.inEffectOrder(after, count).map(rulings -> rulings.stream().map(RulingEntity::toPayload).toList());
    }

    @WithSession
    public Uni<Ruling> get(String rulingId) {
        return RulingEntity.<RulingEntity>findById(rulingId)
                .onItem().ifNull().failWith(() -> new NotFoundException("no ruling " + rulingId))
                .map(RulingEntity::toPayload);
    }
}
