package io.chipcast.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.testing.SpecExamples;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Validated;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of SPEC section 3, broken once: each payload is rejected and the field is named. */
class InvalidPayloadsTest {

    static Stream<Arguments> invalidPayloads() {
        String catalog = SpecExamples.CATALOG_ENTRY;
        String price = SpecExamples.PRICE_CHANGE;
        String ruling = SpecExamples.RULING;
        String shipment = SpecExamples.SHIPMENT_EVENT;
        String plan = SpecExamples.DEMAND_PLAN;
        return Stream.of(
                // the document as a whole
                bad(PriceChange.class, "", "$", "JSON object is required"),
                bad(PriceChange.class, "null", "$", "JSON object is required"),
                bad(PriceChange.class, "{\"sku\":", "$", "not well-formed JSON"),
                bad(PriceChange.class, price + " {}", "$", ""),
                bad(PriceChange.class, price.replace("\"note\"", "\"sku\":\"X\",\"note\""), "$", "Duplicate field"),
                // catalog
                bad(CatalogEntry.class, catalog.replace("\"H100-SXM5-80G\"", "\"H100 SXM5\""), "sku", "1-64 characters"),
                bad(CatalogEntry.class, catalog.replace("\"H100-SXM5-80G\"", "\"" + "X".repeat(65) + "\""), "sku", "1-64"),
                bad(CatalogEntry.class, catalog.replace("15832", "0"), "tpp", "greater than 0"),
                bad(CatalogEntry.class, catalog.replace("19.4", "-1"), "performanceDensity", "0 or greater"),
                bad(CatalogEntry.class, catalog.replace("\"vendor\":\"NVIDIA\",", ""), "vendor", "required"),
                bad(CatalogEntry.class, catalog.replace("\"tpp\":15832", "\"tpp\":\"15832\""), "tpp", "must be a number"),
                bad(CatalogEntry.class, catalog.replace("\"memoryGb\":80", "\"memoryGb\":80,\"color\":\"green\""), "color", "not a known field"),
                bad(CatalogEntry.class, catalog.replace("\"memoryGb\":80", "\"memoryGb\":80.5"), "memoryGb", "whole number"),
                // price change
                bad(PriceChange.class, price.replace("27500.00", "0"), "unitPrice", "greater than 0"),
                bad(PriceChange.class, price.replace("27500.00", "-3"), "unitPrice", "greater than 0"),
                bad(PriceChange.class, price.replace("27500.00", "27500.001"), "unitPrice", "at most 2 decimals"),
                bad(PriceChange.class, price.replace("\"LIST\"", "\"RETAIL\""), "market", "one of LIST, SPOT"),
                bad(PriceChange.class, price.replace("\"USD\"", "\"EUR\""), "currency", "must be USD"),
                bad(PriceChange.class, price.replace("\"2024-01-01T00:00:00Z\"", "\"2024-01-01\""), "effectiveAt", "RFC 3339"),
                bad(PriceChange.class, price.replace("\"2024-01-01T00:00:00Z\"", "\"2024-02-30T00:00:00Z\""), "effectiveAt", "RFC 3339"),
                bad(PriceChange.class, price.replace("\"2024-01-01T00:00:00Z\"", "1704067200"), "effectiveAt", "RFC 3339"),
                bad(PriceChange.class, price.replace("\"2024-01-01T00:00:00Z\"", "null"), "effectiveAt", "required"),
                bad(PriceChange.class, price.replace("\"H100-SXM5-80G\"", "42"), "sku", "must be text"),
                // ruling
                bad(Ruling.class, ruling.replace("\"RESTRICT\"", "\"BAN\""), "action", "one of RESTRICT, LIFT"),
                bad(Ruling.class, ruling.replace("[\"CN\",\"MO\"]", "[]"), "destinations", "at least one destination"),
                bad(Ruling.class, ruling.replace("[\"CN\",\"MO\"]", "[\"CN\",\"XX\"]"), "destinations[1]", "ISO 3166-1"),
                bad(Ruling.class, ruling.replace("[\"CN\",\"MO\"]", "[\"CN\",\"CN\"]"), "destinations[1]", "duplicates"),
                bad(Ruling.class, ruling.replace("[\"A800-80G\",\"H800-80G\"]", "[]").replace("4800", "null"), "scope", "scope.skus or scope.minTpp"),
                bad(Ruling.class, ruling.replace("\"minTpp\":4800", "\"minTpp\":-1"), "scope.minTpp", "greater than 0"),
                bad(Ruling.class, ruling.replace("\"A800-80G\"", "\"A800 80G\""), "scope.skus[0]", "1-64 characters"),
                bad(Ruling.class, ruling.replace("\"lifts\":null", "\"lifts\":\"BIS-2022\""), "lifts", "only a LIFT"),
                bad(Ruling.class, ruling.replace("\"RESTRICT\"", "\"LIFT\""), "lifts", "required"),
                bad(Ruling.class, ruling.replace("\"RESTRICT\"", "\"LIFT\"").replace("\"lifts\":null", "\"lifts\":\"BIS-2023-10-17\""), "lifts", "cannot lift itself"),
                // shipment event
                bad(ShipmentEvent.class, shipment.replace("2000", "0"), "quantity", "greater than 0"),
                bad(ShipmentEvent.class, shipment.replace("\"quantity\":2000", "\"quantity\":2000.5"), "quantity", "whole number"),
                bad(ShipmentEvent.class, shipment.replace("\"ALLOCATED\"", "\"LOST\""), "status", "one of ALLOCATED"),
                bad(ShipmentEvent.class, shipment.replace("\"2024-03-01\"", "\"2024-13-01\""), "eta", "ISO date"),
                bad(ShipmentEvent.class, shipment.replace("\"2024-03-01\"", "\"01/03/2024\""), "eta", "ISO date"),
                bad(ShipmentEvent.class, shipment.replace("\"customerId\":\"acme-ai\",", ""), "customerId", "required"),
                // demand plan
                bad(DemandPlan.class, plan.replace("\"US\"", "\"USA\""), "country", "ISO 3166-1"),
                bad(DemandPlan.class, plan.replace("20000", "-5"), "lines[0].quantity", "greater than 0"),
                bad(DemandPlan.class, plan.replace("\"2024-06-30\"", "\"2024-06-31\""), "lines[0].needBy", "ISO date"),
                bad(DemandPlan.class, plan.replace("[\"H20-96G\"]", "[\"H100-SXM5-80G\"]"), "lines[0].substitutes[0]", "substitute for itself"),
                bad(DemandPlan.class, plan.replace("\"substitutes\"", "\"priority\":1,\"substitutes\""), "lines[0].priority", "not a known field"),
                bad(DemandPlan.class, plan.replace("}]}", "},{\"lineId\":\"L1\",\"sku\":\"A100\",\"quantity\":1,\"needBy\":\"2024-01-01\"}]}"), "lines[1].lineId", "duplicates lineId L1"),
                bad(DemandPlan.class, plan.replace("\"lines\":[", "\"lines\":{").replace("]}]}", "]}}"), "lines", "must be a list"),
                bad(DemandPlan.class, plan.replace("\"version\":3", "\"version\":0"), "version", "greater than 0"),
                // the bounds every publisher and consumer share (Limits)
                bad(PriceChange.class, price.replace("27500.00", "10000000000000000"), "unitPrice", "at most 9999999999999999.99"),
                bad(PriceChange.class, price.replace("27500.00", "1E+100000"), "unitPrice", "at most"),
                bad(ShipmentEvent.class, shipment.replace("26000.00", "1E+16"), "unitPrice", "at most"),
                bad(CatalogEntry.class, catalog.replace("15832", "1E+5000"), "tpp", "at most 10000000"),
                bad(CatalogEntry.class, catalog.replace("15832", "15832.001"), "tpp", "at most 2 decimals"),
                bad(CatalogEntry.class, catalog.replace("15832", "1E-5000"), "tpp", "at most 2 decimals"),
                bad(CatalogEntry.class, catalog.replace("19.4", "1E+100000"), "performanceDensity", "at most 1000000"),
                bad(CatalogEntry.class, catalog.replace("\"memoryGb\":80", "\"memoryGb\":2000000"), "memoryGb", "at most"),
                bad(Ruling.class, ruling.replace("\"minTpp\":4800", "\"minTpp\":1E+5000"), "scope.minTpp", "at most"),
                bad(CatalogEntry.class, catalog.replace("NVIDIA", "NVI\\u0000DIA"), "vendor", "control characters"),
                bad(CatalogEntry.class, catalog.replace("Hopper", "Hop\\nper"), "family", "control characters"),
                bad(PriceChange.class, price.replace("Q1 list", "Q1 \\ud800list"), "note", "printable"),
                bad(ShipmentEvent.class, shipment.replace("2000", "1000000001"), "quantity", "at most 1000000000"),
                bad(DemandPlan.class, plan.replace("20000", "1000000001"), "lines[0].quantity", "at most 1000000000"),
                bad(PriceChange.class, price.replace("2024-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"), "effectiveAt", "years 0001-9999"),
                bad(PriceChange.class, price.replace("2024-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z"), "effectiveAt", "years 0001-9999"),
                bad(PriceChange.class, price.replace("2024-01-01T00:00:00Z", "0000-12-31T23:59:59Z"), "effectiveAt", "years 0001-9999"),
                bad(PriceChange.class, price.replace("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123456789Z"), "effectiveAt", "6 fractional digits"),
                bad(ShipmentEvent.class, shipment.replace("2024-01-10T09:00:00Z", "2024-01-10T09:00:00.0000001Z"), "occurredAt", "6 fractional digits"),
                bad(ShipmentEvent.class, shipment.replace("\"2024-03-01\"", "\"+10000-03-01\""), "eta", "years 0001-9999"),
                bad(DemandPlan.class, plan.replace("2024-06-30", "0000-06-30"), "lines[0].needBy", "years 0001-9999"),
                bad(DemandPlan.class, plan.replace("[\"H20-96G\"]", substitutes(21)), "lines[0].substitutes", "at most 20 elements"),
                bad(Ruling.class, ruling.replace("[\"A800-80G\",\"H800-80G\"]", substitutes(1001)), "scope.skus", "at most 1000 elements"),
                bad(DemandPlan.class, plan.replace("\"lines\":[", "\"lines\":[" + extraLines(1000)), "lines", "at most 1000 elements"));
    }

    private static String substitutes(int count) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ",").append("\"S").append(i).append('"');
        }
        return list.append(']').toString();
    }

    private static String extraLines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("{\"lineId\":\"X").append(i).append("\",\"sku\":\"A100\",\"quantity\":1,\"needBy\":\"2024-01-01\"},");
        }
        return lines.toString();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalidPayloads")
    void isRejectedNamingTheField(Class<? extends Validated> type, String json, String field, String message) {
        InvalidPayloadException rejected = catchThrowableOfType(InvalidPayloadException.class, () -> Json.read(json, type));

        assertThat(rejected).as("rejected").isNotNull();
        assertThat(rejected.violations())
                .as("violations of %s", json)
                .anySatisfy(violation -> {
                    assertThat(violation.field()).isEqualTo(field);
                    assertThat(violation.message()).containsIgnoringCase(message);
                });
    }

    private static Arguments bad(Class<? extends Validated> type, String json, String field, String message) {
        return Arguments.of(type, json, field, message);
    }
}
