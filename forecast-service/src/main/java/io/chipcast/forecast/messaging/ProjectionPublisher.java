package io.chipcast.forecast.messaging;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.forecast.repository.CommittedProjection;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.platform.kafka.PublicationMetrics;
import io.chipcast.platform.messaging.RecordChannel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes committed projections and their alerts (ADR 009) through the {@value #CHANNEL}
 * channel: straight from memory once their batch has committed, each projection followed by its
 * alerts, in commit order, from a thread of its own. What the broker acknowledged is recorded in
 * the database at most once a second as watermarks (ADR 013): per partition of the customer
 * topics, the commit up to which every publication was acknowledged — a few rows, however many
 * customers a fan-out moved. What was committed and never acknowledged — a crash, a broker
 * outage — is published again from the history by whoever owns the customer next, with the same
 * event ids.
 *
 * <p>A failed send is not retried here: the pipeline sees it ({@link #hasFailed}), restores its
 * customers from the database and publishes again everything unacknowledged, in order. No
 * watermark passes a failed publication; what was acknowledged after it is recorded per customer
 * when the pipeline starts its new run, so that it is not published twice.
 */
@ApplicationScoped
public class ProjectionPublisher {

    private static final Logger LOG = Logger.getLogger(ProjectionPublisher.class);
    private static final Duration MARK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MARK_TIMEOUT = Duration.ofSeconds(30);
    /** Each record names its topic (forecast.projections or forecast.alerts), key and CloudEvents headers. */
    static final String CHANNEL = "projections-and-alerts";

    private final RecordChannel channel;
    private final ForecastStore store;
    private final PublicationMetrics metrics;
    private final Vertx vertx;
    private final String source;
    private final Acknowledgements acknowledgements = new Acknowledgements();
    private final AtomicLong inFlight = new AtomicLong();
    private final Object settled = new Object();
    private long timer = -1;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "forecast-publisher");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public ProjectionPublisher(
            @Channel(CHANNEL) MutinyEmitter<ProducerRecord<String, byte[]>> channel,
            KafkaClientService clients,
            ForecastStore store, PublicationMetrics metrics, Vertx vertx,
            MeterRegistry meters, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.channel = new RecordChannel(channel, clients, CHANNEL);
        this.store = store;
        this.metrics = metrics;
        this.vertx = vertx;
        this.source = source;
        meters.gauge("chipcast.forecast.publish.in-flight", inFlight);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(MARK_INTERVAL.toMillis(), id -> markAcknowledged().subscribe().with(done -> { }));
    }

    /** After the pipeline has stopped: a late acknowledgement is recorded too. */
    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        sender.shutdown();
        markAcknowledged().await().atMost(Duration.ofSeconds(10));
    }

    /**
     * A new run of the pipeline, which is about to republish what the database does not record as
     * acknowledged. When a publication failed, what is still on its way settles first (up to
     * {@code drainTimeout}), so that what it delivered is not published twice; then what was
     * acknowledged after the failure is recorded per customer (unless a failed publication holds
     * the customer too), and the failure is forgotten. Throws when the database does not answer;
     * what is to be recorded is kept for the next attempt.
     */
    void newRun(Duration drainTimeout) {
        if (acknowledgements.hasFailed()) {
            drain(drainTimeout);
        }
        acknowledgements.startOver();
        record().await().atMost(MARK_TIMEOUT);
    }

    /** Whether a publication failed: what it left unacknowledged is for a new run to publish again. */
    boolean hasFailed() {
        return acknowledgements.hasFailed();
    }

    /**
     * Hands these committed projections (each followed by its alerts) to the sending thread and
     * returns: the pipeline commits its next batch while they are sent. One sending thread keeps
     * the order of the calls.
     *
     * @param watermarks per partition of the customers, the highest commit sequence number among
     *                   these versions: what their acknowledgement records
     */
    void publish(List<CommittedProjection> projections, Map<Integer, Long> watermarks) {
        if (projections.isEmpty()) {
            return;
        }
        Instant committed = Instant.now();
        Acknowledgements.Publication publication = acknowledgements.sending(watermarks, projections);
        long records = projections.stream().mapToLong(projection -> 1 + projection.alerts().size()).sum();
        inFlight.addAndGet(records);
        sender.execute(() -> {
            try {
                send(projections, publication, committed, records);
            } catch (RuntimeException e) {
                // Not handed to the channel at all (sendAll reports its own failures): the pipeline must know all the same.
                acknowledgements.failed(publication, e);
                settle(records);
            }
        });
    }

    private void send(List<CommittedProjection> projections, Acknowledgements.Publication publication, Instant committed, long count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>((int) count);
        for (CommittedProjection projection : projections) {
            records.add(record(Topics.PROJECTIONS, projection.customerId(), projection.eventId(), projection.computedAt(), projection.document()));
            projection.alerts().forEach(alert -> records.add(record(Topics.ALERTS, projection.customerId(),
                    UUID.fromString(alert.alertId()), projection.computedAt(), alert.document())));
        }
        channel.sendAll(records).subscribe().with(done -> {
            Instant now = Instant.now();
            records.forEach(record -> metrics.published(record.topic(), committed, now));
            acknowledgements.acknowledged(publication);
            settle(count);
        }, failed -> {
            acknowledgements.failed(publication, failed);
            settle(count);
        });
    }

    /**
     * Waits until the broker has answered for everything sent and records what it acknowledged:
     * before partitions go to another instance or the pipeline stops, so that nothing is published twice.
     */
    void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (settled) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warnf("%d projection events still unacknowledged after %s; whoever owns their customers next publishes them again",
                            inFlight.get(), timeout);
                    break;
                }
                try {
                    settled.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        markAcknowledged().await().atMost(timeout);
    }

    private void settle(long records) {
        if (inFlight.addAndGet(-records) == 0) {
            synchronized (settled) {
                settled.notifyAll();
            }
        }
    }

    private ProducerRecord<String, byte[]> record(Topic<String, ?> topic, String key, UUID eventId, Instant time, byte[] document) {
        CloudEvent event = CloudEvent.of(topic, source, eventId, time);
        return new ProducerRecord<>(topic.name(), null, key, document,
                CloudEventHeaders.write(event, new RecordHeaders()));
    }

    /** Records what was acknowledged; kept for the next time if the database does not answer. */
    private Uni<Void> markAcknowledged() {
        return record().onFailure().recoverWithUni(failed -> {
            LOG.debugf("could not record acknowledged projections yet (%s)", failed);
            return Uni.createFrom().voidItem();
        });
    }

    /** Writes what is to be recorded; on failure it is kept for the next time, and the Uni fails. */
    private Uni<Void> record() {
        Acknowledgements.ToRecord toRecord = acknowledgements.take();
        if (toRecord.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> versions = toRecord.versions().isEmpty() ? Uni.createFrom().voidItem() : store.markPublished(toRecord.versions());
        return versions.chain(() -> toRecord.watermarks().isEmpty() ? Uni.createFrom().voidItem() : store.markWatermarks(toRecord.watermarks()))
                .onFailure().invoke(failed -> acknowledgements.putBack(toRecord));
    }
}
