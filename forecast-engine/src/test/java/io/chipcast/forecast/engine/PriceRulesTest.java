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

/** SPEC section 4: prices as of a line's need-by date. */
class PriceRulesTest extends EngineTestBase {

    @Test
    void aLineIsPricedAsOfItsNeedByAndFutureDatedChangesWaitForTheirDate() {
        price(engine, "H100", LIST, "25000", "2023-06-01");
        price(engine, "H100", LIST, "30000", "2024-07-01");
        plan(engine, "c", US, 1, line("early", "H100", 10, "2024-06-30"), line("late", "H100", 10, "2024-07-01"));

        assertThat(projected("c", "early").lineCost()).isEqualByComparingTo("250000");
        assertThat(projected("c", "late").lineCost()).isEqualByComparingTo("300000");
        assertThat(projected("c", "late").unitPrice()).isEqualByComparingTo("30000");
    }

    @Test
    void onATieOfEffectiveAtTheChangeReceivedLastWins() {
        plan(engine, "c", US, 1, line("L", "H100", 1, "2024-06-30"));
        price(engine, "H100", LIST, "25000", "2024-01-01");
        price(engine, "H100", LIST, "26000", "2024-01-01");

        assertThat(projected("c", "L").unitPrice()).isEqualByComparingTo("26000");
    }

    @Test
    void withoutAListPriceTheLineIsUnpricedAndAddsNoCost() {
        plan(engine, "c", US, 1, line("L", "H100", 10, "2024-06-30"));

        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.UNPRICED);
        assertThat(projected("c", "L").lineCost()).isEqualByComparingTo("0");
        assertThat(projected("c", "L").boughtUnits()).isEqualTo(10);
    }
}
