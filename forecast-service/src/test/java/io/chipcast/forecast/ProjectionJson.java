package io.chipcast.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares projections as JSON: only the fields an expectation names, numbers by value (10200000000 = 10200000000.00). */
final class ProjectionJson {

    private ProjectionJson() {
    }

    static Object canonical(JsonNode node, JsonNode shape) {
        if (shape.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            shape.fieldNames().forEachRemaining(name -> fields.put(name, node == null ? null : canonical(node.get(name), shape.get(name))));
            return fields;
        }
        if (shape.isArray()) {
            List<Object> items = new ArrayList<>();
            int size = node == null ? 0 : node.size();
            for (int i = 0; i < Math.max(size, shape.size()); i++) {
                items.add(i < size && i < shape.size() ? canonical(node.get(i), shape.get(i)) : String.valueOf(i < size ? node.get(i) : null));
            }
            return items;
        }
        if (node == null || node.isNull()) {
            return "null";
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
    }
}
