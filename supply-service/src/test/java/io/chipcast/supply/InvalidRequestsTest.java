package io.chipcast.supply;

import static io.chipcast.supply.SupplyApi.assertNeverPublished;
import static io.chipcast.supply.SupplyApi.restrict;
import static io.chipcast.supply.SupplyApi.shipment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import io.chipcast.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad rulings and shipment events: a 400/422 problem naming the field, and nothing published. */
@QuarkusTest
class InvalidRequestsTest {

    /** Every bad request uses these keys, which must therefore never appear on a topic. */
    static final String RULING = "BIS-INVALID-" + System.nanoTime();
    static final String CUSTOMER = "invalid-" + System.nanoTime();

    static Stream<Arguments> badRequests() {
        String ruling = restrict(RULING, "[\"A800-80G\"]", "4800");
        String event = shipment("SHP-INVALID", CUSTOMER, "ALLOCATED", "2024-03-01", "2024-01-10T09:00:00Z");
        return Stream.of(
                bad("rulings", "an unknown action", ruling.replace("RESTRICT", "BAN"), "action"),
                bad("rulings", "no destination", ruling.replace("[\"CN\",\"MO\"]", "[]"), "destinations"),
                bad("rulings", "an unknown country", ruling.replace("\"MO\"", "\"ZZ\""), "destinations[1]"),
                bad("rulings", "a country name", ruling.replace("\"MO\"", "\"Macao\""), "destinations[1]"),
                bad("rulings", "an empty scope", ruling.replace("[\"A800-80G\"]", "[]").replace("4800", "null"), "scope"),
                bad("rulings", "a negative threshold", ruling.replace("4800", "-1"), "scope.minTpp"),
                bad("rulings", "a density threshold alone", ruling.replace("\"minTpp\":4800,\"minPerformanceDensity\":null",
                        "\"minTpp\":null,\"minPerformanceDensity\":5"), "scope.minPerformanceDensity"),
                bad("rulings", "a LIFT without lifts", ruling.replace("RESTRICT", "LIFT"), "lifts"),
                bad("rulings", "a bad instant", ruling.replace("2023-11-17T00:00:00Z", "17/11/2023"), "effectiveAt"),
                bad("rulings", "an unknown field", ruling.replace("\"lifts\":null", "\"lifts\":null,\"severity\":1"), "severity"),
                bad("shipments", "an unknown status", event.replace("ALLOCATED", "LOST"), "status"),
                bad("shipments", "a zero quantity", event.replace("2000", "0"), "quantity"),
                bad("shipments", "a fractional quantity", event.replace("2000", "2000.5"), "quantity"),
                bad("shipments", "a negative price", event.replace("26000.00", "-26000.00"), "unitPrice"),
                bad("shipments", "an impossible eta", event.replace("2024-03-01", "2024-02-30"), "eta"),
                bad("shipments", "a missing occurredAt", event.replace(",\"occurredAt\":\"2024-01-10T09:00:00Z\"", ""), "occurredAt"),
                bad("shipments", "a bad customer id", event.replace(CUSTOMER, "acme ai"), "customerId"),
                bad("shipments", "malformed JSON", event.substring(0, 40), "$"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badRequests")
    void aBadRequestIsAProblemNamingTheField(String resource, String description, String body, String field) {
        given().auth().oauth2(TestTokens.publisher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/" + resource)
                .then().statusCode(oneOf(400, 422)).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void noBadRequestWasEverPublished() {
        assertNeverPublished("export.rulings", RULING);
        assertNeverPublished("supply.shipments", CUSTOMER);
    }

    private static Arguments bad(String resource, String description, String body, String field) {
        return Arguments.of(resource, description, body, field);
    }
}
