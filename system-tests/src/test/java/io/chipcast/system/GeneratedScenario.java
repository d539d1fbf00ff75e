package io.chipcast.system;

import io.chipcast.contracts.Topics;
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
import io.chipcast.contracts.scenario.ScenarioFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded replay of the kind a platform team runs: the seed story's catalog, then customers' plans
 * and a stream of price changes, shipment events (new shipments and updates of earlier ones) and
 * rulings, every one of which may move projections. Every id — SKUs too — carries a prefix, and
 * rulings list their SKUs rather than a threshold, so that scenarios replayed into one stack never
 * move each other's projections.
 */
final class GeneratedScenario {

    private static final List<ShipmentStatus> STATUSES = List.of(ShipmentStatus.ALLOCATED, ShipmentStatus.SHIPPED,
            ShipmentStatus.DELIVERED, ShipmentStatus.DELAYED, ShipmentStatus.CANCELLED);

    private GeneratedScenario() {
    }

    static ScenarioFile of(String prefix, long seed, ScenarioFile story, int customers, int events) {
        Random random = new Random(seed);
        List<ScenarioFile.Event> timeline = new ArrayList<>();
        List<CatalogEntry> catalog = new ArrayList<>();
        for (ScenarioFile.Event event : story.events()) {
            if (event.payload() instanceof CatalogEntry entry) {
                CatalogEntry own = new CatalogEntry(prefix + "-" + entry.sku(), entry.vendor(), entry.family(), entry.tpp(),
                        entry.performanceDensity(), entry.memoryGb());
                catalog.add(own);
                timeline.add(new ScenarioFile.Event(event.where(), Topics.CATALOG, own));
            }
        }
        List<DemandPlan> plans = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            List<PlanLine> lines = new ArrayList<>();
            for (int l = 0, count = 1 + random.nextInt(3); l < count; l++) {
                String sku = pick(random, catalog).sku();
                String substitute = pick(random, catalog).sku();
                lines.add(new PlanLine("L" + l, sku, 100L + random.nextInt(10_000), date(random),
                        substitute.equals(sku) ? List.of() : List.of(substitute)));
            }
            DemandPlan plan = new DemandPlan(prefix + "-c" + c, "Customer " + c, random.nextInt(3) == 0 ? "CN" : "US", 1L, lines);
            plans.add(plan);
            timeline.add(new ScenarioFile.Event("plans[" + c + "]", Topics.DEMAND_PLANS, plan));
        }
        List<ShipmentEvent> shipments = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            String where = "events[" + e + "]";
            int dice = random.nextInt(100);
            if (dice < 45) {
                PriceChange price = new PriceChange(pick(random, catalog).sku(), random.nextBoolean() ? Market.LIST : Market.SPOT, "USD",
                        BigDecimal.valueOf(5_000 + random.nextInt(45_000)).setScale(2), instant(random), "replay", null);
                timeline.add(new ScenarioFile.Event(where, Topics.PRICES, price));
            } else if (dice < 95) {
                ShipmentEvent shipment = dice < 70 || shipments.isEmpty()
                        ? newShipment(prefix + "-s" + e, pick(random, plans), random)
                        : update(pick(random, shipments), random);
                shipments.add(shipment);
                timeline.add(new ScenarioFile.Event(where, Topics.SHIPMENTS, shipment));
            } else {
                List<String> skus = List.of(pick(random, catalog).sku(), pick(random, catalog).sku()).stream().distinct().toList();
                Ruling ruling = new Ruling(prefix + "-r" + e, "US-BIS", null, RulingAction.RESTRICT, instant(random), List.of("CN"),
                        new RulingScope(skus, null, null), null);
                timeline.add(new ScenarioFile.Event(where, Topics.RULINGS, ruling));
            }
        }
        return new ScenarioFile(prefix, timeline);
    }

    private static ShipmentEvent newShipment(String id, DemandPlan plan, Random random) {
        PlanLine line = pick(random, plan.lines());
        return new ShipmentEvent(id, plan.customerId(), line.sku(), 10L + random.nextInt(5_000),
                BigDecimal.valueOf(10_000 + random.nextInt(30_000)).setScale(2), pick(random, STATUSES), date(random),
                instant(random));
    }

    /** A later event of an earlier shipment: same customer and SKU, a new status or date. */
    private static ShipmentEvent update(ShipmentEvent earlier, Random random) {
        return new ShipmentEvent(earlier.shipmentId(), earlier.customerId(), earlier.sku(), earlier.quantity(), earlier.unitPrice(),
                pick(random, STATUSES), date(random), earlier.occurredAt().plusSeconds(1 + random.nextInt(86_400)));
    }

    private static LocalDate date(Random random) {
        return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(8 * 365));
    }

    private static Instant instant(Random random) {
        return Instant.parse("2023-01-01T00:00:00Z").plusSeconds(random.nextInt(9 * 365) * 86_400L);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
