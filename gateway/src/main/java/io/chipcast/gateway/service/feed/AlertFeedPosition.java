package io.chipcast.gateway.service.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a stream of every customer's alerts stands, as the SSE event id: the next offset of each
 * partition of forecast.alerts, in partition order. Offsets are the same for every gateway
 * instance, so a client may resume on any of them.
 */
public record AlertFeedPosition(List<Long> offsets) {

    private static final String PREFIX = "alerts.";

    public AlertFeedPosition {
        offsets = List.copyOf(offsets);
    }

    /** The SSE id: {@code alerts.} and the next offset of each partition, joined by {@code -}. */
    public String id() {
        return PREFIX + offsets.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    /** The position an id names; empty for anything that is not such an id. */
    public static Optional<AlertFeedPosition> parse(String id) {
        if (id == null || !id.trim().startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<Long> offsets = new ArrayList<>();
        try {
            for (String offset : id.trim().substring(PREFIX.length()).split("-", -1)) {
                long next = Long.parseLong(offset);
                if (next < 0) {
                    return Optional.empty();
                }
                offsets.add(next);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new AlertFeedPosition(offsets));
    }
}
