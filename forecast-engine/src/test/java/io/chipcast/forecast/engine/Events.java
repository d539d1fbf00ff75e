package io.chipcast.forecast.engine;

import io.chipcast.contracts.EventTypes;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PlanLine;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.RulingAction;
import io.chipcast.contracts.payload.RulingScope;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.payload.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Terse builders of the engine's input events for the rule tests; every payload is validated as a consumer would. */
final class Events {

    static final String US = "US";
    static final String CN = "CN";

    private Events() {
    }

    static ForecastEngine engine() {
        return new ForecastEngine(BigDecimal.ONE, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    static Cause cause(String type) {
        return new Cause(UUID.randomUUID().toString(), type);
    }

    static ForecastEngine.Outcome catalog(ForecastEngine engine, String sku, String tpp, String density) {
        return engine.onCatalog(new CatalogEntry(sku, "NVIDIA", "Hopper", new BigDecimal(tpp), new BigDecimal(density), 80)
                .validated(), cause(EventTypes.CATALOG_UPDATED));
    }

    static ForecastEngine.Outcome price(ForecastEngine engine, String sku, Market market, String price, String effectiveAt) {
        return engine.onPrice(new PriceChange(sku, market, "USD", new BigDecimal(price), instant(effectiveAt), "test", null)
                .validated(), cause(EventTypes.PRICE_CHANGED));
    }

    static ForecastEngine.Outcome restrict(ForecastEngine engine, String rulingId, String effectiveAt, List<String> skus,
            String minTpp, String minDensity, String... destinations) {
        return engine.onRuling(new Ruling(rulingId, "US-BIS", null, RulingAction.RESTRICT, instant(effectiveAt),
                List.of(destinations), new RulingScope(skus, minTpp == null ? null : new BigDecimal(minTpp),
                        minDensity == null ? null : new BigDecimal(minDensity)), null).validated(),
                cause(EventTypes.RULING_ISSUED));
    }

    static ForecastEngine.Outcome lift(ForecastEngine engine, String rulingId, String lifted, String effectiveAt) {
        return engine.onRuling(new Ruling(rulingId, "US-BIS", null, RulingAction.LIFT, instant(effectiveAt), List.of(),
                null, lifted).validated(), cause(EventTypes.RULING_ISSUED));
    }

    static ForecastEngine.Outcome shipment(ForecastEngine engine, String shipmentId, String customer, String sku,
            long quantity, String unitPrice, ShipmentStatus status, String eta, String occurredAt) {
        return engine.onShipment(new ShipmentEvent(shipmentId, customer, sku, quantity, new BigDecimal(unitPrice), status,
                LocalDate.parse(eta), instant(occurredAt)).validated(), cause(EventTypes.SHIPMENT_UPDATED));
    }

    static ForecastEngine.Outcome plan(ForecastEngine engine, String customer, String country, long version, PlanLine... lines) {
        return engine.onPlan(new DemandPlan(customer, customer, country, version, List.of(lines)).validated(),
                cause(EventTypes.PLAN_UPDATED));
    }

    static PlanLine line(String lineId, String sku, long quantity, String needBy, String... substitutes) {
        return new PlanLine(lineId, sku, quantity, LocalDate.parse(needBy), List.of(substitutes));
    }

    static Instant instant(String text) {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    }
}
