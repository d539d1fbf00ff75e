package io.chipcast.pricing;

import static io.chipcast.pricing.PricingApi.catalogEntry;
import static io.chipcast.pricing.PricingApi.putSku;
import static io.chipcast.pricing.PricingApi.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogResourceTest {

    @Test
    void aPutSkuIsStoredAndPublishedToTheCatalogTopicWithCloudEventsHeaders() throws Exception {
        String sku = uniqueSku("H100");
        Instant before = Instant.now();

        String eventId = putSku(sku).statusCode(201)
                .contentType(ContentType.JSON)
                .body("sku", equalTo(sku))
                .body("tpp", equalTo(15832))
                .body("eventType", equalTo("io.chipcast.catalog.updated.v1"))
                .extract().path("eventId");

        ConsumerRecord<String, byte[]> record = TopicReader.awaitEvent("chip.catalog", eventId);
        assertThat(record.key()).isEqualTo(sku);
        CloudEvent event = CloudEventHeaders.read(record.headers());
        assertThat(event.type()).isEqualTo("io.chipcast.catalog.updated.v1");
        assertThat(event.source()).isEqualTo("pricing-service");
        assertThat(event.time()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(CloudEventHeaders.text(record.headers(), "content-type")).isEqualTo("application/json");
        JsonNode published = Json.mapper().readTree(record.value());
        assertThat(published).isEqualTo(Json.mapper().readTree(catalogEntry(sku)));
    }

    @Test
    void aSecondPutReplacesTheEntry() {
        String sku = uniqueSku("MI300X");
        putSku(sku).statusCode(201);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"vendor":"AMD","family":"CDNA3","tpp":20920,"performanceDensity":13.7,"memoryGb":192}""")
                .when().put("/api/v1/skus/" + sku)
                .then().statusCode(200).body("sku", equalTo(sku)).body("vendor", equalTo("AMD"));

        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/skus/" + sku)
                .then().statusCode(200).body("vendor", equalTo("AMD")).body("memoryGb", equalTo(192));
        given().auth().oauth2(TestTokens.analyst()).when().get("/api/v1/skus")
                .then().statusCode(200).body("sku", hasItem(sku));
        TopicReader.await("chip.catalog", 2, TopicReader.withKey(sku), Duration.ofSeconds(30));
    }

    @Test
    void aBodySkuOtherThanThePathsIsRefused() {
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(catalogEntry("OTHER-SKU"))
                .when().put("/api/v1/skus/" + uniqueSku("H20"))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sku"));
    }

    @Test
    void anUnknownSkuIsNotFound() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/v1/skus/NOPE-" + uniqueSku("X"))
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
