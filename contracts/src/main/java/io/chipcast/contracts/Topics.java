package io.chipcast.contracts;

import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.ShipmentEvent;
import java.util.List;
import java.util.Optional;

/** The registry of SPEC section 2: every topic of chipcast, typed. */
public final class Topics {

    public static final Topic<String, CatalogEntry> CATALOG = new Topic<>(
            "chip.catalog", String.class, CatalogEntry.class,
            EventTypes.CATALOG_UPDATED, Retention.COMPACTED, CatalogEntry::sku, "sku", "pricing-service");

    public static final Topic<String, PriceChange> PRICES = new Topic<>(
            "chip.prices", String.class, PriceChange.class,
            EventTypes.PRICE_CHANGED, Retention.FULL_HISTORY, PriceChange::sku, "sku", "pricing-service");

    public static final Topic<String, Ruling> RULINGS = new Topic<>(
            "export.rulings", String.class, Ruling.class,
            EventTypes.RULING_ISSUED, Retention.FULL_HISTORY, Ruling::rulingId, "rulingId", "supply-service");

    public static final Topic<String, ShipmentEvent> SHIPMENTS = new Topic<>(
            "supply.shipments", String.class, ShipmentEvent.class,
            EventTypes.SHIPMENT_UPDATED, Retention.FULL_HISTORY, ShipmentEvent::customerId, "customerId", "supply-service");

    public static final Topic<String, DemandPlan> DEMAND_PLANS = new Topic<>(
            "customer.demand-plans", String.class, DemandPlan.class,
            EventTypes.PLAN_UPDATED, Retention.COMPACTED, DemandPlan::customerId, "customerId", "gateway");

    public static final Topic<String, Projection> PROJECTIONS = new Topic<>(
            "forecast.projections", String.class, Projection.class,
            EventTypes.PROJECTION_UPDATED, Retention.TIME_LIMITED, Projection::customerId, "customerId", "forecast-service");

    public static final Topic<String, Alert> ALERTS = new Topic<>(
            "forecast.alerts", String.class, Alert.class,
            EventTypes.ALERT_RAISED, Retention.TIME_LIMITED, Alert::customerId, "customerId", "forecast-service");

    public static final List<Topic<String, ?>> ALL =
            List.of(CATALOG, PRICES, RULINGS, SHIPMENTS, DEMAND_PLANS, PROJECTIONS, ALERTS);

    private Topics() {
    }

    public static Optional<Topic<String, ?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    public static Optional<Topic<String, ?>> byEventType(String eventType) {
        return ALL.stream().filter(topic -> topic.eventType().equals(eventType)).findFirst();
    }
}
