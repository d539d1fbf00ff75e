package io.chipcast.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.RulingAction;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.payload.ShipmentStatus;
import io.chipcast.contracts.validation.Validated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import io.chipcast.contracts.testing.SpecExamples;
import org.junit.jupiter.api.Test;

/** The example payloads of SPEC section 3, verbatim: each parses, validates and writes back to the same JSON. */
class SpecExamplesRoundTripTest {

    @Test
    void catalogEntry() {
        CatalogEntry entry = roundTrip(SpecExamples.CATALOG_ENTRY, CatalogEntry.class);
        assertThat(entry).isEqualTo(new CatalogEntry("H100-SXM5-80G", "NVIDIA", "Hopper",
                new BigDecimal("15832"), new BigDecimal("19.4"), 80));
    }

    @Test
    void priceChange() {
        PriceChange change = roundTrip(SpecExamples.PRICE_CHANGE, PriceChange.class);
        assertThat(change.market()).isEqualTo(Market.LIST);
        assertThat(change.unitPrice()).isEqualByComparingTo("27500");
        assertThat(change.effectiveAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void ruling() {
        Ruling ruling = roundTrip(SpecExamples.RULING, Ruling.class);
        assertThat(ruling.action()).isEqualTo(RulingAction.RESTRICT);
        assertThat(ruling.destinations()).containsExactly("CN", "MO");
        assertThat(ruling.scope().skus()).containsExactly("A800-80G", "H800-80G");
        assertThat(ruling.scope().minTpp()).isEqualByComparingTo("4800");
        assertThat(ruling.scope().minPerformanceDensity()).isNull();
        assertThat(ruling.lifts()).isNull();
    }

    @Test
    void shipmentEvent() {
        ShipmentEvent event = roundTrip(SpecExamples.SHIPMENT_EVENT, ShipmentEvent.class);
        assertThat(event.status()).isEqualTo(ShipmentStatus.ALLOCATED);
        assertThat(event.quantity()).isEqualTo(2000L);
        assertThat(event.eta()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void demandPlan() {
        DemandPlan plan = roundTrip(SpecExamples.DEMAND_PLAN, DemandPlan.class);
        assertThat(plan.version()).isEqualTo(3L);
        assertThat(plan.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineId()).isEqualTo("L1");
            assertThat(line.needBy()).isEqualTo(LocalDate.of(2024, 6, 30));
            assertThat(line.substitutes()).containsExactly("H20-96G");
        });
    }

    @Test
    void projection() {
        Cause cause = new Cause("7b1c6a52-3f4e-4a8e-9c52-1d1f5f0e2a10", "io.chipcast.price.changed.v1");
        Projection projection = new Projection("frontier-lab-us", 1L, new BigDecimal("688000000.00"),
                new BigDecimal("0.00"), List.of(new ProjectionLine("F1", "H100-SXM5-80G", 20000L,
                        LocalDate.of(2024, 3, 31), LineStatus.DELAYED, 8000L, 12000L, 12000L, "H100-SXM5-80G",
                        12000L, new BigDecimal("27500.00"), new BigDecimal("40000.00"),
                        new BigDecimal("688000000.00"), 0L, new BigDecimal("0.00"))),
                4L, Instant.parse("2024-02-01T10:15:30.123456Z"), cause);

        assertThat(roundTrip(Json.writeString(projection), Projection.class)).isEqualTo(projection);
    }

    @Test
    void alert() {
        Alert alert = new Alert("c0a8-1", "cloud-cn", AlertType.LINE_BLOCKED, Severity.CRITICAL,
                "Line C2 (A800-SXM4-80G) is blocked by export controls", "C2", new BigDecimal("868249000.00"),
                new BigDecimal("812249000.00"), new Cause("e1", "io.chipcast.ruling.issued.v1"),
                Instant.parse("2023-10-17T00:00:00Z"));

        assertThat(roundTrip(Json.writeString(alert), Alert.class)).isEqualTo(alert);
    }

    @Test
    void moneyKeepsItsDecimalsOnTheWire() {
        PriceChange change = Json.read(SpecExamples.PRICE_CHANGE, PriceChange.class);
        assertThat(Json.writeString(change)).contains("\"unitPrice\":27500.00");
        // Through a JSON tree too, as services build their responses: no 2.75E+4.
        assertThat(Json.writeString(Json.mapper().valueToTree(change))).contains("\"unitPrice\":27500.00");
        Ruling ruling = Json.read(SpecExamples.RULING, Ruling.class);
        assertThat(Json.writeString(Json.mapper().valueToTree(ruling))).contains("\"minTpp\":4800");
    }

    /** Parses and validates, writes, and checks that the JSON written is the JSON read, field for field. */
    private static <T extends Validated> T roundTrip(String json, Class<T> type) {
        T value = Json.read(json, type);
        assertThat(value.violations()).isEmpty();
        String written = Json.writeString(value);
        assertThat(tree(written)).isEqualTo(tree(json));
        assertThat(Json.read(written, type)).isEqualTo(value);
        return value;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
