package io.chipcast.pricing.service;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.platform.idempotency.EventBodies;
import io.chipcast.platform.idempotency.WriteResult;
import io.chipcast.platform.outbox.Outbox;
import io.chipcast.platform.service.NotFoundException;
import io.chipcast.pricing.repository.SkuEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** The SKU catalog: a put creates or replaces an entry and publishes it to {@code chip.catalog}. */
@ApplicationScoped
public class CatalogService {

    private final Outbox outbox;

    @Inject
    public CatalogService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Runs inside the caller's transaction. */
    public Uni<WriteResult> put(CatalogEntry entry) {
        return outbox.lockKey(Topics.CATALOG, entry.sku())
                .chain(() -> SkuEntity.<SkuEntity>findById(entry.sku()))
                .chain(existing -> {
                    boolean created = existing == null;
                    SkuEntity sku = created ? new SkuEntity() : existing;
                    sku.apply(entry, Instant.now());
                    return sku.<SkuEntity>persist()
                            .chain(() -> outbox.append(Topics.CATALOG, entry))
                            .map(event -> new WriteResult(created ? 201 : 200, EventBodies.json(entry, event), List.of(event)));
                });
    }

    @WithSession
    public Uni<List<CatalogEntry>> list(String after, int count) {
        return SkuEntity.bySku(after, count).map(skus -> skus.stream().map(SkuEntity::toEntry).toList());
    }

    @WithSession
    public Uni<CatalogEntry> get(String sku) {
        return SkuEntity.<SkuEntity>findById(sku)
                .onItem().ifNull().failWith(() -> new NotFoundException("no SKU " + sku + " in the catalog"))
                .map(SkuEntity::toEntry);
    }
}
