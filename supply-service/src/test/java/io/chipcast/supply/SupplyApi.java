package io.chipcast.supply;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** The supply-service API as a publisher calls it, and the payloads the tests send. */
final class SupplyApi {

    private SupplyApi() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String restrict(String rulingId, String skusJson, String minTpp) {
        return """
                {"rulingId":"%s","authority":"US-BIS","title":"Advanced computing rule update","action":"RESTRICT",
                 "effectiveAt":"2023-11-17T00:00:00Z","destinations":["CN","MO"],
                 "scope":{"skus":%s,"minTpp":%s,"minPerformanceDensity":null},"lifts":null}"""
                .formatted(rulingId, skusJson, minTpp);
    }

    static String lift(String rulingId, String lifted) {
        return """
                {"rulingId":"%s","authority":"US-BIS","title":"Lifted","action":"LIFT",
                 "effectiveAt":"2025-01-01T00:00:00Z","destinations":[],"scope":null,"lifts":"%s"}"""
                .formatted(rulingId, lifted);
    }

    static String shipment(String shipmentId, String customerId, String status, String eta, String occurredAt) {
        return """
                {"shipmentId":"%s","customerId":"%s","sku":"H100-SXM5-80G","quantity":2000,
                 "unitPrice":26000.00,"status":"%s","eta":"%s","occurredAt":"%s"}"""
                .formatted(shipmentId, customerId, status, eta, occurredAt);
    }

    static ValidatableResponse postRuling(String body) {
        return given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/rulings").then();
    }

    static ValidatableResponse postShipments(String body) {
        return given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/shipments").then();
    }

    /**
     * Nothing with this key reached the topic: a barrier event written afterwards has arrived (the
     * outbox relays every topic of the service in commit order), and no record has the key.
     */
    static void assertNeverPublished(String topic, String key) {
        String barrier = postShipments(shipment(unique("BARRIER"), unique("barrier"), "ALLOCATED", "2024-03-01",
                "2024-01-10T09:00:00Z")).statusCode(201).extract().path("eventId");
        TopicReader.awaitEvent("supply.shipments", barrier);
        assertThat(TopicReader.readAll(topic)).noneMatch(TopicReader.withKey(key));
    }
}
