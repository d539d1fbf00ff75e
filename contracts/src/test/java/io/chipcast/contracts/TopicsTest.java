package io.chipcast.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.ShipmentEvent;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry is SPEC section 2, to the letter. */
class TopicsTest {

    @Test
    void namesAndEventTypesAreThoseOfTheSpec() {
        Map<String, String> eventTypeByTopic = Topics.ALL.stream()
                .collect(Collectors.toMap(Topic::name, Topic::eventType));

        assertThat(eventTypeByTopic).containsExactlyInAnyOrderEntriesOf(Map.of(
                "chip.catalog", "io.chipcast.catalog.updated.v1",
                "chip.prices", "io.chipcast.price.changed.v1",
                "export.rulings", "io.chipcast.ruling.issued.v1",
                "supply.shipments", "io.chipcast.shipment.updated.v1",
                "customer.demand-plans", "io.chipcast.plan.updated.v1",
                "forecast.projections", "io.chipcast.projection.updated.v1",
                "forecast.alerts", "io.chipcast.alert.raised.v1"));
    }

    @Test
    void onlyCatalogAndDemandPlansAreCompactedAndTheFeedsKeepFullHistory() {
        assertThat(Topics.ALL.stream().filter(Topic::compacted).map(Topic::name))
                .containsExactlyInAnyOrder("chip.catalog", "customer.demand-plans");
        assertThat(Topics.ALL.stream().filter(t -> t.retention() == Retention.FULL_HISTORY).map(Topic::name))
                .containsExactlyInAnyOrder("chip.prices", "export.rulings", "supply.shipments");
    }

    @Test
    void eachTopicHasItsDeadLetterTopic() {
        assertThat(Topics.PRICES.deadLetterTopic()).isEqualTo("chip.prices.dlq");
        assertThat(Topics.byName("supply.shipments")).contains(Topics.SHIPMENTS);
        assertThat(Topics.byEventType("io.chipcast.plan.updated.v1")).contains(Topics.DEMAND_PLANS);
        assertThat(Topics.byName("chip.prices.dlq")).isEmpty();
    }

    @Test
    void shipmentsAreKeyedByCustomer() {
        ShipmentEvent event = Json.read("""
                {"shipmentId":"SHP-1","customerId":"acme-ai","sku":"H100-SXM5-80G","quantity":1,
                 "unitPrice":1.00,"status":"SHIPPED","eta":"2024-03-01","occurredAt":"2024-01-10T09:00:00Z"}""",
                ShipmentEvent.class);

        assertThat(Topics.SHIPMENTS.keyOf(event)).isEqualTo("acme-ai");
    }
}
