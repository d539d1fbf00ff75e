package io.chipcast.forecast;

import static io.chipcast.forecast.Payloads.listPrice;
import static io.chipcast.forecast.Payloads.plan;
import static io.chipcast.forecast.Payloads.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chipcast.contracts.Topics;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What dashboards and alerts read: latencies as histograms (buckets a p99 can be computed from
 * across pods) and the metrics of the channels' Kafka clients.
 */
@QuarkusTest
class MetricsTest {

    @Test
    void latenciesAreHistogramsAndTheKafkaClientsReportTheirOwnMetrics() {
        String customer = unique("metrics");
        String sku = unique("SKU");
        TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "US", 1, sku, 10), "test");
        TopicWriter.publish(Topics.PRICES, listPrice(sku, "100"), "test");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("chipcast_forecast_lag_seconds_bucket{", "chipcast_forecast_commit_seconds_bucket{",
                    "chipcast_outbox_publish_latency_seconds_bucket{");
            assertThat(metrics).doesNotContain("chipcast_forecast_lag_seconds{quantile=");
            assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_consumed_total\\{[^}]*client_id=\"kafka-consumer-customer-events\"");
            assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_consumed_total\\{[^}]*client_id=\"kafka-consumer-reference-events\"");
            assertThat(metrics).containsPattern("kafka_producer_record_send_total\\{[^}]*client_id=\"kafka-producer-projections-and-alerts\"");
        });
    }
}
