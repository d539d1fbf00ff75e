package io.chipcast.forecast.service;

import io.chipcast.contracts.api.WhatIf;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.forecast.engine.ForecastEngine;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.platform.service.NotFoundException;
import io.chipcast.platform.service.NotReadyException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** What forecast-service answers about a customer's projection: from the database, and what-if from the reference data in memory. */
@ApplicationScoped
public class ProjectionQueries {

    private final ForecastStore store;
    private final ReferenceSource reference;

    @Inject
    public ProjectionQueries(ForecastStore store, ReferenceSource reference) {
        this.store = store;
        this.reference = reference;
    }

    /** The customer's current projection, as stored and published. */
    public Uni<String> projectionJson(String customerId) {
        return store.projectionJson(customerId)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no projection of customer " + customerId + " yet")));
    }

    /** Up to {@code count} versions of the customer's projection after {@code afterVersion}, oldest first. */
    public Uni<List<ForecastStore.VersionJson>> history(String customerId, long afterVersion, int count) {
        return store.historyJson(customerId, afterVersion, count);
    }

    /** Up to {@code count} alerts as stored, in the order they were raised (see {@link ForecastStore#alerts}). */
    public Uni<List<ForecastStore.StoredAlert>> alerts(ForecastStore.AlertQuery query, int count) {
        return store.alerts(query, count);
    }

    /** The customer's projection under hypothetical price changes and rulings; nothing is stored or published. */
    public Uni<WhatIf> whatIf(String customerId, List<PriceChange> priceChanges, List<Ruling> rulings) {
        return store.customer(customerId)
                .map(found -> found.orElseThrow(() -> new NotFoundException("customer " + customerId + " has no plan")))
                .chain(customer -> Uni.createFrom().completionStage(reference.referenceSnapshot())
                        .onFailure().transform(e -> new NotReadyException("the forecast is starting; try again in a moment"))
                        .map(current -> ForecastEngine.whatIf(current, customer.plan(), customer.shipments(), priceChanges, rulings)));
    }
}
