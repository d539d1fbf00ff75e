package io.chipcast.forecast.engine;

import static io.chipcast.contracts.payload.Market.LIST;
import static io.chipcast.contracts.payload.ShipmentStatus.ALLOCATED;
import static io.chipcast.contracts.payload.ShipmentStatus.DELAYED;
import static io.chipcast.forecast.engine.Events.CN;
import static io.chipcast.forecast.engine.Events.US;
import static io.chipcast.forecast.engine.Events.catalog;
import static io.chipcast.forecast.engine.Events.line;
import static io.chipcast.forecast.engine.Events.plan;
import static io.chipcast.forecast.engine.Events.price;
import static io.chipcast.forecast.engine.Events.restrict;
import static io.chipcast.forecast.engine.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Projection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC section 4: what an event recomputes, when a projection is published, and the alerts it raises. */
class AlertAndIncrementTest extends EngineTestBase {

    @Test
    void theFirstProjectionSetsTheCostBaselineWithoutACostAlert() {
        price(engine, "H100", LIST, "100", "2020-01-01");

        ForecastEngine.Outcome first = plan(engine, "c", US, 1, line("L", "H100", 100, "2024-06-30"));

        assertThat(first.projections()).extracting(Projection::version).containsExactly(1L);
        assertThat(first.alerts()).isEmpty();
    }

    @Test
    void aMoveOfOnePercentFromTheLastAlertedCostAlertsAndSmallerMovesAccumulate() {
        price(engine, "H100", LIST, "100.00", "2020-01-01");
        plan(engine, "c", US, 1, line("L", "H100", 100, "2024-06-30"));          // 10,000.00: the baseline

        ForecastEngine.Outcome small = price(engine, "H100", LIST, "100.50", "2020-01-01"); // +0.5 %
        assertThat(small.projections()).hasSize(1);
        assertThat(small.alerts()).isEmpty();

        ForecastEngine.Outcome accumulated = price(engine, "H100", LIST, "101.00", "2020-01-01"); // +1 % from the baseline
        assertThat(accumulated.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.COST_CHANGED);
            assertThat(alert.previousCost()).isEqualByComparingTo("10000");
            assertThat(alert.newCost()).isEqualByComparingTo("10100");
            assertThat(alert.cause()).isEqualTo(accumulated.projections().get(0).cause());
        });

        // The baseline is now 10,100.00: back to 10,050.00 is under 1 %.
        assertThat(price(engine, "H100", LIST, "100.50", "2020-01-01").alerts()).isEmpty();
    }

    @Test
    void fromZeroAnyChangeAlerts() {
        plan(engine, "c", US, 1, line("L", "H100", 100, "2024-06-30"));          // UNPRICED, 0.00

        ForecastEngine.Outcome priced = price(engine, "H100", LIST, "1.00", "2020-01-01");

        assertThat(priced.alerts()).extracting(Alert::type).containsExactly(AlertType.COST_CHANGED);
    }

    @Test
    void aLineEnteringAndLeavingBlockedAlertsBothWays() {
        price(engine, "H100", LIST, "30000", "2020-01-01");
        plan(engine, "c", CN, 1, line("L", "H100", 1, "2024-06-30"));

        ForecastEngine.Outcome blocked = restrict(engine, "R", "2024-01-01T00:00:00Z", List.of("H100"), null, null, CN);
        assertThat(blocked.alerts()).extracting(Alert::type).contains(AlertType.LINE_BLOCKED);
        assertThat(blocked.alerts()).filteredOn(a -> a.type() == AlertType.LINE_BLOCKED).singleElement()
                .satisfies(alert -> assertThat(alert.lineId()).isEqualTo("L"));

        ForecastEngine.Outcome lifted = Events.lift(engine, "LIFT", "R", "2024-02-01T00:00:00Z");
        assertThat(lifted.alerts()).extracting(Alert::type).contains(AlertType.LINE_UNBLOCKED);
    }

    @Test
    void aShortfallAlertsWhenLateUnitsAppear() {
        price(engine, "H100", LIST, "30000", "2020-01-01");
        shipment(engine, "S", "c", "H100", 10, "26000", ALLOCATED, "2024-03-01", "2024-01-01T00:00:00Z");
        plan(engine, "c", US, 1, line("L", "H100", 10, "2024-03-31"));

        ForecastEngine.Outcome slipped = shipment(engine, "S", "c", "H100", 10, "26000", DELAYED, "2024-05-01", "2024-02-01T00:00:00Z");

        assertThat(slipped.alerts()).extracting(Alert::type).contains(AlertType.SHORTFALL);
        assertThat(projected("c", "L").delayedQty()).isEqualTo(10);
    }

    @Test
    void anEventRecomputesOnlyTheCustomersItCanAffect() {
        plan(engine, "h100-buyer", US, 1, line("L", "H100", 1, "2024-06-30"));
        plan(engine, "h20-as-substitute", CN, 1, line("L", "H800", 1, "2024-06-30", "H20"));
        plan(engine, "a100-buyer", US, 1, line("L", "A100", 1, "2024-06-30"));

        assertThat(price(engine, "H20", LIST, "13000", "2020-01-01").customersRecomputed()).isEqualTo(1);
        assertThat(price(engine, "H100", LIST, "30000", "2020-01-01").customersRecomputed()).isEqualTo(1);
        assertThat(restrict(engine, "R", "2020-01-01T00:00:00Z", List.of("H800"), null, null, CN).customersRecomputed())
                .isEqualTo(1);
        assertThat(price(engine, "NOBODY-BUYS", LIST, "1", "2020-01-01").customersRecomputed()).isZero();
        assertThat(shipment(engine, "S", "a100-buyer", "A100", 1, "1", ALLOCATED, "2024-01-01", "2024-01-01T00:00:00Z")
                .customersRecomputed()).isEqualTo(1);
    }

    @Test
    void anEventThatChangesNoProjectionPublishesNothing() {
        price(engine, "H100", LIST, "30000", "2020-01-01");
        plan(engine, "c", US, 1, line("L", "H100", 1, "2024-06-30"));

        // A price effective after the need-by date, the same price again, and an unrelated catalog entry.
        assertThat(price(engine, "H100", LIST, "35000", "2025-01-01").projections()).isEmpty();
        assertThat(price(engine, "H100", LIST, "30000", "2020-01-01").projections()).isEmpty();
        assertThat(catalog(engine, "H100", "15832", "19.45").projections()).isEmpty();
        assertThat(projection("c").version()).isEqualTo(1);
    }

    @Test
    void everyChangeIncrementsTheVersionAndCarriesItsCause() {
        plan(engine, "c", US, 1, line("L", "H100", 1, "2024-06-30"));
        ForecastEngine.Outcome priced = price(engine, "H100", LIST, "30000", "2020-01-01");

        assertThat(priced.projections()).singleElement().satisfies(projection -> {
            assertThat(projection.version()).isEqualTo(2);
            assertThat(projection.cause().eventType()).isEqualTo("io.chipcast.price.changed.v1");
        });
        assertThat(plan(engine, "c", US, 2, line("L", "H100", 2, "2024-06-30")).projections())
                .singleElement().satisfies(projection -> assertThat(projection.planVersion()).isEqualTo(2));
        assertThat(plan(engine, "c", US, 1, line("L", "H100", 5, "2024-06-30")).projections()).as("an older plan").isEmpty();
    }

    @Test
    void aFanOutOverThousandsOfCustomersIsExactPerCustomerAndInCustomerOrder() {
        price(engine, "H100", LIST, "100", "2020-01-01");
        int customers = 2_500; // above the threshold from which projections are computed on every core
        for (int c = 0; c < customers; c++) {
            plan(engine, String.format("c%05d", c), US, 1, line("L", "H100", c + 1, "2024-06-30"));
        }

        ForecastEngine.Outcome fanOut = price(engine, "H100", LIST, "200", "2020-01-01");

        assertThat(fanOut.projections()).hasSize(customers);
        for (int c = 0; c < customers; c++) {
            Projection projection = fanOut.projections().get(c);
            assertThat(projection.customerId()).isEqualTo(String.format("c%05d", c));
            assertThat(projection.projectedCost()).isEqualByComparingTo(String.valueOf(200L * (c + 1)));
            assertThat(projection.version()).isEqualTo(2);
        }
        assertThat(fanOut.alerts()).hasSize(customers).extracting(Alert::type).containsOnly(AlertType.COST_CHANGED);
    }

    @Test
    void aChangeCarriesWhatItReplacedAndKeepsTheUnchangedLinesOfThePreviousProjection() {
        price(engine, "H100", LIST, "100", "2020-01-01");
        price(engine, "MI300X", LIST, "50", "2020-01-01");
        Projection first = plan(engine, "c", US, 1, line("A", "H100", 10, "2024-06-30"), line("B", "MI300X", 10, "2024-06-30"))
                .projections().get(0);

        ForecastEngine.Change change = price(engine, "H100", LIST, "110", "2020-01-01").changes().get(0);

        assertThat(change.previous()).isSameAs(first);
        assertThat(change.previousCountry()).isEqualTo(US);
        assertThat(change.country()).isEqualTo(US);
        assertThat(change.costAlertedOn()).as("+6.7 %: the new baseline").isEqualByComparingTo("1600");
        assertThat(change.projection().lines().get(0).lineCost()).isEqualByComparingTo("1100");
        assertThat(change.projection().lines().get(1)).isSameAs(first.lines().get(1));
    }
}
