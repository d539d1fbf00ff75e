package io.chipcast.gateway.rest;

import java.util.List;

/**
 * A webhook subscription asked for: where to deliver, which alerts (each filter empty or absent:
 * any), and optionally the Standard Webhooks secret to sign with (absent: one is made).
 */
public record WebhookSubscriptionRequest(String url, String secret, List<String> type, List<String> severity, List<String> customerId) {
}
