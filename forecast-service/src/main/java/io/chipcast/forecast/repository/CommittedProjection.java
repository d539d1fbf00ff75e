package io.chipcast.forecast.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.Projection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A projection version and the alerts it raised, as they are stored in the history and published:
 * the JSON of each, written once as the UTF-8 bytes both the history and the record take, and the
 * ids of their events. An alert's event id is its {@code alertId} (a deterministic UUID), so an
 * alert published again is recognised as the same event.
 *
 * <p>Bytes rather than text: a fan-out writes a hundred thousand documents of 1.7 KB, which live
 * until the broker acknowledges them. Kept as strings they were each held twice (the text and the
 * record's copy of its bytes) and encoded to UTF-8 again for the database.
 */
public record CommittedProjection(String customerId, long version, UUID eventId, Instant computedAt, byte[] document,
        List<AlertEvent> alerts) {

    /** An alert's id and its JSON, UTF-8. */
    public record AlertEvent(String alertId, byte[] document) {
    }

    /** Writes the projection and its alerts: JSON work, which a fan-out does on every core. */
    public static CommittedProjection of(Projection projection, List<Alert> alerts) {
        List<AlertEvent> events = new ArrayList<>(alerts.size());
        alerts.forEach(alert -> events.add(new AlertEvent(alert.alertId(), Json.write(alert))));
        return new CommittedProjection(projection.customerId(), projection.version(), UUID.randomUUID(),
                projection.computedAt(), Json.write(projection), List.copyOf(events));
    }

    /** A version read back from the history; {@code alertsJson} is the array {@link #alertsDocument()} stored. */
    static CommittedProjection stored(String customerId, long version, UUID eventId, Instant computedAt, String json,
            String alertsJson) {
        List<AlertEvent> events = new ArrayList<>();
        if (alertsJson != null) {
            for (JsonNode node : Json.parseTree(alertsJson.getBytes(StandardCharsets.UTF_8))) {
                // Written again by the same writer: the same document as the first time.
                Alert alert = Json.bind(node, Alert.class);
                events.add(new AlertEvent(alert.alertId(), Json.write(alert)));
            }
        }
        return new CommittedProjection(customerId, version, eventId, computedAt, json.getBytes(StandardCharsets.UTF_8), List.copyOf(events));
    }

    /** The alerts as the history keeps them: a JSON array, UTF-8, or null when there are none. */
    byte[] alertsDocument() {
        if (alerts.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream array = new ByteArrayOutputStream(alerts.stream().mapToInt(alert -> alert.document().length + 1).sum() + 1);
        array.write('[');
        for (int i = 0; i < alerts.size(); i++) {
            if (i > 0) {
                array.write(',');
            }
            array.writeBytes(alerts.get(i).document());
        }
        array.write(']');
        return array.toByteArray();
    }
}
