package io.chipcast.forecast.pipeline;

import static io.chipcast.forecast.Payloads.delivered;
import static io.chipcast.forecast.Payloads.listPrice;
import static io.chipcast.forecast.Payloads.plan;
import static io.chipcast.forecast.Payloads.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline stopped mid-stream and started again resumes from the database: the events that
 * arrived meanwhile are applied once, a redelivered one not at all, and no version is published twice.
 */
@QuarkusTest
class RestartTest {

    @Inject
    ForecastPipeline pipeline;

    @Test
    void aRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        String customer = unique("restart");
        String sku = unique("SKU");
        TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "US", 1, sku, 10), "test");
        TopicWriter.publish(Topics.PRICES, listPrice(sku, "100"), "test");
        awaitCost(customer, "1000.00");

        pipeline.stop(null);
        TopicWriter.publish(Topics.PRICES, listPrice(sku, "110"), "test");
        ShipmentEvent shipment = delivered(unique("S"), customer, sku, 4, "90");
        CloudEvent event = CloudEvent.of(Topics.SHIPMENTS, "test");
        TopicWriter.sendRaw(Topics.SHIPMENTS.name(), customer, Json.writeString(shipment), event);
        TopicWriter.sendRaw(Topics.SHIPMENTS.name(), customer, Json.writeString(shipment), event); // redelivered
        pipeline.start(null);

        awaitCost(customer, "1020.00"); // 4 × 90 secured + 6 × 110
        List<Long> published = TopicReader.await(Topics.PROJECTIONS.name(), 4, TopicReader.withKey(customer), Duration.ofSeconds(30))
                .stream().map(record -> Json.read(record.value(), Projection.class).version()).toList();
        assertThat(published).containsExactly(1L, 2L, 3L, 4L);
        List<Long> history = given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/projections/" + customer + "/history")
                .then().statusCode(200).extract().jsonPath().getList("version", Long.class);
        assertThat(history).containsExactly(1L, 2L, 3L, 4L);
    }

    private static void awaitCost(String customer, String cost) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Json.read(
                given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/projections/" + customer)
                        .then().statusCode(200).extract().asString(), Projection.class).projectedCost()).isEqualByComparingTo(cost));
    }
}
