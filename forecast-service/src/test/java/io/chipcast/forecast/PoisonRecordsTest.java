package io.chipcast.forecast;

import static io.chipcast.forecast.Payloads.catalog;
import static io.chipcast.forecast.Payloads.delivered;
import static io.chipcast.forecast.Payloads.listPrice;
import static io.chipcast.forecast.Payloads.plan;
import static io.chipcast.forecast.Payloads.restrict;
import static io.chipcast.forecast.Payloads.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.kafka.DeadLetterHeaders;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A record that cannot be read goes to its topic's dead-letter topic with the reason, and the next good record is applied. */
@QuarkusTest
class PoisonRecordsTest {

    @Test
    void aPoisonRecordOnEachTopicEndsInItsDeadLetterTopicWhileTheNextGoodOneIsApplied() {
        String customer = unique("poison");
        String sku = unique("SKU-A");
        String substitute = unique("SKU-B");

        poison(Topics.DEMAND_PLANS, customer, "{\"customerId\":", CloudEvent.of(Topics.DEMAND_PLANS, "test"));
        TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "CN", 1, sku, 10, substitute), "test");
        awaitLine(customer, "UNPRICED");

        poison(Topics.PRICES, sku, Json.writeString(listPrice(sku, "100")).replace("100", "-100"), CloudEvent.of(Topics.PRICES, "test"));
        TopicWriter.publish(Topics.PRICES, listPrice(sku, "100"), "test");
        awaitLine(customer, "OPEN");

        String rulingId = unique("R");
        poison(Topics.RULINGS, rulingId, Json.writeString(restrict(rulingId, sku, "CN")), CloudEvent.of(Topics.PRICES, "test"));
        TopicWriter.publish(Topics.RULINGS, restrict(rulingId, sku, "CN"), "test");
        awaitLine(customer, "BLOCKED");

        poison(Topics.CATALOG, sku, Json.writeString(catalog(sku, "15832")), null);
        TopicWriter.publish(Topics.CATALOG, catalog(sku, "15832"), "test");
        TopicWriter.publish(Topics.CATALOG, catalog(substitute, "2368"), "test");
        TopicWriter.publish(Topics.PRICES, listPrice(substitute, "13000"), "test");
        awaitLine(customer, "SUBSTITUTED");

        poison(Topics.SHIPMENTS, unique("someone-else"), Json.writeString(delivered(unique("S"), customer, sku, 10, "90")),
                CloudEvent.of(Topics.SHIPMENTS, "test"));
        TopicWriter.publish(Topics.SHIPMENTS, delivered(unique("S"), customer, sku, 10, "90"), "test");
        awaitLine(customer, "SECURED");

        assertDeadLetter(Topics.DEMAND_PLANS, customer, "$");
        assertDeadLetter(Topics.PRICES, sku, "unitPrice");
        assertDeadLetter(Topics.RULINGS, rulingId, "ce_type");
        assertDeadLetter(Topics.CATALOG, sku, "ce_specversion");
        assertDeadLetter(Topics.SHIPMENTS, null, "key");
    }

    private static void poison(Topic<String, ?> topic, String key, String value, CloudEvent event) {
        TopicWriter.sendRaw(topic.name(), key, value, event);
    }

    private static void awaitLine(String customer, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath projection = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/projections/" + customer)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(projection.getString("lines[0].status")).isEqualTo(status);
        });
    }

    private static void assertDeadLetter(Topic<String, ?> topic, String key, String reasonMentions) {
        ConsumerRecord<String, byte[]> dead = TopicReader.await(topic.deadLetterTopic(), 1,
                record -> (key == null || key.equals(record.key()))
                        && CloudEventHeaders.text(record.headers(), DeadLetterHeaders.REASON) != null
                        && CloudEventHeaders.text(record.headers(), DeadLetterHeaders.REASON).contains(reasonMentions),
                Duration.ofSeconds(30)).get(0);
        assertThat(CloudEventHeaders.text(dead.headers(), "dlq-original-topic")).isEqualTo(topic.name());
    }
}
