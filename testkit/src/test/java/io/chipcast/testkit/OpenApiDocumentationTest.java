package io.chipcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentationTest {

    private static final Map<String, Object> PROBLEM = Map.of("content",
            Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));

    @Test
    void aDocumentedOperationHasNoGap() {
        Map<String, Object> operation = Map.of(
                "parameters", List.of(Map.of("name", "limit", "in", "query", "schema", Map.of("type", "integer"))),
                "responses", Map.of(
                        "200", Map.of("content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Sku")))),
                        "204", Map.of("description", "no body"),
                        "400", PROBLEM,
                        "default", PROBLEM));
        assertThat(OpenApiDocumentation.gaps(document(operation))).isEmpty();
    }

    @Test
    void eachGapIsNamedWithItsOperation() {
        Map<String, Object> operation = Map.of(
                "parameters", List.of(Map.of("name", "after", "in", "query")),
                "requestBody", Map.of("content", Map.of("application/json", Map.of())),
                "responses", Map.of(
                        "200", Map.of("content", Map.of("application/json", Map.of())),
                        "401", Map.of("description", "Not Authorized")));
        assertThat(OpenApiDocumentation.gaps(document(operation))).containsExactlyInAnyOrder(
                "GET /api/v1/skus: 200 has no schema for application/json",
                "GET /api/v1/skus: 401 is not an application/problem+json Problem",
                "GET /api/v1/skus: no default (problem) response",
                "GET /api/v1/skus: parameter after has no schema",
                "GET /api/v1/skus: request body has no schema for application/json");
    }

    @Test
    void anOperationWithoutASuccessResponseIsAGap() {
        Map<String, Object> operation = Map.of("responses", Map.of("default", PROBLEM));
        assertThat(OpenApiDocumentation.gaps(document(operation))).containsExactly("GET /api/v1/skus: no success response");
    }

    private static Map<String, Object> document(Map<String, Object> operation) {
        return Map.of("paths", Map.of("/api/v1/skus", Map.of("get", operation, "parameters", List.of())));
    }
}
