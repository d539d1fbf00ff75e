package io.chipcast.gateway.service.feed;

import java.util.Optional;

/**
 * Where a customer's alert stream stands, as the SSE event id: the next offset of the customer's
 * partition of forecast.projections and of forecast.alerts. Kafka offsets are the same for every
 * gateway instance, so a client may resume on any of them; everything at or after both offsets is
 * what the client has not seen.
 */
public record StreamPosition(int projectionPartition, long projectionOffset, int alertPartition, long alertOffset) {

    /** The SSE id: {@code projectionPartition-projectionOffset.alertPartition-alertOffset}. */
    public String id() {
        return projectionPartition + "-" + projectionOffset + "." + alertPartition + "-" + alertOffset;
    }

    /** The position an id names; empty for anything that is not such an id. */
    public static Optional<StreamPosition> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] topics = id.trim().split("\\.");
        if (topics.length != 2) {
            return Optional.empty();
        }
        String[] projections = topics[0].split("-");
        String[] alerts = topics[1].split("-");
        if (projections.length != 2 || alerts.length != 2) {
            return Optional.empty();
        }
        try {
            StreamPosition position = new StreamPosition(Integer.parseInt(projections[0]), Long.parseLong(projections[1]),
                    Integer.parseInt(alerts[0]), Long.parseLong(alerts[1]));
            return position.projectionPartition >= 0 && position.alertPartition >= 0 && position.projectionOffset >= 0
                    && position.alertOffset >= 0 ? Optional.of(position) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
