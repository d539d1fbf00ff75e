package io.chipcast.pricing;

import static io.chipcast.pricing.PricingApi.postPrices;
import static io.chipcast.pricing.PricingApi.priceChange;
import static io.chipcast.pricing.PricingApi.skuInCatalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chipcast.testkit.SharedInfrastructure;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost: a write that succeeded while Kafka was down reaches its topic once Kafka is back,
 * exactly once; and the service, unready while the broker is gone, is ready again once it is back.
 */
@QuarkusTest
class KafkaOutageTest {

    private static final Pattern BACKLOG = Pattern.compile("(?m)^chipcast_outbox_backlog(?:\\{[^}]*})? ([0-9.E]+)");

    @Test
    void aPriceAcceptedWhileKafkaIsDownIsPublishedOnceItIsBack() {
        assumeTrue(SharedInfrastructure.kafkaIsRestartable(), "only an embedded broker can be stopped by a test");
        String sku = skuInCatalog("OUTAGE");
        String eventId;

        SharedInfrastructure.stopKafka();
        try {
            eventId = postPrices(priceChange(sku, "SPOT", "45000.00", "2024-01-01T00:00:00Z"))
                    .statusCode(201).extract().path("eventId");
            await().atMost(Duration.ofSeconds(10)).until(() -> backlog() >= 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> readiness() == 503);
        } finally {
            SharedInfrastructure.startKafka();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);

        TopicReader.await("chip.prices", 1, TopicReader.withEventId(eventId), Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
        PriceResourceTest.assertNeverPublished("nothing-" + UUID.randomUUID());
        assertThat(TopicReader.readAll("chip.prices")).filteredOn(TopicReader.withEventId(eventId)).hasSize(1);
    }

    private static int readiness() {
        return given().when().get("/q/health/ready").then().extract().statusCode();
    }

    private static double backlog() {
        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = BACKLOG.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
