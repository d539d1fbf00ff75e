package io.chipcast.forecast.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.Projection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A projection version and the alerts it raised, as they are stored in the history and published:
 * the JSON of each, written once, and the ids of their events. An alert's event id is its
 * {@code alertId} (a deterministic UUID), so an alert published again is recognised as the same event.
 */
public record CommittedProjection(String customerId, long version, UUID eventId, Instant computedAt, String json,
        List<AlertEvent> alerts) {

    public record AlertEvent(String alertId, String json) {
    }

    /** Writes the projection and its alerts: JSON work, which a fan-out does on every core. */
    public static CommittedProjection of(Projection projection, List<Alert> alerts) {
        List<AlertEvent> events = new ArrayList<>(alerts.size());
        alerts.forEach(alert -> events.add(new AlertEvent(alert.alertId(), Json.writeString(alert))));
        return new CommittedProjection(projection.customerId(), projection.version(), UUID.randomUUID(),
                projection.computedAt(), Json.writeString(projection), List.copyOf(events));
    }

    /** A version read back from the history; {@code alertsJson} is the array {@link #alertsJson()} stored. */
    static CommittedProjection stored(String customerId, long version, UUID eventId, Instant computedAt, String json,
            String alertsJson) {
        List<AlertEvent> events = new ArrayList<>();
        if (alertsJson != null) {
            for (JsonNode node : Json.parseTree(alertsJson.getBytes(StandardCharsets.UTF_8))) {
                // Written again by the same writer: the same document as the first time.
                Alert alert = Json.bind(node, Alert.class);
                events.add(new AlertEvent(alert.alertId(), Json.writeString(alert)));
            }
        }
        return new CommittedProjection(customerId, version, eventId, computedAt, json, List.copyOf(events));
    }

    /** The alerts as the history keeps them: a JSON array, or null when there are none. */
    String alertsJson() {
        return alerts.isEmpty() ? null : "[" + String.join(",", alerts.stream().map(AlertEvent::json).toList()) + "]";
    }
}
