package io.chipcast.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * fabric8's typed model of the kinds chipcast deploys that it models — Kubernetes' own, the Gateway
 * API's and the Prometheus operator's — and a check that an object parsed with it left nothing
 * unrecognised: these models keep unknown fields aside instead of failing, so the check walks the
 * parsed object for any. (The operators' kinds are checked against their CRDs too: CrdSchemas.)
 */
final class TypedModels {

    private static final Map<String, Class<?>> BY_API_AND_KIND = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class));

    private TypedModels() {
    }

    static Optional<Class<?>> modelOf(JsonNode object) {
        return Optional.ofNullable(BY_API_AND_KIND.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText()));
    }

    /** The paths of every field the model did not recognise; empty when the object is entirely valid for it. */
    static List<String> unknownFields(JsonNode object, Class<?> model) throws Exception {
        Object parsed = Manifests.YAML.treeToValue(object, model);
        List<String> unknown = new ArrayList<>();
        walk(parsed, object.path("kind").asText(), unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) throws Exception {
        if (value == null || !isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String name = getter.getName().substring(3);
            if (name.equals("AdditionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (child instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    walk(item, path + "." + decapitalize(name) + "[" + i++ + "]", unknown, seen);
                }
            } else if (child instanceof Map<?, ?> entries) {
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    walk(entry.getValue(), path + "." + decapitalize(name) + "." + entry.getKey(), unknown, seen);
                }
            } else {
                walk(child, path + "." + decapitalize(name), unknown, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") && !type.isEnum();
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
