package io.chipcast.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml, checked without a Docker engine: valid for Compose, ordered by health, its topics the contracts'. */
class ComposeFileTest {

    private static final List<String> SERVICES = List.of("gateway", "pricing-service", "supply-service", "forecast-service");

    @Test
    void composeAcceptsTheFileAndEveryServiceStartsOnlyOnHealthyDependencies() throws Exception {
        String resolved = Manifests.run(List.of("docker-compose", "-f", "docker-compose.yml", "config"));
        JsonNode compose = Manifests.YAML.readTree(resolved);
        JsonNode services = compose.path("services");
        assertThat(services.fieldNames()).toIterable()
                .contains("kafka", "kafka-topics", "postgres", "prometheus", "grafana").containsAll(SERVICES);
        assertThat(services.path("kafka").path("image").asText()).isEqualTo("apache/kafka:4.1.2");
        for (String service : SERVICES) {
            JsonNode definition = services.path(service);
            assertThat(definition.path("build").path("args").path("SERVICE").asText()).as(service).isEqualTo(service);
            assertThat(definition.path("healthcheck").path("test").toString()).as(service).contains("/q/health/ready");
            assertThat(definition.path("depends_on").path("kafka-topics").path("condition").asText()).as(service)
                    .isEqualTo("service_completed_successfully");
            assertThat(definition.path("depends_on").path("postgres").path("condition").asText()).as(service).isEqualTo("service_healthy");
            assertThat(definition.path("environment").path("QUARKUS_DATASOURCE_REACTIVE_URL").asText()).as(service)
                    .startsWith("postgresql://postgres:5432/");
        }
        assertThat(services.path("gateway").path("depends_on").path("forecast-service").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(Files.readString(Manifests.REPOSITORY.resolve("deploy/compose/prometheus.yml")))
                .contains("/q/metrics", "gateway:8080", "pricing-service:8081", "supply-service:8082", "forecast-service:8083");
    }

    @Test
    void theTopicScriptCreatesTheContractsTopicsWithTheirRetention() throws Exception {
        String script = Files.readString(Manifests.REPOSITORY.resolve("deploy/compose/create-topics.sh"));
        for (Topic<String, ?> topic : Topics.ALL) {
            Matcher line = Pattern.compile("^create " + Pattern.quote(topic.name()) + " \"\\$PARTITIONS\" \"\\$\\{(\\w+)\\[@]}\"$",
                    Pattern.MULTILINE).matcher(script);
            assertThat(line.find()).as(topic.name()).isTrue();
            assertThat(line.group(1)).as(topic.name()).isEqualTo(topic.retention().name());
        }
        assertThat(script).contains("for topic in " + String.join(" ", Topics.ALL.stream().map(Topic::name).toList()) + "; do",
                "create \"$topic.dlq\" 1 \"${FULL_HISTORY[@]}\"");
    }
}
