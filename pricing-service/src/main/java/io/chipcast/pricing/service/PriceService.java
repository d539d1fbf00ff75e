package io.chipcast.pricing.service;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Violation;
import io.chipcast.platform.idempotency.EventBodies;
import io.chipcast.platform.idempotency.WriteResult;
import io.chipcast.platform.outbox.Outbox;
import io.chipcast.platform.service.NotFoundException;
import io.chipcast.pricing.repository.PriceChangeEntity;
import io.chipcast.pricing.repository.SkuEntity;
import io.smallrye.mutiny.Multi;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Price changes: stored as history, published to {@code chip.prices}; the price in effect at any instant. */
@ApplicationScoped
public class PriceService {

    private final Outbox outbox;

    @Inject
    public PriceService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Accepts one price change or a bulk of them, all or nothing, inside the caller's transaction.
     * Every SKU must be in the catalog.
     *
     * @param bulk whether the request was an array: its answer is then an array, and problems name item indexes
     */
    public Uni<WriteResult> accept(List<PriceChange> changes, boolean bulk) {
        Set<String> skus = new TreeSet<>();
        changes.forEach(change -> skus.add(change.sku()));
        return outbox.lockKeys(Topics.PRICES, skus)
                .chain(() -> SkuEntity.<SkuEntity>list("sku in ?1", skus))
                .invoke(known -> requireInCatalog(changes, known, bulk))
                .chain(() -> {
                    Instant receivedAt = Instant.now();
                    return Multi.createFrom().iterable(changes)
                            .onItem().transformToUniAndConcatenate(change -> outbox.append(Topics.PRICES, change)
                                    .call(event -> PriceChangeEntity.of(change, UUID.fromString(event.id()), receivedAt).persist()))
                            .collect().asList();
                })
                .map(events -> new WriteResult(201, bulk
                        ? EventBodies.jsonArray(changes, events)
                        : EventBodies.json(changes.get(0), events.get(0)), events));
    }

    private static void requireInCatalog(List<PriceChange> changes, List<SkuEntity> known, boolean bulk) {
        Set<String> catalog = new HashSet<>();
        known.forEach(sku -> catalog.add(sku.sku));
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!catalog.contains(changes.get(i).sku())) {
                Violation violation = new Violation("sku", "is not in the catalog: " + changes.get(i).sku());
                unknown.add(bulk ? violation.under("[" + i + "]") : violation);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidPayloadException(unknown);
        }
    }

    @WithSession
    public Uni<PricedChange> inEffect(String sku, Market market, Instant asOf) {
        return PriceChangeEntity.inEffect(sku, market, asOf)
                .onItem().ifNull().failWith(() -> new NotFoundException(
                        "no " + market + " price of " + sku + " is in effect at " + asOf))
                .map(PricedChange::of);
    }

    @WithSession
    public Uni<List<PricedChange>> history(String sku, Market market, UUID after, int count) {
        return PriceChangeEntity.history(sku, market, after, count).map(changes -> changes.stream().map(PricedChange::of).toList());
    }

    /** A price change as stored: the payload, the event that published it and when it arrived. */
    public record PricedChange(String sku, Market market, String currency, BigDecimal unitPrice,
            Instant effectiveAt, String source, String note, String eventId, Instant receivedAt) {

        static PricedChange of(PriceChangeEntity entity) {
            return new PricedChange(entity.sku, entity.market, entity.currency, entity.unitPrice, entity.effectiveAt,
                    entity.source, entity.note, entity.eventId.toString(), entity.receivedAt);
        }
    }
}
