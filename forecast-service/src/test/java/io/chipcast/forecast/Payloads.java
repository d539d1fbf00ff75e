package io.chipcast.forecast;

import io.chipcast.contracts.payload.CatalogEntry;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payloads the forecast tests publish, with names unique to each test so that tests sharing the broker never meet. */
public final class Payloads {

    private Payloads() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static DemandPlan plan(String customer, String country, long version, String sku, long quantity, String... substitutes) {
        return new DemandPlan(customer, customer, country, version,
                List.of(new PlanLine("L1", sku, quantity, LocalDate.parse("2024-06-30"), List.of(substitutes))));
    }

    public static PriceChange listPrice(String sku, String price) {
        return new PriceChange(sku, Market.LIST, "USD", new BigDecimal(price), Instant.parse("2024-01-01T00:00:00Z"), "test", null);
    }

    public static CatalogEntry catalog(String sku, String tpp) {
        return new CatalogEntry(sku, "NVIDIA", "Hopper", new BigDecimal(tpp), BigDecimal.TEN, 80);
    }

    public static Ruling restrict(String rulingId, String sku, String country) {
        return new Ruling(rulingId, "US-BIS", null, RulingAction.RESTRICT, Instant.parse("2024-01-01T00:00:00Z"),
                List.of(country), new RulingScope(List.of(sku), null, null), null);
    }

    public static ShipmentEvent delivered(String shipmentId, String customer, String sku, long quantity, String unitPrice) {
        return new ShipmentEvent(shipmentId, customer, sku, quantity, new BigDecimal(unitPrice), ShipmentStatus.DELIVERED,
                LocalDate.parse("2024-03-01"), Instant.parse("2024-03-01T00:00:00Z"));
    }
}
