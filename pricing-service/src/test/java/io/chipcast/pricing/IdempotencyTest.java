package io.chipcast.pricing;

import static io.chipcast.pricing.PricingApi.priceChange;
import static io.chipcast.pricing.PricingApi.skuInCatalog;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Test
    void theSameKeyAndBodyAnswerTheSameAndPublishOnce() {
        String sku = skuInCatalog("IDEM");
        String key = UUID.randomUUID().toString();
        String body = priceChange(sku, "LIST", "27500.00", "2024-01-01T00:00:00Z");

        Response first = post(key, body);
        Response retry = post(key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        String eventId = first.path("eventId");
        TopicReader.awaitEvent("chip.prices", eventId);
        // A later, different write to the same key has gone through the relay: the retry would be there by now.
        PriceResourceTest.assertNeverPublished("nothing-" + UUID.randomUUID());
        assertThat(TopicReader.readAll("chip.prices")).filteredOn(TopicReader.withKey(sku)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String sku = skuInCatalog("IDEM");
        String key = UUID.randomUUID().toString();
        post(key, priceChange(sku, "LIST", "27500.00", "2024-01-01T00:00:00Z")).then().statusCode(201);

        post(key, priceChange(sku, "LIST", "99999.00", "2024-01-01T00:00:00Z"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/prices/" + sku + "/history")
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void keysAreScopedToTheCaller() {
        String sku = skuInCatalog("IDEM");
        String key = UUID.randomUUID().toString();
        String body = priceChange(sku, "LIST", "27500.00", "2024-01-01T00:00:00Z");

        String asPublisher = post(key, body).path("eventId");
        String asAdmin = given().auth().oauth2(TestTokens.admin()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/prices").then().statusCode(201)
                .extract().path("eventId");

        assertThat(asAdmin).isNotEqualTo(asPublisher);
    }

    private static Response post(String key, String body) {
        return given().auth().oauth2(TestTokens.publisher()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/prices");
    }
}
