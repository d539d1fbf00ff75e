package io.chipcast.forecast;

import static io.chipcast.forecast.Payloads.listPrice;
import static io.chipcast.forecast.Payloads.plan;
import static io.chipcast.forecast.Payloads.restrict;
import static io.chipcast.forecast.Payloads.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WhatIfTest {

    @Test
    void aWhatIfProjectsUnderHypotheticalChangesAndChangesNothing() {
        String customer = unique("whatif");
        String sku = unique("SKU");
        TopicWriter.publish(Topics.DEMAND_PLANS, plan(customer, "CN", 1, sku, 10), "test");
        TopicWriter.publish(Topics.PRICES, listPrice(sku, "100"), "test");
        Projection before = awaitCost(customer, "1000");

        String body = "{\"priceChanges\":[" + Json.writeString(listPrice(sku, "150")) + "],\"rulings\":[]}";
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/projections/" + customer + "/what-if")
                .then().statusCode(200).body("projectedCost", equalTo(1500.00f)).body("lines[0].status", equalTo("OPEN"));
        String blocked = "{\"rulings\":[" + Json.writeString(restrict(unique("R"), sku, "CN")) + "]}";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(blocked)
                .when().post("/api/v1/projections/" + customer + "/what-if")
                .then().statusCode(200).body("blockedValue", equalTo(1000.00f)).body("lines[0].status", equalTo("BLOCKED"));

        Projection after = current(customer);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.projectedCost()).isEqualByComparingTo("1000");
    }

    @Test
    void aBadOrForbiddenWhatIfIsAProblem() {
        String bad = "{\"priceChanges\":[" + Json.writeString(listPrice("X", "1")).replace("\"unitPrice\":1", "\"unitPrice\":0") + "]}";
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/projections/anyone/what-if")
                .then().statusCode(422).body("violations.field", hasItem("priceChanges[0].unitPrice"));
        given().auth().oauth2(TestTokens.viewer("anyone")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/projections/anyone/what-if").then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/projections/" + unique("nobody") + "/what-if").then().statusCode(404);
    }

    private static Projection awaitCost(String customer, String cost) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(current(customer).projectedCost()).isEqualByComparingTo(cost));
        return current(customer);
    }

    private static Projection current(String customer) {
        return Json.read(given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/projections/" + customer)
                .then().statusCode(200).extract().asString(), Projection.class);
    }
}
