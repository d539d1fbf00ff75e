package io.chipcast.contracts.api;

import io.chipcast.contracts.payload.LineStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Every customer's current projection the caller may read, summed up ({@code GET /api/v1/portfolio}).
 * A plan line counts under its own SKU, the customer's destination country and its status; the
 * units a line buys count under the SKU bought (its substitute, when it has one).
 *
 * @param customers     customers with a projection
 * @param projectedCost the sum of their {@code projectedCost}
 * @param blockedValue  the sum of their {@code blockedValue}
 * @param bySku         per planned or bought SKU, highest cost first
 * @param byCountry     per destination country, highest blocked value first, then highest cost
 * @param byStatus      per line status, in the order of {@link LineStatus}
 * @param atRisk        the customers with the highest blocked value (none blocked: empty)
 * @param costChanges   the customers whose projected cost moved most since {@code ?since=}; absent without it
 * @param reflects      how fresh the figures are: the positions of the customer topics they include
 */
public record Portfolio(long customers, BigDecimal projectedCost, BigDecimal blockedValue, List<SkuFigures> bySku,
        List<CountryFigures> byCountry, List<StatusFigures> byStatus, List<AtRiskCustomer> atRisk, CostChanges costChanges,
        Reflects reflects) {

    /**
     * @param boughtUnits units left to buy of this SKU, for its own lines and as a substitute for others'
     * @param cost        the {@code lineCost} of lines planned with this SKU
     */
    public record SkuFigures(String sku, long lines, long quantity, long securedQty, long boughtUnits, BigDecimal cost,
            long blockedQty, BigDecimal atRiskValue) {
    }

    public record CountryFigures(String country, long customers, BigDecimal cost, BigDecimal blockedValue) {
    }

    public record StatusFigures(LineStatus status, long lines, long quantity, BigDecimal cost) {
    }

    public record AtRiskCustomer(String customerId, BigDecimal blockedValue, BigDecimal projectedCost) {
    }

    /**
     * @param since     the start of the window (inclusive of what was projected after it)
     * @param customers by the size of their change, largest first; a customer first projected
     *                  within the window has no {@code previousCost} and changed by its whole cost
     */
    public record CostChanges(Instant since, List<CostChange> customers) {
    }

    public record CostChange(String customerId, BigDecimal previousCost, BigDecimal projectedCost, BigDecimal change) {
    }

    /**
     * @param positions          per partition of the customer topics, the next offset to apply: every
     *                           event before it is in these figures, none after it
     * @param latestComputedAt   when the newest projection included was computed (none yet: absent)
     */
    public record Reflects(List<Position> positions, Instant latestComputedAt) {
    }

    public record Position(String topic, int partition, long nextOffset) {
    }
}
