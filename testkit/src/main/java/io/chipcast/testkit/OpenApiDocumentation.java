package io.chipcast.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an OpenAPI document leaves undocumented, by chipcast's rule: every operation says what it
 * answers on success (a payload with its schema, unless the status has no body), every error and
 * the {@code default} answer is an {@code application/problem+json} Problem, and every parameter
 * and request body has a schema.
 */
public final class OpenApiDocumentation {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> WITHOUT_BODY = Set.of("202", "204");
    private static final String PROBLEM = "#/components/schemas/Problem";

    private OpenApiDocumentation() {
    }

    /** One line per gap, such as "GET /api/v1/skus: 200 has no schema for application/json"; empty when there is none. */
    @SuppressWarnings("unchecked")
    public static List<String> gaps(Map<String, Object> document) {
        List<String> gaps = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                String name = method.toUpperCase() + " " + path;
                gaps.addAll(gapsOf(name, (Map<String, Object>) operation));
            }
        }));
        return gaps;
    }

    @SuppressWarnings("unchecked")
    private static List<String> gapsOf(String operation, Map<String, Object> definition) {
        List<String> gaps = new ArrayList<>();
        Map<String, Object> responses = (Map<String, Object>) definition.getOrDefault("responses", Map.of());
        boolean success = false;
        for (Map.Entry<String, Object> response : responses.entrySet()) {
            String status = response.getKey();
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response.getValue()).get("content");
            if (status.startsWith("2")) {
                success = true;
                if (!WITHOUT_BODY.contains(status)) {
                    gaps.addAll(schemaGaps(operation + ": " + status, content));
                }
            } else if (status.startsWith("4") || status.startsWith("5") || status.equals("default")) {
                Object schema = content == null || !(content.get("application/problem+json") instanceof Map<?, ?> problem)
                        ? null : problem.get("schema");
                if (!(schema instanceof Map<?, ?> reference) || !PROBLEM.equals(reference.get("$ref"))) {
                    gaps.add(operation + ": " + status + " is not an application/problem+json Problem");
                }
            }
        }
        if (!success) {
            gaps.add(operation + ": no success response");
        }
        if (!responses.containsKey("default")) {
            gaps.add(operation + ": no default (problem) response");
        }
        for (Object parameter : (List<Object>) definition.getOrDefault("parameters", List.of())) {
            Map<String, Object> described = (Map<String, Object>) parameter;
            if (!hasSchema(described.get("schema"))) {
                gaps.add(operation + ": parameter " + described.get("name") + " has no schema");
            }
        }
        if (definition.get("requestBody") instanceof Map<?, ?> body) {
            gaps.addAll(schemaGaps(operation + ": request body", (Map<String, Object>) body.get("content")));
        }
        return gaps;
    }

    private static List<String> schemaGaps(String what, Map<String, Object> content) {
        if (content == null || content.isEmpty()) {
            return List.of(what + " has no content");
        }
        List<String> gaps = new ArrayList<>();
        content.forEach((mediaType, media) -> {
            if (!(media instanceof Map<?, ?> described) || !hasSchema(described.get("schema"))) {
                gaps.add(what + " has no schema for " + mediaType);
            }
        });
        return gaps;
    }

    /** A schema that says something: a type, a reference or a composition. */
    private static boolean hasSchema(Object schema) {
        return schema instanceof Map<?, ?> map
                && (map.containsKey("type") || map.containsKey("$ref") || map.containsKey("allOf") || map.containsKey("oneOf")
                || map.containsKey("anyOf"));
    }
}
