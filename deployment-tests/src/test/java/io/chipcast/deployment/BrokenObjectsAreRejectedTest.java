package io.chipcast.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of the rendered overlays are only worth something if they refuse what a cluster would:
 * each broken object here — a retired API version, an unknown field, a misspelt kind, a wrong type —
 * must be reported, naming what is wrong.
 */
class BrokenObjectsAreRejectedTest {

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata: {name: t, labels: {strimzi.io/cluster: chipcast}}
            spec: {topicName: t, partitions: 6, replicas: 3, config: {cleanup.policy: delete}}
            """;
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              selector: {matchLabels: {app: d}}
              template:
                metadata: {labels: {app: d}}
                spec: {containers: [{name: d, image: d}]}
            """;
    private static final String ROUTE = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r}
            spec:
              parentRefs: [{name: chipcast}]
              rules: [{backendRefs: [{name: gateway, port: 8080}], timeouts: {request: 3600s}}]
            """;

    static Stream<Arguments> brokenObjects() {
        return Stream.of(
                Arguments.of("a retired Strimzi API version", TOPIC.replace("kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2"),
                        "is not the current version"),
                Arguments.of("an unknown field of a Strimzi kind", TOPIC.replace("partitions: 6", "partitionz: 6"), "spec.partitionz: unknown field"),
                Arguments.of("a misspelt Strimzi kind", TOPIC.replace("kind: KafkaTopic", "kind: KafkaTopics"), "defines the kind KafkaTopics"),
                Arguments.of("a wrong type in a Strimzi kind", TOPIC.replace("partitions: 6", "partitions: six"), "spec.partitions: must be of type integer"),
                Arguments.of("a retired Gateway API version", ROUTE.replace("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1"),
                        "is not the current version"),
                Arguments.of("an unknown field of a Gateway API kind", ROUTE.replace("request: 3600s", "request: 3600s, idle: 1s"),
                        "timeouts.idle"),
                Arguments.of("an unknown field of a Kubernetes kind", DEPLOYMENT.replace("selector:", "replicaz: 2\n  selector:"),
                        "unknown field Deployment.spec.replicaz"),
                Arguments.of("a misspelt Kubernetes kind", DEPLOYMENT.replace("kind: Deployment", "kind: Deplyment"), "no schema to check"),
                Arguments.of("a misspelt API group", TOPIC.replace("kafka.strimzi.io/v1", "kafka.strimzi.oi/v1"), "no schema to check"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenObjects")
    void isReported(String description, String yaml, String expected) throws Exception {
        JsonNode object = Manifests.readAll(yaml).get(0);
        assertThat(Validation.problems(object)).as(description).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void theSameObjectsUnbrokenPass() throws Exception {
        for (String yaml : List.of(TOPIC, DEPLOYMENT, ROUTE)) {
            assertThat(Validation.problems(Manifests.readAll(yaml).get(0))).as(yaml).isEmpty();
        }
    }
}
