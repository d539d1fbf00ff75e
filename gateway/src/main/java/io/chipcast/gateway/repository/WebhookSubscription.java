package io.chipcast.gateway.repository;

import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Where to deliver which alerts: every alert of the given types, severities and customers (each
 * empty: any), signed with the secret (Standard Webhooks). {@code FAILING} once a delivery gave up;
 * nothing is delivered until the subscription is resumed, from the alert that failed.
 */
public record WebhookSubscription(UUID id, URI url, String secret, Set<AlertType> types, Set<Severity> severities, Set<String> customers,
        State state, String lastError, Instant createdAt) {

    public enum State {
        ACTIVE, FAILING
    }

    /** Whether an alert of this type and severity, about this customer, is for this subscription. */
    public boolean wants(AlertType type, Severity severity, String customerId) {
        return (types.isEmpty() || types.contains(type)) && (severities.isEmpty() || severities.contains(severity))
                && (customers.isEmpty() || customers.contains(customerId));
    }

    /** The consumer group whose committed offsets on forecast.alerts are where its delivery stands. */
    public String consumerGroup() {
        return "gateway-webhook-" + id;
    }
}
