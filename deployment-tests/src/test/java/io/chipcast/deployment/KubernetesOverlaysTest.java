package io.chipcast.deployment;

import static io.chipcast.deployment.Manifests.named;
import static io.chipcast.deployment.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.Retention;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay of deploy/ as {@code kubectl kustomize} renders it, offline: each object valid for
 * its kind's schema, and the whole consistent with the contracts and with what running chipcast
 * needs (probes, limits, graceful shutdown, scaling bounded by partitions, SSE-friendly ingress).
 */
class KubernetesOverlaysTest {

    private static final List<String> SERVICES = List.of("gateway", "pricing-service", "supply-service", "forecast-service");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidForItsKindsSchema(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.render(overlay);
        assertThat(objects).hasSizeGreaterThan(40);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String name = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
            problems.addAll(Validation.problems(object).stream().map(problem -> name + ": " + problem).toList());
            if (!object.path("kind").asText().equals("Namespace")) {
                assertThat(object.path("metadata").path("namespace").asText()).as(name).isEqualTo(overlay.equals("dev") ? "chipcast-dev" : "chipcast");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theTopicsAreTheContractsWithTheirRetentionAndDeadLetterTopics(String overlay) throws Exception {
        List<JsonNode> topics = ofKind(Manifests.render(overlay), "KafkaTopic");
        int replicas = overlay.equals("dev") ? 1 : 3;
        Set<String> expected = new HashSet<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            expected.add(topic.name());
            expected.add(topic.deadLetterTopic());
        }
        assertThat(topics).extracting(t -> t.path("spec").path("topicName").asText()).containsExactlyInAnyOrderElementsOf(expected);
        for (JsonNode topic : topics) {
            String name = topic.path("spec").path("topicName").asText();
            JsonNode config = topic.path("spec").path("config");
            boolean deadLetters = name.endsWith(".dlq");
            Retention retention = deadLetters ? Retention.FULL_HISTORY : Topics.byName(name).orElseThrow().retention();
            assertThat(topic.path("spec").path("partitions").asInt()).as(name).isEqualTo(deadLetters ? 1 : 6);
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(replicas);
            assertThat(config.path("min.insync.replicas").asInt()).as(name).isEqualTo(Math.min(2, replicas));
            assertThat(config.path("cleanup.policy").asText()).as(name).isEqualTo(retention == Retention.COMPACTED ? "compact" : "delete");
            if (retention == Retention.FULL_HISTORY) {
                assertThat(config.path("retention.ms").asLong()).as(name).isEqualTo(-1L);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceRunsWithProbesLimitsAGracefulStopAndItsOwnCredentials(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.render(overlay);
        for (String service : SERVICES) {
            JsonNode pod = named(objects, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(service).isEqualTo("/q/health/started");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(service).isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(service).isEqualTo("/q/health/ready");
            assertThat(container.path("resources").path("requests").has("memory")).as(service).isTrue();
            assertThat(container.path("resources").path("limits").has("memory")).as(service).isTrue();
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(service).isGreaterThanOrEqualTo(30);
            assertThat(secretsOf(container)).as(service).contains("chipcast-" + service + "-db", service);
            named(objects, "Service", service);
            named(objects, "PodDisruptionBudget", service);
            named(objects, "ConfigMap", service);
            assertThat(ofKind(objects, "KafkaUser")).extracting(u -> u.path("metadata").path("name").asText()).contains(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void scalingIsBoundedByThePartitionsAndTheGatewayApiRouteSuitsServerSentEvents(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.render(overlay);
        JsonNode scaledObject = named(objects, "ScaledObject", "forecast-service");
        assertThat(scaledObject.path("spec").path("maxReplicaCount").asInt()).isLessThanOrEqualTo(6);
        assertThat(scaledObject.path("spec").path("triggers")).allSatisfy(trigger -> {
            assertThat(trigger.path("metadata").path("consumerGroup").asText()).isEqualTo("forecast-service");
            assertThat(trigger.path("metadata").path("topic").asText()).isIn(Topics.SHIPMENTS.name(), Topics.DEMAND_PLANS.name());
        });
        assertThat(named(objects, "HorizontalPodAutoscaler", "gateway").path("spec").path("scaleTargetRef").path("name").asText())
                .isEqualTo("gateway");
        assertThat(ofKind(objects, "Ingress")).as("the Ingress is an optional component now").isEmpty();
        JsonNode route = named(objects, "HTTPRoute", "chipcast").path("spec");
        assertThat(route.path("parentRefs").get(0).path("name").asText()).isEqualTo(named(objects, "Gateway", "chipcast")
                .path("metadata").path("name").asText());
        JsonNode toGateway = StreamSupport.stream(route.path("rules").spliterator(), false)
                .filter(rule -> rule.path("backendRefs").get(0).path("name").asText().equals("gateway")).findFirst().orElseThrow();
        assertThat(toGateway.path("matches").get(0).path("path").path("value").asText()).isEqualTo("/");
        assertThat(seconds(toGateway.path("timeouts").path("request").asText())).as("an alert stream is held for an hour")
                .isGreaterThanOrEqualTo(3600);
        assertThat(ofKind(objects, "ServiceMonitor")).singleElement()
                .satisfies(monitor -> assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/q/metrics"));
        assertThat(ofKind(objects, "NetworkPolicy")).hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaUsersMayUseOnlyTopicsThatExist(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.render(overlay);
        Set<String> topics = ofKind(objects, "KafkaTopic").stream().map(t -> t.path("spec").path("topicName").asText())
                .collect(Collectors.toSet());
        for (JsonNode user : ofKind(objects, "KafkaUser")) {
            List<JsonNode> acls = StreamSupport.stream(user.path("spec").path("authorization").path("acls").spliterator(), false).toList();
            assertThat(acls).as(user.path("metadata").path("name").asText()).isNotEmpty();
            acls.stream().filter(acl -> acl.path("resource").path("type").asText().equals("topic"))
                    .forEach(acl -> assertThat(topics).contains(acl.path("resource").path("name").asText()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentRollsOneNewPodInBeforeAnOldOneGoes(String overlay) throws Exception {
        for (JsonNode deployment : ofKind(Manifests.render(overlay), "Deployment")) {
            JsonNode rolling = deployment.path("spec").path("strategy").path("rollingUpdate");
            assertThat(rolling.path("maxUnavailable").asInt(-1)).as(deployment.path("metadata").path("name").asText()).isZero();
            assertThat(rolling.path("maxSurge").asInt()).as(deployment.path("metadata").path("name").asText()).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void theOptionalIngressComponentRendersAValidSseFriendlyIngress() throws Exception {
        List<JsonNode> objects = Manifests.renderWithComponent("dev", "ingress-nginx");
        JsonNode ingress = named(objects, "Ingress", "chipcast");
        assertThat(Validation.problems(ingress)).isEmpty();
        JsonNode annotations = ingress.path("metadata").path("annotations");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText()).isEqualTo("off");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt()).isGreaterThanOrEqualTo(3600);
    }

    @org.junit.jupiter.api.Test
    void theAlertsWatchTheObjectivesAndEachHasARunbookInTheReadme() throws Exception {
        List<JsonNode> objects = Manifests.render("prod");
        List<JsonNode> rules = new ArrayList<>();
        named(objects, "PrometheusRule", "chipcast").path("spec").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        assertThat(rules).extracting(rule -> rule.path("alert").asText()).contains("ChipcastForecastLagHigh", "ChipcastDeadLetters",
                "ChipcastProjectionLatencyHigh", "ChipcastOutboxBacklogGrowing", "ChipcastServiceDown", "ChipcastServiceNotReady");
        String runbook = java.nio.file.Files.readString(Manifests.REPOSITORY.resolve("README.md"));
        runbook = runbook.substring(runbook.indexOf("### Alerts and what to do"));
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertThat(runbook).as("a runbook line for " + alert).contains("`" + alert + "`");
            assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
            assertThat(rule.path("expr").asText()).as(alert + ": no per-pod quantile").doesNotContain("quantile=\"");
        }
        assertThat(named(objects, "Kafka", "chipcast").path("spec").has("kafkaExporter")).isTrue();
        named(objects, "PodMonitor", "chipcast-kafka-exporter");
    }

    @org.junit.jupiter.api.Test
    void theDashboardComputesQuantilesFromHistogramsAcrossPodsAndShowsDeadLetters() throws Exception {
        JsonNode dashboard = Manifests.YAML.readTree(Manifests.REPOSITORY.resolve("deploy/base/grafana/chipcast-dashboard.json").toFile());
        assertThat(dashboard.path("templating").path("list")).extracting(variable -> variable.path("name").asText())
                .contains("namespace", "instance");
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).noneMatch(expr -> expr.contains("quantile=\""))
                .filteredOn(expr -> expr.contains("histogram_quantile")).allMatch(expr -> expr.contains("_bucket") && expr.contains("sum by (le"));
        assertThat(dashboard.path("panels")).anySatisfy(panel -> assertThat(panel.path("title").asText()).startsWith("Dead letters"));
        assertThat(expressions).filteredOn(expr -> expr.startsWith("sum") || expr.startsWith("histogram"))
                .allMatch(expr -> !expr.contains("chipcast_") || expr.contains("namespace=~\"$namespace\""));
    }

    /** A Gateway API duration such as 3600s or 1h, in seconds. */
    private static long seconds(String duration) {
        return java.time.Duration.parse("PT" + duration.toUpperCase(java.util.Locale.ROOT)).toSeconds();
    }

    private static List<String> secretsOf(JsonNode container) {
        List<String> secrets = new ArrayList<>();
        container.path("env").forEach(env -> {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secrets.add(ref.path("name").asText());
            }
        });
        return secrets;
    }
}
