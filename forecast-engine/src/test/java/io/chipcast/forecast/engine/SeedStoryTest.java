package io.chipcast.forecast.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.json.JsonShape;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public seed story, replayed through the engine: every customer's final projection, to the cent. */
class SeedStoryTest {

    static ForecastEngine engine;

    @BeforeAll
    static void replay() throws Exception {
        engine = new ForecastEngine(BigDecimal.ONE, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        Scenario.read(Scenario.SEED_STORY).applyTo(engine);
    }

    @Test
    void hyperscalerBuysTheRestAtList() {
        Projection projection = engine.projection("hyperscaler-us").orElseThrow();
        assertThat(projection.projectedCost()).isEqualByComparingTo("10200000000.00");
        assertThat(projection.blockedValue()).isEqualByComparingTo("0");
        assertThat(projection.lines()).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(LineStatus.OPEN);
            assertThat(line.securedQty()).isEqualTo(50_000);
            assertThat(line.boughtUnits()).isEqualTo(300_000);
        });
    }

    @Test
    void frontierLabCoversItsDelayedUnitsAtSpot() {
        Projection projection = engine.projection("frontier-lab-us").orElseThrow();
        assertThat(projection.projectedCost()).isEqualByComparingTo("688000000.00");
        ProjectionLine f1 = projection.lines().get(0);
        assertThat(f1.status()).isEqualTo(LineStatus.DELAYED);
        assertThat(f1.securedQty()).isEqualTo(8_000);
        assertThat(f1.delayedQty()).isEqualTo(12_000);
        assertThat(f1.spotUnitPrice()).isEqualByComparingTo("40000");
    }

    @Test
    void cloudCnSubstitutesH20ForH800AndIsBlockedOnA800() {
        Projection projection = engine.projection("cloud-cn").orElseThrow();
        assertThat(projection.projectedCost()).isEqualByComparingTo("812249000.00");
        assertThat(projection.blockedValue()).isEqualByComparingTo("56000000.00");
        assertThat(projection.lines()).extracting(ProjectionLine::status)
                .containsExactly(LineStatus.SUBSTITUTED, LineStatus.BLOCKED);
        assertThat(projection.lines().get(0).boughtSku()).isEqualTo("H20-96G");
        assertThat(projection.lines().get(0).boughtUnits()).isEqualTo(60_173);
    }

    @Test
    void everyFieldOfEveryProjectionIsTheExpectedOne() throws Exception {
        JsonNode expected = Json.mapper().readTree(Files.readAllBytes(Scenario.SEED_STORY_EXPECTED));
        for (Iterator<Map.Entry<String, JsonNode>> customers = expected.fields(); customers.hasNext(); ) {
            Map.Entry<String, JsonNode> customer = customers.next();
            JsonNode actual = Json.mapper().valueToTree(engine.projection(customer.getKey()).orElseThrow());
            assertThat(JsonShape.view(actual, customer.getValue()))
                    .as(customer.getKey())
                    .isEqualTo(JsonShape.view(customer.getValue(), customer.getValue()));
        }
    }
}
