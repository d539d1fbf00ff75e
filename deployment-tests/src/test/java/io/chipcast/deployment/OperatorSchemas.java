package io.chipcast.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of the CloudNativePG and KEDA kinds that chipcast deploys, as their CRDs define them
 * (CloudNativePG 1.26 {@code postgresql.cnpg.io/v1}, KEDA 2.17 {@code keda.sh/v1alpha1}), for the
 * parts of their schemas chipcast uses: neither project publishes a Java model on Maven Central,
 * so these lists stand in for one. A field outside them is a typo or a field of another version.
 */
final class OperatorSchemas {

    /** Per kind: per path within the object ("" is the object), the field names allowed there. */
    private static final Map<String, Map<String, Set<String>>> FIELDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Map.of(
                    "", Set.of("apiVersion", "kind", "metadata", "spec"),
                    "spec", Set.of("instances", "imageName", "imageCatalogRef", "storage", "walStorage", "resources", "monitoring",
                            "managed", "bootstrap", "postgresql", "affinity", "backup", "description", "enableSuperuserAccess",
                            "primaryUpdateStrategy", "primaryUpdateMethod", "startDelay", "stopDelay", "superuserSecret", "certificates",
                            "minSyncReplicas", "maxSyncReplicas", "replica", "externalClusters", "logLevel", "env", "envFrom",
                            "priorityClassName", "schedulerName", "topologySpreadConstraints", "tablespaces", "plugins", "probes"),
                    "spec.storage", Set.of("size", "storageClass", "resizeInUseVolumes", "pvcTemplate"),
                    "spec.monitoring", Set.of("enablePodMonitor", "customQueriesConfigMap", "customQueriesSecret",
                            "disableDefaultQueries", "podMonitorMetricRelabelings", "podMonitorRelabelings", "tls"),
                    "spec.managed", Set.of("roles", "services"),
                    "spec.managed.roles[]", Set.of("name", "ensure", "login", "passwordSecret", "comment", "connectionLimit",
                            "createdb", "createrole", "disablePassword", "inherit", "inRoles", "replication", "superuser",
                            "bypassrls", "validUntil")),
            "postgresql.cnpg.io/v1/Database", Map.of(
                    "", Set.of("apiVersion", "kind", "metadata", "spec"),
                    "spec", Set.of("cluster", "name", "owner", "ensure", "databaseReclaimPolicy", "template", "encoding", "locale",
                            "localeProvider", "lcCollate", "lcCtype", "icuLocale", "icuRules", "builtinLocale", "collationVersion",
                            "isTemplate", "allowConnections", "connectionLimit", "tablespace", "extensions", "schemas")),
            "keda.sh/v1alpha1/ScaledObject", Map.of(
                    "", Set.of("apiVersion", "kind", "metadata", "spec"),
                    "spec", Set.of("scaleTargetRef", "minReplicaCount", "maxReplicaCount", "cooldownPeriod", "pollingInterval",
                            "idleReplicaCount", "initialCooldownPeriod", "fallback", "advanced", "triggers"),
                    "spec.scaleTargetRef", Set.of("name", "apiVersion", "kind", "envSourceContainerName"),
                    "spec.triggers[]", Set.of("type", "metadata", "authenticationRef", "name", "useCachedMetrics", "metricType"),
                    "spec.triggers[].authenticationRef", Set.of("name", "kind")),
            "keda.sh/v1alpha1/TriggerAuthentication", Map.of(
                    "", Set.of("apiVersion", "kind", "metadata", "spec"),
                    "spec", Set.of("secretTargetRef", "configMapTargetRef", "env", "hashiCorpVault", "podIdentity",
                            "azureKeyVault", "awsSecretManager", "gcpSecretManager", "boundServiceAccountToken"),
                    "spec.secretTargetRef[]", Set.of("parameter", "name", "key")));

    private OperatorSchemas() {
    }

    static boolean covers(JsonNode object) {
        return FIELDS.containsKey(key(object));
    }

    /** The fields the kind does not define, by path; empty when all are known. */
    static List<String> unknownFields(JsonNode object) {
        Map<String, Set<String>> schema = Optional.ofNullable(FIELDS.get(key(object))).orElseThrow();
        List<String> unknown = new ArrayList<>();
        schema.forEach((path, allowed) -> nodesAt(object, path).forEach(node -> {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    unknown.add((path.isEmpty() ? "" : path + ".") + name);
                }
            }
        }));
        return unknown;
    }

    private static List<JsonNode> nodesAt(JsonNode root, String path) {
        List<JsonNode> nodes = new ArrayList<>(List.of(root));
        if (path.isEmpty()) {
            return nodes;
        }
        for (String step : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            boolean each = step.endsWith("[]");
            String field = each ? step.substring(0, step.length() - 2) : step;
            for (JsonNode node : nodes) {
                JsonNode child = node.path(field);
                if (each) {
                    child.forEach(next::add);
                } else if (child.isObject()) {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }
}
