package io.chipcast.forecast.service;

import io.chipcast.forecast.repository.Batch;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.platform.metrics.Timers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Commits a batch of the pipeline in one database transaction (ADR 007): the applied event ids,
 * the positions, the customers' state, the projections and their alerts, all or nothing. A commit
 * that fails throws: the pipeline starts again from the database.
 */
@ApplicationScoped
public class BatchCommitter {

    private final ForecastStore store;
    private final Timer commitTime;
    private final Timer lag;

    @Inject
    public BatchCommitter(ForecastStore store, MeterRegistry meters) {
        this.store = store;
        this.commitTime = Timers.histogram("chipcast.forecast.commit", "Committing one batch to the database").register(meters);
        this.lag = Timers.histogram("chipcast.forecast.lag",
                "From an event's ce_time to the commit of the projections it changed (published right after)").register(meters);
    }

    /** Commits the batch, if it holds anything; returns its commit sequence number if it did. */
    public OptionalLong commit(Batch batch) {
        if (batch.isEmpty()) {
            return OptionalLong.empty();
        }
        long commitSeq = commitTime.record(() -> store.commit(batch));
        Instant committed = Instant.now();
        batch.changedBy().forEach(eventTime -> lag.record(Duration.between(eventTime, committed)));
        return OptionalLong.of(commitSeq);
    }
}
