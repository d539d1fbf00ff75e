package io.chipcast.forecast;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.json.JsonShape;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.scenario.ScenarioFile;
import io.chipcast.testkit.TestTokens;
import io.chipcast.testkit.TopicReader;
import io.chipcast.testkit.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The public seed story, published to the topics as the other services would, ends in the expected projections. */
@QuarkusTest
class SeedStoryThroughTopicsTest {

    private static final Path STORY = Path.of("..", "scenarios", "seed-story.json");
    private static final Path EXPECTED = Path.of("..", "scenarios", "seed-story.expected.json");

    @Test
    void everyCustomerEndsWithTheExpectedProjectionToTheCent() throws Exception {
        ScenarioFile story = ScenarioFile.parse(Files.readAllBytes(STORY));
        story.events().forEach(event -> TopicWriter.publish(event.topic(), event.payload(), "seed-story-test"));

        JsonNode expected = Json.mapper().readTree(Files.readAllBytes(EXPECTED));
        for (Iterator<Map.Entry<String, JsonNode>> customers = expected.fields(); customers.hasNext(); ) {
            Map.Entry<String, JsonNode> customer = customers.next();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String body = given().auth().oauth2(TestTokens.analyst())
                        .when().get("/api/v1/projections/" + customer.getKey())
                        .then().extract().asString();
                JsonNode actual = Json.mapper().readTree(body);
                assertThat(JsonShape.view(actual, customer.getValue()))
                        .isEqualTo(JsonShape.view(customer.getValue(), customer.getValue()));
            });
        }

        JsonNode cloud = Json.mapper().readTree(given().auth().oauth2(TestTokens.viewer("cloud-cn"))
                .when().get("/api/v1/projections/cloud-cn/history").then().statusCode(200).extract().asString());
        assertThat(cloud.size()).isGreaterThan(1);
        assertThat(cloud.get(cloud.size() - 1).path("cause").path("eventType").asText()).startsWith("io.chipcast.");

        List<Alert> alerts = TopicReader.await(Topics.ALERTS.name(), 1, r -> Objects.equals(r.key(), "cloud-cn"), Duration.ofSeconds(30))
                .stream().map(r -> Json.read(r.value(), Alert.class)).toList();
        assertThat(alerts).anySatisfy(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.LINE_BLOCKED);
            assertThat(alert.lineId()).isEqualTo("C2");
        });
        assertThat(TopicReader.readAll(Topics.PROJECTIONS.name())).filteredOn(r -> "frontier-lab-us".equals(r.key())).isNotEmpty();
    }
}
