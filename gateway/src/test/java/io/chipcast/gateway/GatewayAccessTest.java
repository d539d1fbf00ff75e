package io.chipcast.gateway;

import static io.chipcast.gateway.ForecastEvents.json;
import static io.chipcast.gateway.ForecastEvents.projection;
import static io.chipcast.testkit.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.devstack.http.SseClient;
import io.chipcast.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC section 5 on every gateway endpoint: each role against its own customer ({@code own},
 * which has a plan and a projection) and another one, plus missing, expired and foreign-signed
 * tokens. Admins do everything; analysts read every customer and ask what-if; viewers read only
 * their customers, and get the same 403 for any other whether it exists or not; publishers have
 * no business here.
 */
@QuarkusTest
class GatewayAccessTest {

    /** Fresh customers per run: the matrix expects "other" to have no plan until an admin writes one. */
    private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final String OWN = "own-" + RUN;
    private static final String OTHER = "other-" + RUN;
    private static final String PLAN = """
            {"name":"Own","country":"US","lines":[{"lineId":"L1","sku":"H100-SXM5-80G","quantity":10,"needBy":"2030-01-01"}]}""";

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void ownCustomerHasAPlanAndAProjection() {
        as("admin").contentType("application/json").body(PLAN).put("/api/v1/customers/" + OWN + "/demand-plan")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        for (String customer : new String[] {OWN, OTHER}) {
            ForecastStub.answer(customer, 200, json(projection(customer, 1, 1, 300000)));
            ForecastStub.answer(customer + "/history", 200, "[" + json(projection(customer, 1, 1, 300000)) + "]");
            ForecastStub.answer(customer + "/what-if", 200, "{}");
        }
    }

    @ParameterizedTest(name = "{0} on {1}: read {2}, write plan {3}, what-if {4}")
    @CsvSource({
            // caller,              customer,    reads, plan PUT, what-if
            "admin,         own,   200, 200, 200",
            "admin,         other, 200, 201, 200",
            "analyst,       own,   200, 403, 200",
            "viewer-of-own, own,   200, 403, 403",
            "viewer-of-own, other, 403, 403, 403",
            "publisher,     own,   403, 403, 403",
            "none,          own,   401, 401, 401",
            "expired,       own,   401, 401, 401",
            "foreign-key,   own,   401, 401, 401"})
    void everyEndpointFollowsTheRole(String role, String which, int reads, int planWrite, int whatIf) throws Exception {
        String caller = role.equals("viewer-of-own") ? "viewer-of-" + OWN : role;
        String customer = which.equals("own") ? OWN : OTHER;
        String base = "/api/v1/customers/" + customer;
        int planRead = reads == 200 && customer.equals(OTHER) && !caller.equals("admin") ? 404 : reads;
        as(caller).get(base + "/demand-plan").then().statusCode(caller.equals("admin") && customer.equals(OTHER) ? 404 : planRead);
        as(caller).get(base + "/projection").then().statusCode(reads);
        as(caller).get(base + "/projection/history").then().statusCode(reads);
        as(caller).contentType("application/json").body("{}").post(base + "/what-if").then().statusCode(whatIf);
        assertThat(streamStatus(caller, customer)).as("alert stream").isEqualTo(reads);
        RequestSpecification write = as(caller).contentType("application/json").body(PLAN);
        write.put(base + "/demand-plan").then().statusCode(planWrite);
    }

    @Test
    void theCustomerListShowsAViewerOnlyItsCustomers() {
        as("viewer-of-" + OWN).get("/api/v1/customers").then().statusCode(200)
                .body("customerId", org.hamcrest.Matchers.contains(OWN));
        as("admin").get("/api/v1/customers").then().statusCode(200).body("customerId", org.hamcrest.Matchers.hasItem(OWN));
        as("publisher").get("/api/v1/customers").then().statusCode(403);
        as("none").get("/api/v1/customers").then().statusCode(401);
    }

    /** The stream's status line: 200 opens a stream (closed at once), anything else is a problem. */
    private int streamStatus(String caller, String customer) throws Exception {
        URI uri = root.resolve("api/v1/customers/" + customer + "/alerts");
        String token = switch (caller) {
            case "none" -> null;
            case "expired" -> TestTokens.expired("admin");
            case "foreign-key" -> TestTokens.signedByAnotherKey("admin");
            default -> caller.startsWith("viewer-of-") ? TestTokens.viewer(caller.substring("viewer-of-".length()))
                    : TestTokens.forRole(caller);
        };
        if (token == null) {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
        try (SseClient stream = SseClient.connect(uri, token, null)) {
            return stream.status();
        }
    }
}
