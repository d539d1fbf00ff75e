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
import static org.hamcrest.Matchers.hasSize;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.PlanLine;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.RulingAction;
import io.chipcast.contracts.payload.RulingScope;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

    /**
     * The largest what-if the bounds allow, against the largest plan: 1,000 lines of 20 substitutes
     * each, 100 hypothetical rulings of 1,000 listed SKUs each and 100 price changes. Answered, and
     * the service is ready afterwards; one more change is refused before any work.
     */
    @Test
    void theLargestWhatIfTheBoundsAllowIsAnsweredAndOneMoreIsRefused() {
        String customer = unique("worst");
        List<String> skus = IntStream.range(0, 21).mapToObj(i -> unique("W")).toList();
        List<PlanLine> lines = IntStream.range(0, Limits.MAX_PLAN_LINES).mapToObj(i -> new PlanLine("L" + i, skus.get(0), 1_000L,
                LocalDate.of(2030, 1, 1), skus.subList(1, 21))).toList();
        TopicWriter.publish(Topics.DEMAND_PLANS, new DemandPlan(customer, "Worst", "CN", 1L, lines), "test");
        TopicWriter.publish(Topics.PRICES, listPrice(skus.get(0), "100"), "test");
        awaitCost(customer, "100000000");

        List<String> scope = IntStream.range(0, Limits.MAX_SCOPE_SKUS - 1).mapToObj(i -> "OTHER-" + i).collect(Collectors.toList());
        scope.add(skus.get(0));
        StringBuilder rulings = new StringBuilder();
        StringBuilder prices = new StringBuilder();
        for (int i = 0; i < Limits.MAX_WHAT_IF_CHANGES; i++) {
            rulings.append(i == 0 ? "" : ",").append(Json.writeString(new Ruling(unique("R"), "US-BIS", null, RulingAction.RESTRICT,
                    Instant.parse("2025-01-01T00:00:00Z"), List.of("CN"), new RulingScope(scope, null, null), null)));
            prices.append(i == 0 ? "" : ",").append(Json.writeString(listPrice(skus.get(1 + i % 20), String.valueOf(100 + i))));
        }
        String worst = "{\"priceChanges\":[" + prices + "],\"rulings\":[" + rulings + "]}";
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(worst)
                .when().post("/api/v1/projections/" + customer + "/what-if")
                .then().statusCode(200).body("lines", hasSize(Limits.MAX_PLAN_LINES)).body("lines[999].status", equalTo("BLOCKED"));
        given().when().get("/q/health/ready").then().statusCode(200);

        String tooMany = "{\"priceChanges\":[" + prices + "," + Json.writeString(listPrice(skus.get(1), "1")) + "]}";
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body(tooMany)
                .when().post("/api/v1/projections/" + customer + "/what-if")
                .then().statusCode(422).body("violations.field", hasItem("priceChanges"));
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
