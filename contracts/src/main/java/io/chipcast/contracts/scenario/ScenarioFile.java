package io.chipcast.contracts.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.MalformedPayloadException;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario (SPEC section 6, format of scenarios/seed-story.json): a {@code catalog} and a
 * timeline of {@code events}, each with a {@code kind} and the fields of its payload. Read into
 * the payloads and the topics they belong on, in arrival order (catalog first); a bad file names
 * the event index and field.
 */
public record ScenarioFile(String name, List<Event> events) {

    private static final Map<String, Topic<String, ?>> TOPIC_BY_KIND = Map.of(
            "catalog", Topics.CATALOG, "price", Topics.PRICES, "ruling", Topics.RULINGS,
            "shipment", Topics.SHIPMENTS, "plan", Topics.DEMAND_PLANS);

    /**
     * One event of the timeline: the topic it belongs on and its payload, validated.
     *
     * @param where where it is in the file, such as {@code events[3]} or {@code catalog[0]}
     */
    public record Event(String where, Topic<String, ?> topic, Validated payload) {
    }

    public ScenarioFile {
        events = List.copyOf(events);
    }

    public static ScenarioFile parse(byte[] json) {
        JsonNode root = Json.parseTree(json);
        List<Violation> violations = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        JsonNode catalog = root.path("catalog");
        if (!catalog.isMissingNode() && !catalog.isArray()) {
            violations.add(new Violation("catalog", "must be a list of catalog entries"));
        }
        for (int i = 0; i < catalog.size(); i++) {
            read(catalog.get(i), Topics.CATALOG, "catalog[" + i + "]", events, violations);
        }
        JsonNode timeline = root.path("events");
        if (!timeline.isArray()) {
            violations.add(new Violation("events", "must be a list of events"));
        }
        for (int i = 0; i < timeline.size(); i++) {
            String field = "events[" + i + "]";
            JsonNode node = timeline.get(i);
            Topic<String, ?> topic = node.isObject() ? TOPIC_BY_KIND.get(node.path("kind").asText()) : null;
            if (topic == null) {
                violations.add(new Violation(field + ".kind", "must be one of " + String.join(", ", TOPIC_BY_KIND.keySet())));
                continue;
            }
            ObjectNode fields = ((ObjectNode) node).deepCopy();
            fields.remove("kind");
            read(fields, topic, field, events, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidPayloadException(violations);
        }
        return new ScenarioFile(root.path("name").asText("scenario"), events);
    }

    private static void read(JsonNode node, Topic<String, ?> topic, String field, List<Event> events, List<Violation> violations) {
        try {
            Validated payload = Json.bind(node, topic.valueType());
            List<Violation> found = payload.violations();
            if (found.isEmpty()) {
                events.add(new Event(field, topic, payload));
            } else {
                found.forEach(v -> violations.add(v.under(field)));
            }
        } catch (MalformedPayloadException e) {
            e.violations().forEach(v -> violations.add(v.under(field)));
        }
    }
}
