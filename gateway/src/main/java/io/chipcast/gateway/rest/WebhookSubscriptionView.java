package io.chipcast.gateway.rest;

import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import io.chipcast.gateway.repository.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as the API shows it. The secret is shown once, when the subscription is
 * made; {@code state} is {@code FAILING} (with {@code lastError}) once a delivery gave up, until
 * the subscription is resumed.
 */
public record WebhookSubscriptionView(UUID id, String url, List<AlertType> type, List<Severity> severity, List<String> customerId,
        WebhookSubscription.State state, String lastError, Instant createdAt, String secret) {

    static WebhookSubscriptionView of(WebhookSubscription subscription, boolean withSecret) {
        return new WebhookSubscriptionView(subscription.id(), subscription.url().toString(), subscription.types().stream().sorted().toList(),
                subscription.severities().stream().sorted().toList(), subscription.customers().stream().sorted().toList(), subscription.state(),
                subscription.lastError(), subscription.createdAt(), withSecret ? subscription.secret() : null);
    }
}
