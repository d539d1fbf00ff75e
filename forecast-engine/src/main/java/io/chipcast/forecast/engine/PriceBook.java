package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every price change received, per SKU and market, answering SPEC section 4's {@code price(S, M, T)}. */
final class PriceBook {

    /**
     * Per SKU, per market. Nested rather than keyed by a string of both: a projection looks up two
     * prices per line, and building a key each time was ~9 % of a fan-out's allocation (JFR).
     */
    private final Map<String, Map<Market, TreeMap<Instant, BigDecimal>>> pricesBySkuAndMarket = new HashMap<>();

    /**
     * Records a change. Of two changes with the same {@code effectiveAt} the one received last
     * wins, so applying in arrival order is applying by the rule.
     *
     * @return whether any price in effect at any instant changed
     */
    boolean apply(PriceChange change) {
        BigDecimal previous = pricesBySkuAndMarket.computeIfAbsent(change.sku(), sku -> new EnumMap<>(Market.class))
                .computeIfAbsent(change.market(), market -> new TreeMap<>())
                .put(change.effectiveAt(), change.unitPrice());
        return previous == null || previous.compareTo(change.unitPrice()) != 0;
    }

    /** The price of the change with the greatest {@code effectiveAt} at or before {@code at}; empty when there is none. */
    Optional<BigDecimal> price(String sku, Market market, Instant at) {
        Map<Market, TreeMap<Instant, BigDecimal>> markets = pricesBySkuAndMarket.get(sku);
        TreeMap<Instant, BigDecimal> prices = markets == null ? null : markets.get(market);
        if (prices == null) {
            return Optional.empty();
        }
        Map.Entry<Instant, BigDecimal> inEffect = prices.floorEntry(at);
        return inEffect == null ? Optional.empty() : Optional.of(inEffect.getValue());
    }

    PriceBook copy() {
        PriceBook copy = new PriceBook();
        pricesBySkuAndMarket.forEach((sku, markets) -> {
            Map<Market, TreeMap<Instant, BigDecimal>> copied = new EnumMap<>(Market.class);
            markets.forEach((market, prices) -> copied.put(market, new TreeMap<>(prices)));
            copy.pricesBySkuAndMarket.put(sku, copied);
        });
        return copy;
    }
}
