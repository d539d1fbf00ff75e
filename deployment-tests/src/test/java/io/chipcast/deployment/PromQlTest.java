package io.chipcast.deployment;

import static io.chipcast.deployment.Manifests.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PromQL of the alerts and of the dashboard, checked by Prometheus' own promtool: a typo in an
 * expression would otherwise surface only as an alert that never fires or an empty panel.
 */
class PromQlTest {

    private static final Path WORK = Manifests.REPOSITORY.resolve("deployment-tests/target/promql");

    @Test
    void theAlertsAreValidPrometheusRules() throws Exception {
        JsonNode rules = named(Manifests.render("prod"), "PrometheusRule", "chipcast").path("spec");
        assertThat(check("alerts.yaml", rules)).contains("SUCCESS");
    }

    @Test
    void everyDashboardQueryIsValidPromQl() throws Exception {
        JsonNode dashboard = Manifests.YAML.readTree(Manifests.REPOSITORY.resolve("deploy/base/grafana/chipcast-dashboard.json").toFile());
        ObjectNode rules = Manifests.YAML.createObjectNode();
        ArrayNode recorded = rules.putArray("groups").addObject().put("name", "dashboard").putArray("rules");
        int index = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                // Grafana's variables, as "All" expands them.
                String expression = target.path("expr").asText().replace("$namespace", ".*").replace("$instance", ".*");
                recorded.addObject().put("record", "chipcast:dashboard:" + index++).put("expr", expression);
            }
        }
        assertThat(index).isGreaterThan(10);
        assertThat(check("dashboard.yaml", rules)).contains("SUCCESS: " + index + " rules found");
    }

    @Test
    void promtoolRefusesABrokenExpression() throws Exception {
        ObjectNode rules = Manifests.YAML.createObjectNode();
        rules.putArray("groups").addObject().put("name", "broken").putArray("rules").addObject()
                .put("alert", "Broken").put("expr", "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))");
        assertThatThrownBy(() -> check("broken.yaml", rules)).hasMessageContaining("promtool");
    }

    private static String check(String file, JsonNode rules) throws Exception {
        Files.createDirectories(WORK);
        Path written = WORK.resolve(file);
        Manifests.YAML.writeValue(written.toFile(), rules);
        return Manifests.run(List.of(promtool(), "check", "rules", written.toString()));
    }

    private static String promtool() {
        Path extracted = Manifests.REPOSITORY.resolve("deployment-tests/target/tools/usr/bin/promtool");
        return Files.isExecutable(extracted) ? extracted.toString() : "promtool";
    }
}
