package io.chipcast.pricing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.chipcast.devstack.FreePorts;
import io.chipcast.testkit.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness is honest: with the broker and the database out of reach the service is live but not
 * ready, and says which dependency is down. The health configuration is shared by all services
 * (platform module), so one service checks it for all.
 */
@QuarkusTest
@TestProfile(ReadinessWithoutInfrastructureTest.NothingAnswers.class)
class ReadinessWithoutInfrastructureTest {

    @Test
    void isLiveButNotReady() {
        given().when().get("/q/health/live").then().statusCode(200);

        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + ServiceEndpointsContract.KAFKA_CHECK + "' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + ServiceEndpointsContract.DATABASE_CHECK + "' }.status", equalTo("DOWN"));
    }

    public static class NothingAnswers implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String closedPort = String.valueOf(FreePorts.pick());
            return Map.of(
                    "kafka.bootstrap.servers", "127.0.0.1:" + closedPort,
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + closedPort + "/pricing",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/pricing",
                    // Nothing to migrate against: the point is what readiness says, not a failed boot.
                    "quarkus.flyway.migrate-at-start", "false");
        }
    }
}
