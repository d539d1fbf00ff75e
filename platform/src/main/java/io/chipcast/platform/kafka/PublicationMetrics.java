package io.chipcast.platform.kafka;

import io.chipcast.platform.metrics.Timers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * What every publisher of committed events reports, whichever way it publishes (the outbox relay,
 * forecast-service's projections): events acknowledged per topic, and the time from an event's
 * commit to the broker's acknowledgement.
 */
@ApplicationScoped
public class PublicationMetrics {

    private final MeterRegistry meters;
    private final Timer publishLatency;

    @Inject
    public PublicationMetrics(MeterRegistry meters) {
        this.meters = meters;
        // The name predates forecast-service publishing without the outbox; dashboards know it.
        this.publishLatency = Timers.histogram("chipcast.outbox.publish.latency",
                "From an event's commit to the broker's acknowledgement").register(meters);
    }

    /** One event of this topic acknowledged by the broker, committed at {@code committedAt}. */
    public void published(String topic, Instant committedAt, Instant acknowledgedAt) {
        meters.counter("chipcast.events.published", "topic", topic).increment();
        publishLatency.record(Duration.between(committedAt, acknowledgedAt));
    }
}
