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
import io.chipcast.contracts.validation.Limits;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC section 4: restricted lines, substitution, BLOCKED, thresholds, LIFTs and amendments. */
class RulingRulesTest extends EngineTestBase {

    @Test
    void aRestrictedLineIsBoughtAsItsFirstAllowedPricedSubstituteForTheSameCompute() {
        catalog(engine, "H800", "15832", "19.45");
        catalog(engine, "H20", "2368", "2.91");
        catalog(engine, "L40S", "5864", "9.63");
        price(engine, "H800", LIST, "30000", "2023-01-01");
        price(engine, "H20", LIST, "13000", "2024-01-01");
        restrict(engine, "R", "2023-11-17T00:00:00Z", List.of(), "4800", null, CN);
        // NOT-IN-CATALOG is skipped, L40S is restricted too (TPP 5864), H20 is bought.
        plan(engine, "c", CN, 1, line("C1", "H800", 9000, "2024-06-30", "NOT-IN-CATALOG", "L40S", "H20"));

        ProjectionLine c1 = projected("c", "C1");
        assertThat(c1.status()).isEqualTo(LineStatus.SUBSTITUTED);
        assertThat(c1.boughtSku()).isEqualTo("H20");
        assertThat(c1.boughtUnits()).isEqualTo(60_173); // ceil(9000 × 15832 / 2368) = ceil(60172.97)
        assertThat(c1.lineCost()).isEqualByComparingTo("782249000");
    }

    @Test
    void aSubstitutionAtTheLimitsOfTheContractStaysExactAndWithinALong() {
        // The largest quantity, the largest tpp bought as the smallest one, at the largest price (Limits).
        catalog(engine, "BIG", Limits.MAX_TPP.toPlainString(), "0");
        catalog(engine, "TINY", "0.01", "0");
        price(engine, "TINY", LIST, Limits.MAX_MONEY.toPlainString(), "2023-01-01");
        restrict(engine, "R", "2023-11-17T00:00:00Z", List.of("BIG"), null, null, CN);
        plan(engine, "c", CN, 1, line("L", "BIG", Limits.MAX_QUANTITY, "2024-06-30", "TINY"));

        ProjectionLine line = projected("c", "L");
        assertThat(line.status()).isEqualTo(LineStatus.SUBSTITUTED);
        assertThat(line.boughtUnits()).isEqualTo(1_000_000_000_000_000_000L);
        assertThat(line.lineCost()).isEqualByComparingTo(Limits.MAX_MONEY.multiply(new BigDecimal("1E+18")));
    }

    @Test
    void withoutAnAllowedSubstituteTheLineIsBlockedWithItsValueAtRisk() {
        catalog(engine, "A800", "4992", "6.04");
        price(engine, "A800", LIST, "14000", "2023-01-01");
        restrict(engine, "R", "2023-11-17T00:00:00Z", List.of(), "4800", null, CN);
        shipment(engine, "stranded", "c", "A800", 100, "14000", SHIPPED, "2024-01-01", "2023-12-01T00:00:00Z");
        plan(engine, "c", CN, 1, line("C2", "A800", 4000, "2024-03-31", "H20"));

        ProjectionLine c2 = projected("c", "C2");
        assertThat(c2.status()).isEqualTo(LineStatus.BLOCKED);
        assertThat(c2.securedQty()).isZero();
        assertThat(c2.delayedQty()).isZero();
        assertThat(c2.blockedQty()).isEqualTo(4000);
        assertThat(c2.atRiskValue()).isEqualByComparingTo("56000000");
        assertThat(c2.lineCost()).isEqualByComparingTo("0");
        assertThat(projection("c").blockedValue()).isEqualByComparingTo("56000000");
    }

    @Test
    void aBlockedSkuWithoutAListPriceHasNothingAtRisk() {
        restrict(engine, "R", "2023-01-01T00:00:00Z", List.of("X1"), null, null, CN);
        plan(engine, "c", CN, 1, line("L", "X1", 10, "2024-03-31"));

        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.BLOCKED);
        assertThat(projected("c", "L").atRiskValue()).isEqualByComparingTo("0");
    }

    @Test
    void aThresholdCatchesASkuAddedToTheCatalogAfterTheRuling() {
        price(engine, "B200", LIST, "40000", "2023-01-01");
        restrict(engine, "R", "2023-11-17T00:00:00Z", List.of(), "4800", "5.92", CN);
        plan(engine, "c", CN, 1, line("L", "B200", 10, "2024-06-30"));
        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.OPEN);

        catalog(engine, "B200", "36000", "40");

        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.BLOCKED);
    }

    @Test
    void aDensityThresholdNarrowsTheTppThreshold() {
        catalog(engine, "SPARSE", "5000", "3.0");
        price(engine, "SPARSE", LIST, "10000", "2023-01-01");
        restrict(engine, "R", "2023-11-17T00:00:00Z", List.of(), "4800", "5.92", CN);
        plan(engine, "c", CN, 1, line("L", "SPARSE", 10, "2024-06-30"));

        assertThat(projected("c", "L").status()).isEqualTo(LineStatus.OPEN);
    }

    @Test
    void aRulingAppliesFromItsEffectiveAtAndOnlyToItsDestinations() {
        price(engine, "H100", LIST, "30000", "2020-01-01");
        restrict(engine, "R", "2024-04-01T00:00:00Z", List.of("H100"), null, null, CN);
        plan(engine, "cn", CN, 1, line("before", "H100", 1, "2024-03-31"), line("after", "H100", 1, "2024-04-01"));
        plan(engine, "us", US, 1, line("after", "H100", 1, "2024-04-01"));

        assertThat(projected("cn", "before").status()).isEqualTo(LineStatus.OPEN);
        assertThat(projected("cn", "after").status()).isEqualTo(LineStatus.BLOCKED);
        assertThat(projected("us", "after").status()).isEqualTo(LineStatus.OPEN);
    }

    @Test
    void aLiftEndsTheRestrictionFromItsOwnEffectiveAt() {
        price(engine, "H100", LIST, "30000", "2020-01-01");
        plan(engine, "cn", CN, 1, line("mid", "H100", 1, "2024-06-30"), line("end", "H100", 1, "2025-06-30"));
        restrict(engine, "R", "2024-01-01T00:00:00Z", List.of("H100"), null, null, CN);

        ForecastEngine.Outcome outcome = lift(engine, "L", "R", "2025-01-01T00:00:00Z");

        assertThat(outcome.projections()).hasSize(1);
        assertThat(projected("cn", "mid").status()).isEqualTo(LineStatus.BLOCKED);
        assertThat(projected("cn", "end").status()).isEqualTo(LineStatus.OPEN);
    }

    @Test
    void anAmendedRulingReplacesTheEarlierOne() {
        price(engine, "H100", LIST, "30000", "2020-01-01");
        plan(engine, "cn", CN, 1, line("L", "H100", 1, "2024-06-30"));
        restrict(engine, "R", "2024-01-01T00:00:00Z", List.of("H100"), null, null, CN);
        assertThat(projected("cn", "L").status()).isEqualTo(LineStatus.BLOCKED);

        restrict(engine, "R", "2024-01-01T00:00:00Z", List.of("A100"), null, null, CN);

        assertThat(projected("cn", "L").status()).isEqualTo(LineStatus.OPEN);
    }
}
