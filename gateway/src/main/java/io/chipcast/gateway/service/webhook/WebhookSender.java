package io.chipcast.gateway.service.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Posts one message to a subscriber until it answers 2xx: up to {@code maxAttempts} times, waiting
 * {@code firstRetry}, then twice as long each time (at most {@link #LONGEST_WAIT}), each wait a
 * random half to all of that ("full jitter", so that subscribers that failed together do not retry
 * together). Each attempt carries the Standard Webhooks headers, signed anew.
 */
final class WebhookSender {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(WebhookSender.class);

    /** Kept under the consumer's max.poll.interval.ms (10 minutes) with the default 8 attempts. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final WebhookDestinations destinations;
    private final int maxAttempts;
    private final Duration firstRetry;

    WebhookSender(WebhookDestinations destinations, int maxAttempts, Duration firstRetry) {
        this.destinations = destinations;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
    }

    /** How one message ended: delivered, or why it was given up; {@code attempts} made. */
    record Result(boolean delivered, int attempts, String failure) {
    }

    /** Delivers, or gives up; stops early (not delivered, no reason) when {@code stopping} turns true. */
    Result send(URI url, String secret, String messageId, String body, BooleanSupplier stopping) throws InterruptedException {
        String failure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (stopping.getAsBoolean()) {
                return new Result(false, attempt - 1, null);
            }
            Optional<String> refused = destinations.refusal(url);
            if (refused.isPresent()) {
                return new Result(false, attempt - 1, "url: " + refused.get());
            }
            long started = System.nanoTime();
            failure = attempt(url, secret, messageId, body);
            LOG.debugf("webhook %s to %s, attempt %d: %s in %d ms", messageId, url, attempt, failure == null ? "taken" : failure,
                    (System.nanoTime() - started) / 1_000_000);
            if (failure == null) {
                return new Result(true, attempt, null);
            }
            if (attempt < maxAttempts) {
                Thread.sleep(wait(attempt).toMillis());
            }
        }
        return new Result(false, maxAttempts, failure + " (" + maxAttempts + " attempts)");
    }

    /** Null when the subscriber took it (2xx); else what went wrong. */
    private static String attempt(URI url, String secret, String messageId, String body) throws InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? null : "the subscriber answered " + status;
        } catch (IOException e) {
            return "the subscriber could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
    }

    private Duration wait(int attempt) {
        long longest = Math.min(LONGEST_WAIT.toMillis(), firstRetry.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(longest / 2 + ThreadLocalRandom.current().nextLong(longest / 2 + 1));
    }
}
