package io.chipcast.supply;

import static io.chipcast.supply.SupplyApi.restrict;
import static io.chipcast.supply.SupplyApi.shipment;
import static io.chipcast.supply.SupplyApi.unique;
import static io.chipcast.testkit.Callers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessAndIdempotencyTest {

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
            "admin, POST, rulings, 201", "publisher, POST, shipments, 201",
            "analyst, POST, rulings, 403", "viewer, POST, shipments, 403",
            "none, POST, rulings, 401", "expired, POST, shipments, 401", "foreign-key, POST, rulings, 401",
            "admin, GET, rulings, 200", "publisher, GET, shipments, 200", "analyst, GET, shipments, 200",
            "viewer, GET, rulings, 200", "viewer, GET, shipments, 200",
            "none, GET, shipments, 401", "expired, GET, rulings, 401", "foreign-key, GET, shipments, 401"})
    void accessFollowsTheRole(String caller, String method, String resource, int status) {
        RequestSpecification request = as(caller).contentType(ContentType.JSON);
        if (method.equals("POST")) {
            request.body(resource.equals("rulings")
                    ? restrict(unique("BIS-SEC"), "[\"A800-80G\"]", "null")
                    : shipment(unique("SHP"), unique("sec"), "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z"));
        }
        Response response = request.when().request(method, "/api/v1/" + resource);
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json");
        }
    }

    @Test
    void aRetriedShipmentEventIsPublishedOnceAndAReusedKeyIsRefused() {
        String key = unique("key");
        String customer = unique("idem");
        String body = shipment(unique("SHP"), customer, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z");

        Response first = post(key, body);
        Response retry = post(key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        post(key, body.replace("ALLOCATED", "SHIPPED")).then().statusCode(422)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        SupplyApi.assertNeverPublished("supply.shipments", "nothing");
        assertThat(TopicReader.readAll("supply.shipments")).filteredOn(TopicReader.withKey(customer)).hasSize(1);
    }

    private static Response post(String key, String body) {
        return given().auth().oauth2(TestTokens.publisher()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/shipments");
    }
}
