package io.chipcast.forecast.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipcast.contracts.EventTypes;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.validation.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A scenario file (format of scenarios/seed-story.json) as the events a forecast engine consumes, in arrival order. */
record Scenario(List<Event> events) {

    static final Path SEED_STORY = Path.of("..", "scenarios", "seed-story.json");
    static final Path SEED_STORY_EXPECTED = Path.of("..", "scenarios", "seed-story.expected.json");

    /** One event: its topic (by its ce_type), its payload and a fresh ce_id. */
    record Event(String eventType, Validated payload, Cause cause) {

        ForecastEngine.Outcome applyTo(ForecastEngine engine) {
            if (payload instanceof CatalogEntry entry) {
                return engine.onCatalog(entry, cause);
            } else if (payload instanceof PriceChange change) {
                return engine.onPrice(change, cause);
            } else if (payload instanceof Ruling ruling) {
                return engine.onRuling(ruling, cause);
            } else if (payload instanceof ShipmentEvent shipment) {
                return engine.onShipment(shipment, cause);
            } else if (payload instanceof DemandPlan plan) {
                return engine.onPlan(plan, cause);
            }
            throw new IllegalArgumentException("not an input of the engine: " + payload);
        }
    }

    static Scenario read(Path file) throws IOException {
        JsonNode root = Json.mapper().readTree(Files.readAllBytes(file));
        List<Event> events = new ArrayList<>();
        root.get("catalog").forEach(entry -> events.add(event(EventTypes.CATALOG_UPDATED, Json.bind(entry, CatalogEntry.class))));
        for (JsonNode node : root.get("events")) {
            ObjectNode fields = ((ObjectNode) node).deepCopy();
            String kind = fields.remove("kind").asText();
            events.add(switch (kind) {
                case "catalog" -> event(EventTypes.CATALOG_UPDATED, Json.bind(fields, CatalogEntry.class));
                case "price" -> event(EventTypes.PRICE_CHANGED, Json.bind(fields, PriceChange.class));
                case "ruling" -> event(EventTypes.RULING_ISSUED, Json.bind(fields, Ruling.class));
                case "shipment" -> event(EventTypes.SHIPMENT_UPDATED, Json.bind(fields, ShipmentEvent.class));
                case "plan" -> event(EventTypes.PLAN_UPDATED, Json.bind(fields, DemandPlan.class));
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            });
        }
        return new Scenario(events);
    }

    private static Event event(String type, Validated payload) {
        return new Event(type, payload.validated(), new Cause(UUID.randomUUID().toString(), type));
    }

    void applyTo(ForecastEngine engine) {
        events.forEach(event -> event.applyTo(engine));
    }
}
