package io.chipcast.contracts.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON seen through the shape of an expectation: only the fields the expectation names, numbers
 * by value (10200000000 equals 10200000000.00). Two documents match an expectation when their
 * views through it are equal — how the seed story's expected projections, which leave out
 * version, computedAt and cause, are checked wherever a projection is produced.
 */
public final class JsonShape {

    private JsonShape() {
    }

    /** {@code node} as {@code shape} sees it: nested maps (sorted) and lists of plain text values. */
    public static Object view(JsonNode node, JsonNode shape) {
        if (shape.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            shape.fieldNames().forEachRemaining(name -> fields.put(name, node == null ? null : view(node.get(name), shape.get(name))));
            return fields;
        }
        if (shape.isArray()) {
            List<Object> items = new ArrayList<>();
            int size = node == null ? 0 : node.size();
            for (int i = 0; i < Math.max(size, shape.size()); i++) {
                items.add(i < size && i < shape.size() ? view(node.get(i), shape.get(i)) : String.valueOf(i < size ? node.get(i) : null));
            }
            return items;
        }
        if (node == null || node.isNull()) {
            return "null";
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
    }
}
