package io.chipcast.forecast.messaging;

import static io.chipcast.forecast.Payloads.listPrice;
import static io.chipcast.forecast.Payloads.plan;
import static io.chipcast.forecast.Payloads.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.forecast.service.BatchCommitter;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.chipcast.testkit.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the pipeline in one consumer group share the customers through the partitions
 * of the customer topics: each customer is computed by exactly one of them, together they cover
 * all, and when one stops the other takes its customers over at once, even from a static member.
 */
@QuarkusTest
class TwoInstancesTest {

    private static final int CUSTOMERS = 30;

    @Inject
    ForecastPipeline first;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ForecastStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    BatchCommitter committer;

    @Inject
    ProjectionPublisher publisher;

    @Inject
    MeterRegistry meters;

    @Test
    void twoInstancesShareTheCustomersAndEachIsComputedOnce() throws Exception {
        // A static member (ADR 010) with a session far longer than the waits below: only leaving the
        // group on stop, not the session's expiry, can hand its partitions back in time.
        ForecastPipeline second = new ForecastPipeline(kafkaConfig, store, deadLetters, committer, publisher, meters, BigDecimal.ONE,
                "forecast-service", Optional.of("forecast-test-second"), Duration.ofSeconds(120));
        second.start(null);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.ownedPartitions()).isNotEmpty();
                assertThat(second.ownedPartitions()).isNotEmpty().doesNotContainAnyElementsOf(first.ownedPartitions());
                Set<Integer> all = new HashSet<>(first.ownedPartitions());
                all.addAll(second.ownedPartitions());
                assertThat(all).hasSize(6);
            });

            String sku = unique("SKU");
            List<String> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> unique("shared")).toList();
            customers.forEach(customer -> TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "US", 1, sku, 10), "test"));
            TopicWriter.publish(Topics.PRICES, listPrice(sku, "100"), "test");
            customers.forEach(customer -> awaitCost(customer, "1000"));
        } finally {
            second.stop(null);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(first.ownedPartitions()).hasSize(6));
        String sku2 = unique("SKU");
        List<String> later = IntStream.range(0, 5).mapToObj(i -> unique("taken-over")).toList();
        later.forEach(customer -> TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "US", 1, sku2, 10), "test"));
        TopicWriter.publish(Topics.PRICES, listPrice(sku2, "7"), "test");
        later.forEach(customer -> awaitCost(customer, "70"));

        List<ConsumerRecord<String, byte[]>> published = TopicReader.readAll(Topics.PROJECTIONS.name());
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : published) {
            Projection projection = Json.read(record.value(), Projection.class);
            if (projection.customerId().startsWith("shared-")) {
                assertThat(seen.add(projection.customerId() + "@" + projection.version()))
                        .as("version %d of %s published once", projection.version(), projection.customerId()).isTrue();
            }
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(CUSTOMERS * 2);
    }

    private static void awaitCost(String customer, String cost) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Json.read(
                given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/projections/" + customer)
                        .then().statusCode(200).extract().asString(), Projection.class).projectedCost()).isEqualByComparingTo(cost));
    }
}
