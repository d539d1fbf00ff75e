package io.chipcast.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What checks a rendered object: its operator's CRD of the release chipcast targets (CrdSchemas),
 * fabric8's typed model where there is one (TypedModels), or both. An object neither knows is a
 * problem too: a misspelt kind or API group must not pass unchecked.
 */
final class Validation {

    private Validation() {
    }

    static List<String> problems(JsonNode object) throws Exception {
        List<String> problems = new ArrayList<>();
        boolean byCrd = CrdSchemas.covers(object);
        if (byCrd) {
            problems.addAll(CrdSchemas.problems(object));
        }
        Optional<Class<?>> model = TypedModels.modelOf(object);
        if (model.isPresent()) {
            TypedModels.unknownFields(object, model.get()).forEach(field -> problems.add("unknown field " + field));
        }
        if (!byCrd && model.isEmpty()) {
            problems.add("no schema to check " + object.path("apiVersion").asText() + " " + object.path("kind").asText() + " against");
        }
        return problems;
    }
}
