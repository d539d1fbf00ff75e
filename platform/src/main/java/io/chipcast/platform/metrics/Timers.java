package io.chipcast.platform.metrics;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Timers whose distributions add up across pods: each is a Prometheus histogram
 * ({@code <name>_seconds_bucket}), from which dashboards and alerts compute a p99 with
 * {@code histogram_quantile} over the buckets summed over every pod. A quantile computed in each
 * pod cannot be combined: the largest of several pods' p99 is not the p99 of all their requests.
 */
public final class Timers {

    private Timers() {
    }

    /** A timer of latencies from a millisecond to two minutes, published as a histogram. */
    public static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2));
    }
}
