package io.chipcast.platform.idempotency;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.json.Json;
import java.util.List;

/**
 * The body of a successful write (SPEC section 5): the object as stored and published, with the
 * {@code eventId} (its {@code ce_id}) and {@code eventType} of the event it caused.
 */
public final class EventBodies {

    private EventBodies() {
    }

    public static ObjectNode of(Object payload, CloudEvent event) {
        ObjectNode node = Json.mapper().valueToTree(payload);
        node.put("eventId", event.id());
        node.put("eventType", event.type());
        return node;
    }

    public static String json(Object payload, CloudEvent event) {
        return Json.writeString(of(payload, event));
    }

    public static <T> String jsonArray(List<T> payloads, List<CloudEvent> events) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (int i = 0; i < payloads.size(); i++) {
            array.add(of(payloads.get(i), events.get(i)));
        }
        return Json.writeString(array);
    }
}
