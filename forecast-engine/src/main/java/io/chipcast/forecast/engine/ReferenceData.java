package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Ruling;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What every customer's projection reads: the catalog, the prices and the rulings. */
public final class ReferenceData {

    private final Map<String, CatalogEntry> catalog;
    private final PriceBook prices;
    private final RulingBook rulings;

    public ReferenceData() {
        this(new HashMap<>(), new PriceBook(), new RulingBook());
    }

    private ReferenceData(Map<String, CatalogEntry> catalog, PriceBook prices, RulingBook rulings) {
        this.catalog = catalog;
        this.prices = prices;
        this.rulings = rulings;
    }

    /** An independent copy: what-if changes applied to it leave this one as it is. */
    public ReferenceData copy() {
        return new ReferenceData(new HashMap<>(catalog), prices.copy(), rulings.copy());
    }

    /** @return whether the entry differs from the one it replaces */
    boolean apply(CatalogEntry entry) {
        return !entry.equals(catalog.put(entry.sku(), entry));
    }

    /** @return whether a price in effect at some instant changed */
    boolean apply(PriceChange change) {
        return prices.apply(change);
    }

    /** @return the destinations whose customers the ruling can affect */
    Set<String> apply(Ruling ruling) {
        return rulings.apply(ruling);
    }

    public Optional<CatalogEntry> catalogEntry(String sku) {
        return Optional.ofNullable(catalog.get(sku));
    }

    public Optional<BigDecimal> price(String sku, Market market, Instant at) {
        return prices.price(sku, market, at);
    }

    /** SPEC section 4's {@code restricted(S, K, T)}. */
    public boolean restricted(String sku, String country, Instant at) {
        return rulings.restricted(sku, catalog.get(sku), country, at);
    }
}
