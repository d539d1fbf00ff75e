package io.chipcast.gateway;

import static io.chipcast.gateway.ForecastEvents.json;
import static io.chipcast.gateway.ForecastEvents.projection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Projection queries and what-if through the gateway, answered by forecast-service's API (played by ForecastStub). */
@QuarkusTest
class ProjectionQueryTest {

    private static final String PLAN = """
            {"name":"Acme AI","country":"US",
             "lines":[{"lineId":"L1","sku":"H100-SXM5-80G","quantity":20000,"needBy":"2024-06-30"}]}""";

    @Test
    void projectionHistoryAndWhatIfAreForecastServicesAnswersWithTheCallersCredentials() {
        String customer = unique("query");
        ForecastStub.answer(customer, 200, json(projection(customer, 2, 1, 1234)));
        ForecastStub.answer(customer + "/history", 200, "[" + json(projection(customer, 1, 1, 1000)) + ","
                + json(projection(customer, 2, 1, 1234)) + "]");
        ForecastStub.answer(customer + "/what-if", 200, "{\"current\":null,\"hypothetical\":null}");
        String viewer = TestTokens.viewer(customer);

        given().auth().oauth2(viewer).get("/api/v1/customers/{id}/projection", customer)
                .then().statusCode(200).body("version", equalTo(2)).body("projectedCost", equalTo(1234.00f));
        assertThat(ForecastStub.AUTHORIZATIONS).contains("Bearer " + viewer);
        given().auth().oauth2(viewer).get("/api/v1/customers/{id}/projection/history", customer)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.contains(1, 2));
        given().auth().oauth2(TestTokens.analyst()).contentType("application/json").body("{\"priceChanges\":[]}")
                .post("/api/v1/customers/{id}/what-if", customer).then().statusCode(200).body("current", equalTo(null));
        given().auth().oauth2(viewer).get("/api/v1/customers/{id}/projection", unique("other")).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/customers/{id}/projection", unique("nobody"))
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theAlertHistoryIsForecastServicesAnswerWithTheCallersParametersAndTheGatewaysNextLink() {
        String customer = unique("alerted");
        ForecastStub.answerPage(ForecastStub.ALERTS, "[" + Json.writeString(ForecastEvents.alert(customer, AlertType.COST_CHANGED)) + "]",
                "</api/v1/alerts?since=2026-01-01T00%3A00%3A00Z&type=COST_CHANGED&after=1767225600000000.1.1." + customer + "&limit=1>; rel=\"next\"");

        String analyst = TestTokens.analyst();
        String link = given().auth().oauth2(analyst).accept("application/json")
                .get("/api/v1/alerts?since=2026-01-01T00:00:00Z&limit=1&type=COST_CHANGED&customerId=" + customer + "&customerId=other")
                .then().statusCode(200).contentType("application/json").body("customerId", org.hamcrest.Matchers.contains(customer))
                .extract().header("Link");
        assertThat(ForecastStub.QUERIES.get(ForecastStub.ALERTS)).contains("since=2026-01-01T00", "limit=1", "type=COST_CHANGED",
                "customerId=" + customer, "customerId=other");
        assertThat(ForecastStub.AUTHORIZATIONS).last().as("the caller's credentials").isEqualTo("Bearer " + analyst);
        assertThat(link).startsWith("</api/v1/alerts?").contains("type=COST_CHANGED", "after=1767225600000000.1.1." + customer, "limit=1")
                .endsWith("; rel=\"next\"");

        ForecastStub.answer(ForecastStub.ALERTS, 400, "{\"type\":\"https://chipcast.io/problems/invalid\",\"title\":\"Bad Request\","
                + "\"status\":400,\"detail\":\"since: must be an RFC 3339 instant\",\"violations\":[{\"field\":\"since\",\"message\":\"must be\"}]}");
        given().auth().oauth2(TestTokens.analyst()).accept("application/json").get("/api/v1/alerts?since=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers.hasItem("since"));
    }

    @Test
    void thePortfolioIsForecastServicesAnswerWithTheCallersParametersAndCredentials() {
        ForecastStub.answer(ForecastStub.PORTFOLIO, 200, "{\"customers\":2,\"projectedCost\":1234.50,\"blockedValue\":0.00,\"bySku\":[]}");
        String viewer = TestTokens.viewer("pf-1", "pf-2");
        given().auth().oauth2(viewer).get("/api/v1/portfolio?since=2026-01-01T00:00:00Z&top=5&customerId=pf-1,pf-2")
                .then().statusCode(200).contentType("application/json").body("customers", equalTo(2)).body("projectedCost", equalTo(1234.50f));
        assertThat(ForecastStub.QUERIES.get(ForecastStub.PORTFOLIO)).contains("since=2026-01-01T00", "top=5", "customerId=pf-1");
        assertThat(ForecastStub.AUTHORIZATIONS).last().as("the caller's credentials").isEqualTo("Bearer " + viewer);

        ForecastStub.answer(ForecastStub.PORTFOLIO, 400, "{\"type\":\"https://chipcast.io/problems/invalid\",\"title\":\"Bad Request\","
                + "\"status\":400,\"detail\":\"top: must be 1 to 100\",\"violations\":[{\"field\":\"top\",\"message\":\"must be\"}]}");
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/portfolio?top=0")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers.hasItem("top"));
        given().get("/api/v1/portfolio").then().statusCode(401);
    }

    @Test
    void aPageOfTheHistoryLinksToTheGatewaysNextPageNotToForecastService() {
        String customer = unique("paged");
        ForecastStub.answerPage(customer + "/history", "[" + json(projection(customer, 1, 1, 1000)) + "]",
                "</api/v1/projections/" + customer + "/history?after=1&limit=1>; rel=\"next\"");

        String link = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/customers/{id}/projection/history?limit=1", customer)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.contains(1)).extract().header("Link");
        assertThat(ForecastStub.QUERIES.get(customer + "/history")).contains("limit=1");
        assertThat(link).startsWith("</api/v1/customers/" + customer + "/projection/history?").contains("after=1", "limit=1")
                .endsWith("; rel=\"next\"");
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/customers/{id}/projection/history?after=x", customer)
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("after"));
    }

    @Test
    void minPlanVersionWaitsUntilTheProjectionReflectsThePlanWritten() throws Exception {
        String customer = unique("ryw");
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(PLAN)
                .put("/api/v1/customers/{id}/demand-plan", customer).then().statusCode(201);

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> given().auth().oauth2(TestTokens.admin())
                .get("/api/v1/customers/{id}/projection?minPlanVersion=1&wait=20", customer));
        // forecast-service has not projected the plan yet; then it does, and publishes the projection.
        Thread.sleep(500);
        assertThat(waiting).as("still waiting").isNotDone();
        ForecastStub.answer(customer, 200, json(projection(customer, 1, 1, 777)));
        TopicWriter.publish(Topics.PROJECTIONS, projection(customer, 1, 1, 777), "forecast-service");

        Response answer = waiting.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getInt("planVersion")).isEqualTo(1);
    }

    @Test
    void minPlanVersionThatIsNotReachedInTimeOrNeverWrittenIsAProblem() {
        String customer = unique("late");
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(PLAN)
                .put("/api/v1/customers/{id}/demand-plan", customer).then().statusCode(201);

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/customers/{id}/projection?minPlanVersion=1&wait=1", customer)
                .then().statusCode(504).contentType("application/problem+json").body("detail", containsString("plan version 1"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/customers/{id}/projection?minPlanVersion=2", customer)
                .then().statusCode(422).body("violations[0].field", equalTo("minPlanVersion"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/customers/{id}/projection?minPlanVersion=x", customer)
                .then().statusCode(400).body("violations[0].field", equalTo("minPlanVersion"));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/customers/{id}/projection?minPlanVersion=1&wait=31", customer)
                .then().statusCode(400).body("violations[0].field", equalTo("wait"));
    }

    @Test
    void whenForecastServiceFailsTheCallerGetsA503Problem() {
        String customer = unique("down");
        ForecastStub.answer(customer, 500, "{}");

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/customers/{id}/projection", customer)
                .then().statusCode(503).contentType("application/problem+json").body("detail", containsString("forecast-service"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
