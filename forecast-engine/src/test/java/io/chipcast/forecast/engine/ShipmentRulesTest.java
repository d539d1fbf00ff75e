package io.chipcast.forecast.engine;

import static io.chipcast.contracts.payload.Market.LIST;
import static io.chipcast.contracts.payload.Market.SPOT;
import static io.chipcast.contracts.payload.ShipmentStatus.ALLOCATED;
import static io.chipcast.contracts.payload.ShipmentStatus.CANCELLED;
import static io.chipcast.contracts.payload.ShipmentStatus.DELAYED;
import static io.chipcast.contracts.payload.ShipmentStatus.DELIVERED;
import static io.chipcast.contracts.payload.ShipmentStatus.SHIPPED;
import static io.chipcast.forecast.engine.Events.CN;
import static io.chipcast.forecast.engine.Events.US;
import static io.chipcast.forecast.engine.Events.catalog;
import static io.chipcast.forecast.engine.Events.lift;
import static io.chipcast.forecast.engine.Events.line;
import static io.chipcast.forecast.engine.Events.plan;
import static io.chipcast.forecast.engine.Events.price;
import static io.chipcast.forecast.engine.Events.restrict;
import static io.chipcast.forecast.engine.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.ProjectionLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC section 4, rules 1-5: shipments allocated to lines; secured, late and spot-priced units. */
class ShipmentRulesTest extends EngineTestBase {

    @Test
    void shipmentsFillLinesOfTheirSkuEarliestEtaFirstAndEarliestNeedByFirst() {
        price(engine, "H100", LIST, "30000", "2023-01-01");
        shipment(engine, "S-B", "c", "H100", 60, "20000", ALLOCATED, "2024-02-01", "2024-01-01T00:00:00Z");
        shipment(engine, "S-A", "c", "H100", 50, "21000", ALLOCATED, "2024-01-01", "2024-01-01T00:00:00Z");
        plan(engine, "c", US, 1, line("second", "H100", 100, "2024-06-30"), line("first", "H100", 80, "2024-03-01"));

        // first: 50 of S-A then 30 of S-B; second: the other 30 of S-B, 70 left to buy.
        assertThat(projected("c", "first").securedQty()).isEqualTo(80);
        assertThat(projected("c", "first").lineCost()).isEqualByComparingTo(String.valueOf(50 * 21000 + 30 * 20000));
        assertThat(projected("c", "first").status()).isEqualTo(LineStatus.SECURED);
        assertThat(projected("c", "second").securedQty()).isEqualTo(30);
        assertThat(projected("c", "second").remainingQty()).isEqualTo(70);
        assertThat(projected("c", "second").lineCost()).isEqualByComparingTo(String.valueOf(30 * 20000 + 70 * 30000));
    }

    @Test
    void equalEtasAreAllocatedInShipmentIdOrder() {
        shipment(engine, "S-2", "c", "H100", 10, "2", ALLOCATED, "2024-01-01", "2024-01-01T00:00:00Z");
        shipment(engine, "S-1", "c", "H100", 10, "1", ALLOCATED, "2024-01-01", "2024-01-01T00:00:00Z");
        plan(engine, "c", US, 1, line("L", "H100", 10, "2024-06-30"));

        assertThat(projected("c", "L").lineCost()).isEqualByComparingTo("10");
    }

    @Test
    void cancelledShipmentsAreIgnoredAndAShipmentIsItsLatestEvent() {
        price(engine, "H100", LIST, "30000", "2023-01-01");
        plan(engine, "c", US, 1, line("L", "H100", 10, "2024-06-30"));
        shipment(engine, "S", "c", "H100", 10, "20000", ALLOCATED, "2024-01-01", "2024-01-01T00:00:00Z");
        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.SECURED);

        shipment(engine, "S", "c", "H100", 10, "20000", CANCELLED, "2024-01-01", "2024-02-01T00:00:00Z");
        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.OPEN);

        // An older event arriving late changes nothing.
        assertThat(shipment(engine, "S", "c", "H100", 10, "20000", SHIPPED, "2024-01-01", "2024-01-15T00:00:00Z")
                .projections()).isEmpty();
        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.OPEN);
    }

    @Test
    void lateUnitsAreBoughtAtSpotAndTheRestAtList() {
        price(engine, "H100", LIST, "27500", "2023-01-01");
        price(engine, "H100", SPOT, "40000", "2023-01-01");
        shipment(engine, "on-time", "c", "H100", 8, "26000", ALLOCATED, "2024-02-15", "2024-01-01T00:00:00Z");
        shipment(engine, "late", "c", "H100", 5, "26000", DELAYED, "2024-06-30", "2024-01-01T00:00:00Z");
        plan(engine, "c", US, 1, line("F", "H100", 20, "2024-03-31"));

        ProjectionLine f = projected("c", "F");
        assertThat(f.status()).isEqualTo(LineStatus.DELAYED);
        assertThat(f.securedQty()).isEqualTo(8);
        assertThat(f.delayedQty()).isEqualTo(5);
        assertThat(f.remainingQty()).isEqualTo(12);
        assertThat(f.spotUnitPrice()).isEqualByComparingTo("40000");
        assertThat(f.lineCost()).isEqualByComparingTo(String.valueOf(8 * 26000 + 5 * 40000 + 7 * 27500));
    }

    @Test
    void withoutASpotPriceLateUnitsCostList() {
        price(engine, "H100", LIST, "27500", "2023-01-01");
        shipment(engine, "late", "c", "H100", 5, "26000", SHIPPED, "2024-06-30", "2024-01-01T00:00:00Z");
        plan(engine, "c", US, 1, line("F", "H100", 5, "2024-03-31"));

        assertThat(projected("c", "F").spotUnitPrice()).isEqualByComparingTo("27500");
        assertThat(projected("c", "F").lineCost()).isEqualByComparingTo(String.valueOf(5 * 27500));
    }

    @Test
    void aDeliveredShipmentIsSecuredEvenPastNeedBy() {
        shipment(engine, "S", "c", "H100", 5, "26000", DELIVERED, "2024-06-30", "2024-01-01T00:00:00Z");
        plan(engine, "c", US, 1, line("F", "H100", 5, "2024-03-31"));

        assertThat(projected("c", "F").status()).isEqualTo(LineStatus.SECURED);
        assertThat(projected("c", "F").delayedQty()).isZero();
    }
}
