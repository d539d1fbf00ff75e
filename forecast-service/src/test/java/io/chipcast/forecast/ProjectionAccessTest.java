package io.chipcast.forecast;

import static io.chipcast.testkit.Callers.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC section 5 on projections: admins and analysts read every customer, viewers theirs, and a
 * viewer gets the same 403 for another customer whether it exists or not.
 */
@QuarkusTest
class ProjectionAccessTest {

    @ParameterizedTest(name = "{0} reading {1}: {2}")
    @CsvSource({
            "admin, nobody-here, 404", "analyst, nobody-here, 404",
            "viewer-of-nobody-here, nobody-here, 404", "viewer-of-someone, nobody-here, 403",
            "publisher, nobody-here, 403", "none, nobody-here, 401", "expired, nobody-here, 401",
            "admin, not an id, 400"})
    void accessFollowsTheRole(String caller, String customer, int status) {
        as(caller).when().get("/api/v1/projections/" + customer).then().statusCode(status)
                .contentType("application/problem+json");
        as(caller).when().get("/api/v1/projections/" + customer + "/history")
                .then().statusCode(status == 404 ? 200 : status);
    }
}
