package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every price change received, per SKU and market, answering SPEC section 4's {@code price(S, M, T)}. */
final class PriceBook {

    private final Map<String, TreeMap<Instant, BigDecimal>> pricesBySkuAndMarket = new HashMap<>();

    /**
     * Records a change. Of two changes with the same {@code effectiveAt} the one received last
     * wins, so applying in arrival order is applying by the rule.
     *
     * @return whether any price in effect at any instant changed
     */
    boolean apply(PriceChange change) {
        BigDecimal previous = pricesBySkuAndMarket.computeIfAbsent(key(change.sku(), change.market()), k -> new TreeMap<>())
                .put(change.effectiveAt(), change.unitPrice());
        return previous == null || previous.compareTo(change.unitPrice()) != 0;
    }

    /** The price of the change with the greatest {@code effectiveAt} at or before {@code at}; empty when there is none. */
    Optional<BigDecimal> price(String sku, Market market, Instant at) {
        TreeMap<Instant, BigDecimal> prices = pricesBySkuAndMarket.get(key(sku, market));
        if (prices == null) {
            return Optional.empty();
        }
        Map.Entry<Instant, BigDecimal> inEffect = prices.floorEntry(at);
        return inEffect == null ? Optional.empty() : Optional.of(inEffect.getValue());
    }

    PriceBook copy() {
        PriceBook copy = new PriceBook();
        pricesBySkuAndMarket.forEach((key, prices) -> copy.pricesBySkuAndMarket.put(key, new TreeMap<>(prices)));
        return copy;
    }

    private static String key(String sku, Market market) {
        return sku + '\u0000' + market;
    }
}
