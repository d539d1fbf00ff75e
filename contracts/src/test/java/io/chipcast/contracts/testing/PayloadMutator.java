package io.chipcast.contracts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded variants of a valid payload: one to three of its values replaced by values from the edges
 * of the contract (the largest money, the smallest tpp, the last microsecond of 9999, ...) and from
 * beyond them (1E+5000, NUL, lone surrogates, year 10000, nanoseconds, a value of the wrong type), a
 * field removed or an unknown one added. Roughly a fifth stay valid, so that both what a publisher
 * accepts and what it refuses are exercised. The same seed gives the same variants.
 */
public final class PayloadMutator {

    // Exact decimals: 27500.00 stays 27500.00, as a client would write it.
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Numbers at and beyond the bounds of chipcast's Limits, and ordinary ones. */
    static final List<String> NUMBERS = List.of(
            "0", "1", "-1", "2", "0.01", "0.001", "0.0001", "0.00001", "-0.0", "1.5", "42", "15832", "19.4",
            "27500.00", "9999999999999999.99", "9999999999999999.999", "10000000000000000", "1E+16", "1E+15",
            "10000000", "10000000.01", "9999999.99", "1000000", "1000000.0001", "999999.9999",
            "1000000000", "1000000001", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808",
            "1E+5000", "1E-5000", "1E+100000", "-1E+100000", "1e2", "1.0E+1", "123456789012345678901234567890");

    /** Text at and beyond the bounds: instants and dates at the edges of 0001-9999, control characters, odd Unicode. */
    static final List<String> TEXTS = List.of(
            "", " ", "H100-SXM5-80G", "H20-96G", "A800-80G", "acme-ai", "x", "X".repeat(64), "X".repeat(65),
            "Y".repeat(129), "Z".repeat(201), "W".repeat(1001), "a b", "a\u0000b", "line\nbreak", "tab\there",
            "\u007f", "\u0085", "\ud800", "\udc00x", "😀 emoji", "中文", "éàü", "‮rtl", "\ufeffbom",
            "LIST", "SPOT", "USD", "EUR", "RESTRICT", "LIFT", "ALLOCATED", "DELIVERED", "CANCELLED", "US", "CN", "MO", "XX",
            "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123456Z", "2024-01-01T00:00:00.123456789Z",
            "2024-01-01T00:00:00.1234567Z", "2024-01-01T08:00:00+08:00", "2024-01-01T00:00:00", "2024-01-01",
            "0001-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "0000-12-31T23:59:59Z",
            "9999-12-31T23:59:59.999999Z", "9999-12-31T23:00:00-01:00", "+10000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2024-02-30T00:00:00Z",
            "2024-06-30", "0001-01-01", "9999-12-31", "0000-01-01", "+10000-01-01", "2024-02-29", "2023-02-29", "01/03/2024");

    private final Random random;

    public PayloadMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A variant of {@code valid}; {@code valid} itself is left untouched. */
    public ObjectNode mutate(ObjectNode valid) {
        ObjectNode variant = valid.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutateOnce(variant);
        }
        return variant;
    }

    /** One value of the kind chipcast's payloads hold, from the edges of the contract or beyond. */
    public JsonNode edgeValue() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.arrayNode();
            case 3 -> NODES.objectNode();
            case 4, 5, 6 -> number();
            default -> NODES.textNode(pick(TEXTS));
        };
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private void mutateOnce(ObjectNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        Slot slot = pick(slots);
        switch (random.nextInt(10)) {
            case 0 -> slot.remove();
            case 1 -> root.set("unexpected" + random.nextInt(3), edgeValue());
            case 2 -> slot.replace(longArray(slot.current()));
            default -> slot.replace(likeOf(slot.current()));
        }
    }

    /** Most often a value of the same JSON type as the one replaced, so that the variant gets past the reader's types. */
    private JsonNode likeOf(JsonNode current) {
        if (random.nextInt(4) == 0) {
            return edgeValue();
        }
        if (current.isNumber()) {
            return number();
        }
        if (current.isTextual()) {
            return NODES.textNode(pick(TEXTS));
        }
        return edgeValue();
    }

    private JsonNode number() {
        return NODES.numberNode(new BigDecimal(pick(NUMBERS)));
    }

    /** An array far longer than any bound, of copies of an element (or of edge values). */
    private ArrayNode longArray(JsonNode current) {
        ArrayNode array = NODES.arrayNode();
        int length = pick(List.of(21, 251, 1001, 10_001));
        JsonNode element = current.isArray() && !current.isEmpty() ? current.get(0) : edgeValue();
        for (int i = 0; i < length; i++) {
            array.add(element.isTextual() ? NODES.textNode(element.asText() + i) : element.deepCopy());
        }
        return array;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** A place in the tree that holds a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {

        JsonNode current() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void replace(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }
}
