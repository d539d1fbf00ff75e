package io.chipcast.forecast.messaging;

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
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.forecast.repository.Batch;
import io.chipcast.forecast.repository.CommittedProjection;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The pipeline restarted from the database mid-stream — what a failed commit or publication leads
 * to — while events wait on its channels (paused, in the test profile): the events that arrived
 * meanwhile are applied once, a redelivered one not at all, no version is published twice, and
 * what was committed but never acknowledged by the broker is published. A process killed and
 * started again is the system tests' (RecoveryTest).
 */
@QuarkusTest
class RestartTest {

    @Inject
    ForecastPipeline pipeline;

    @Inject
    ChannelRegistry channels;

    @Inject
    ForecastStore store;

    @Inject
    Pool pool;

    @Test
    void aRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        String customer = unique("restart");
        String sku = unique("SKU");
        planAndPrice(customer, sku);

        pauseChannels();
        TopicWriter.publish(Topics.PRICES, listPrice(sku, "110"), "test");
        ShipmentEvent shipment = delivered(unique("S"), customer, sku, 4, "90");
        CloudEvent event = CloudEvent.of(Topics.SHIPMENTS, "test");
        TopicWriter.sendRaw(Topics.SHIPMENTS.name(), customer, Json.writeString(shipment), event);
        TopicWriter.sendRaw(Topics.SHIPMENTS.name(), customer, Json.writeString(shipment), event); // redelivered
        pipeline.restartFromDatabase();
        resumeChannels();

        awaitCost(customer, "1020.00"); // 4 × 90 secured + 6 × 110
        List<Long> published = TopicReader.await(Topics.PROJECTIONS.name(), 4, TopicReader.withKey(customer), Duration.ofSeconds(30))
                .stream().map(record -> Json.read(record.value(), Projection.class).version()).toList();
        assertThat(published).containsExactly(1L, 2L, 3L, 4L);
        List<Long> history = given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/projections/" + customer + "/history")
                .then().statusCode(200).extract().jsonPath().getList("version", Long.class);
        assertThat(history).containsExactly(1L, 2L, 3L, 4L);
    }

    /**
     * A crash between the commit and the broker's acknowledgement: the version is in the history,
     * never on the topic. The next owner of the customer publishes it — with its alert, the same
     * event ids and the same documents — and records it as published.
     */
    @Test
    void aCommittedVersionTheBrokerNeverAcknowledgedIsPublishedOnRestart() throws Exception {
        String customer = unique("unacked");
        planAndPrice(customer, unique("SKU"));
        Projection current = Json.read(given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/projections/" + customer)
                .then().statusCode(200).extract().asString(), Projection.class);

        pauseChannels();
        Projection next = new Projection(customer, current.planVersion(), current.projectedCost(), current.blockedValue(),
                current.lines(), current.version() + 1, Instant.now(), new Cause(UUID.randomUUID().toString(), "test.v1"));
        Alert alert = new Alert(UUID.randomUUID().toString(), customer, AlertType.COST_CHANGED, Severity.INFO, "a test alert",
                null, BigDecimal.ZERO, next.projectedCost(), next.cause(), next.computedAt());
        CommittedProjection committed = CommittedProjection.of(next, List.of(alert));
        Batch batch = new Batch();
        batch.projection(next, committed, partitionOf(customer), next.projectedCost());
        store.commit(batch); // and the send fails, or the process dies before sending
        pipeline.restartFromDatabase();
        resumeChannels();

        ConsumerRecord<String, byte[]> projection = TopicReader.awaitEvent(Topics.PROJECTIONS.name(), committed.eventId().toString());
        assertThat(TopicReader.value(projection)).isEqualTo(new String(committed.document(), StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> alertRecord = TopicReader.awaitEvent(Topics.ALERTS.name(), alert.alertId());
        assertThat(Json.read(TopicReader.value(alertRecord), Alert.class)).isEqualTo(alert);
        // Recorded as acknowledged (its partition's watermark covers it): the next restore does not publish it again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(store.unpublished(Set.of(partitionOf(customer))))
                .extracting(unpublished -> unpublished.projection().customerId()).doesNotContain(customer));
    }

    private void pauseChannels() {
        channels.getPausable("customer-events").pause();
        channels.getPausable("reference-events").pause();
    }

    private void resumeChannels() {
        channels.getPausable("customer-events").resume();
        channels.getPausable("reference-events").resume();
    }

    /**
     * 10 units of the SKU at 100: projected at 1,000.00 (versions 1 and 2). The price waits for the
     * plan's version: plans and prices arrive on two channels, and a price read first would leave
     * the plan a single version.
     */
    private static void planAndPrice(String customer, String sku) {
        TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "US", 1, sku, 10), "test");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/projections/" + customer).then().statusCode(200));
        TopicWriter.publish(Topics.PRICES, listPrice(sku, "100"), "test");
        awaitCost(customer, "1000.00");
    }

    private int partitionOf(String customer) {
        return pool.preparedQuery("SELECT partition FROM projection WHERE customer_id = $1").execute(Tuple.of(customer))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getInteger(0);
    }

    private static void awaitCost(String customer, String cost) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Json.read(
                given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/projections/" + customer)
                        .then().statusCode(200).extract().asString(), Projection.class).projectedCost()).isEqualByComparingTo(cost));
    }
}
