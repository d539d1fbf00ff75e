package io.chipcast.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * What every chipcast service serves (SPEC section 5), checked against the running app booted on
 * the real broker and its real database. A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class ServiceEndpointsContract {

    /**
     * The names under which Quarkus reports the broker and the database in {@code /q/health/ready}:
     * the broker through the Kafka channels' checks, each of which asks the cluster within 3 s.
     */
    public static final String KAFKA_CHECK = "SmallRye Reactive Messaging - readiness check";
    public static final String DATABASE_CHECK = "Reactive PostgreSQL connections health check";

    @Test
    void isReadyOnceKafkaAndPostgresAnswer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(KAFKA_CHECK, DATABASE_CHECK))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"));
    }

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesPrometheusMetrics() {
        given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    @Test
    void documentsEveryOperationsAnswersParametersAndProblems() {
        Map<String, Object> document = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(OpenApiDocumentation.gaps(document)).isEmpty();
        assertThat(document).extractingByKey("components").asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("schemas").asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("Problem", "Violation");
    }

    @Test
    void servesSwaggerUi() {
        given().when().get("/q/swagger-ui/index.html")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger"));
    }

    @Test
    void servesTheAsyncApiDocumentOfEveryTopic() {
        given().accept("application/json").when().get("/q/asyncapi")
                .then().statusCode(200)
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.'chip.prices'.address", equalTo("chip.prices"))
                .body("components.messages.ProjectionUpdated.name", equalTo("io.chipcast.projection.updated.v1"));
    }

    @Test
    void ownsItsSchemaThroughVersionedMigrations() {
        assertThat(AppliedMigrations.ofCurrentApp()).startsWith("1.0", "1.1");
    }
}
