package io.chipcast.pricing;

import static io.chipcast.pricing.PricingApi.postPrices;
import static io.chipcast.pricing.PricingApi.priceChange;
import static io.chipcast.pricing.PricingApi.skuInCatalog;
import static io.chipcast.pricing.PricingApi.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriceResourceTest {

    @Test
    void aPriceChangeIsPublishedKeyedBySku() {
        String sku = skuInCatalog("H100");

        String eventId = postPrices(priceChange(sku, "LIST", "27500.00", "2024-01-01T00:00:00Z"))
                .statusCode(201)
                .body("sku", equalTo(sku))
                .body("unitPrice", equalTo(27500.00f))
                .body("eventType", equalTo("io.chipcast.price.changed.v1"))
                .extract().path("eventId");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitEvent("chip.prices", eventId);
        assertThat(record.key()).isEqualTo(sku);
        assertThat(CloudEventHeaders.read(record.headers()).type()).isEqualTo("io.chipcast.price.changed.v1");
        assertThat(TopicReader.value(record)).contains("\"unitPrice\":27500.00", "\"effectiveAt\":\"2024-01-01T00:00:00Z\"");
    }

    @Test
    void thePriceInEffectIsTheLatestEffectiveOneAndFutureDatedChangesWaitForTheirDate() {
        String sku = skuInCatalog("H800");
        postPrices(priceChange(sku, "LIST", "25000", "2023-06-01T00:00:00Z")).statusCode(201);
        postPrices(priceChange(sku, "LIST", "30000", "2099-01-01T00:00:00Z")).statusCode(201);
        postPrices(priceChange(sku, "SPOT", "41000", "2023-09-01T00:00:00Z")).statusCode(201);

        price(sku, "LIST", "2023-05-31T23:59:59Z").statusCode(404).contentType("application/problem+json");
        price(sku, "LIST", "2023-06-01T00:00:00Z").statusCode(200).body("unitPrice", equalTo(25000.00f));
        price(sku, "LIST", "2024-01-01T00:00:00+08:00").statusCode(200).body("unitPrice", equalTo(25000.00f));
        price(sku, "LIST", "2099-01-01T00:00:00Z").statusCode(200).body("unitPrice", equalTo(30000.00f));
        price(sku, "SPOT", "2024-01-01T00:00:00Z").statusCode(200).body("unitPrice", equalTo(41000.00f));
        // Without asOf: now, before the future-dated change takes effect; without market: LIST.
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/prices/" + sku)
                .then().statusCode(200).body("unitPrice", equalTo(25000.00f)).body("market", equalTo("LIST"));
    }

    @Test
    void onATieTheChangeReceivedLastWins() {
        String sku = skuInCatalog("H20");
        postPrices(priceChange(sku, "LIST", "13000", "2024-02-01T00:00:00Z")).statusCode(201);
        postPrices(priceChange(sku, "LIST", "12500", "2024-02-01T00:00:00Z")).statusCode(201);

        price(sku, "LIST", "2024-03-01T00:00:00Z").statusCode(200).body("unitPrice", equalTo(12500.00f));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/prices/" + sku + "/history")
                .then().statusCode(200).body("unitPrice", contains(13000.00f, 12500.00f));
    }

    @Test
    void aPriceOfASkuNotInTheCatalogIsRefusedAndNeverPublished() {
        String unknown = uniqueSku("GHOST");

        postPrices(priceChange(unknown, "LIST", "1000", "2024-01-01T00:00:00Z"))
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sku"));

        assertNeverPublished(unknown);
    }

    @Test
    void aBulkOfAThousandChangesIsAcceptedAndPublishedInOrder() {
        String sku = skuInCatalog("B200");
        StringJoiner bulk = new StringJoiner(",", "[", "]");
        for (int i = 1; i <= 1000; i++) {
            bulk.add(priceChange(sku, "SPOT", 30000 + i + ".50", "2024-01-01T00:00:00Z"));
        }

        List<String> eventIds = postPrices(bulk.toString()).statusCode(201)
                .body("$", hasSize(1000)).extract().path("eventId");

        List<ConsumerRecord<String, byte[]>> published = TopicReader.await("chip.prices", 1000, TopicReader.withKey(sku),
                Duration.ofSeconds(60));
        assertThat(published).extracting(r -> CloudEventHeaders.text(r.headers(), CloudEventHeaders.ID))
                .containsExactlyElementsOf(eventIds);
        price(sku, "SPOT", "2024-01-02T00:00:00Z").body("unitPrice", equalTo(31000.50f));
    }

    @Test
    void aBulkWithBadItemsIsRefusedWholeNamingEveryBadItem() {
        String sku = skuInCatalog("A100");
        String ghost = uniqueSku("GHOST");
        String bulk = "[" + priceChange(sku, "LIST", "15000", "2024-01-01T00:00:00Z") + ","
                + priceChange(sku, "LIST", "-1", "2024-01-01T00:00:00Z") + ","
                + priceChange(sku, "LIST", "15000", "2024-13-01T00:00:00Z") + ","
                + priceChange(ghost, "LIST", "15000", "2024-01-01T00:00:00Z") + "]";

        postPrices(bulk).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("[1].unitPrice", "[2].effectiveAt"));
        String valid = "[" + priceChange(sku, "LIST", "15000", "2024-01-01T00:00:00Z") + ","
                + priceChange(ghost, "LIST", "15000", "2024-01-01T00:00:00Z") + "]";
        postPrices(valid).statusCode(422).body("violations.field", contains("[1].sku"));

        assertNeverPublished(sku);
    }

    private static ValidatableResponse price(String sku, String market, String asOf) {
        return given().auth().oauth2(TestTokens.analyst()).queryParam("market", market).queryParam("asOf", asOf)
                .when().get("/api/v1/prices/" + sku).then();
    }

    /**
     * Nothing with this key reached the topic: a barrier event published afterwards arrives first
     * (the outbox relays in commit order), and then no record has the key.
     */
    static void assertNeverPublished(String key) {
        String barrier = skuInCatalog("BARRIER");
        String barrierEvent = postPrices(priceChange(barrier, "LIST", "1", "2024-01-01T00:00:00Z"))
                .statusCode(201).extract().path("eventId");
        TopicReader.awaitEvent("chip.prices", barrierEvent);
        assertThat(TopicReader.readAll("chip.prices")).noneMatch(TopicReader.withKey(key));
    }
}
