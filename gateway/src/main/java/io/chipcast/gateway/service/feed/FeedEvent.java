package io.chipcast.gateway.service.feed;

import io.chipcast.contracts.payload.AlertType;

/**
 * A projection or an alert of one customer as the gateway's feed read it, with the JSON published,
 * as it goes out on the customer's streams.
 *
 * @param sequence the order in which this gateway's feed read it: merges the two topics' events
 * @param alertType for an alert; null for a projection
 * @param version for a projection, its version; 0 for an alert
 * @param planVersion for a projection, the plan version it reflects; 0 for an alert
 */
public record FeedEvent(long sequence, Kind kind, int partition, long offset, String customerId, String json,
        AlertType alertType, long version, long planVersion) {

    public enum Kind {
        PROJECTION("projection"), ALERT("alert");

        private final String eventName;

        Kind(String eventName) {
            this.eventName = eventName;
        }

        /** The SSE event name. */
        public String eventName() {
            return eventName;
        }
    }
}
