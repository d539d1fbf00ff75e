package io.chipcast.platform.outbox;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.platform.kafka.PublicationMetrics;
import io.chipcast.platform.messaging.RecordChannel;
import io.chipcast.platform.metrics.Timers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox events to Kafka in commit order, through the {@value #CHANNEL} channel,
 * and deletes them once the broker has acknowledged them. Woken right after each write commits,
 * and every {@code poll-interval} in case a wake-up was missed or Kafka was down.
 *
 * <p>One relay at a time per database, whatever the number of instances: a batch runs under a
 * transaction-scoped advisory lock, so order is kept across instances. Delivery is at least once:
 * a crash between the broker's acknowledgement and the delete sends those events again, with the
 * same {@code ce_id}, which every consumer deduplicates.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that makes one relay at a time. */
    private static final long RELAY_LOCK = 0x636869706361L;
    /** Every record names its own topic, key and CloudEvents headers (configured in the platform's defaults). */
    private static final String CHANNEL = "outbox";

    private final Pool pool;
    private final RecordChannel channel;
    private final Vertx vertx;
    private final String source;
    private final int batchSize;
    private final Duration pollInterval;
    private final PublicationMetrics publication;
    private final Timer batchTime;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean stopped;
    private long timer = -1;

    @Inject
    public OutboxRelay(Pool pool,
            @Channel(CHANNEL) MutinyEmitter<ProducerRecord<String, byte[]>> channel,
            KafkaClientService clients,
            Vertx vertx, MeterRegistry meters, PublicationMetrics publication,
            @ConfigProperty(name = "quarkus.application.name") String source,
            @ConfigProperty(name = "chipcast.outbox.batch-size", defaultValue = "1000") int batchSize,
            @ConfigProperty(name = "chipcast.outbox.poll-interval", defaultValue = "500ms") Duration pollInterval) {
        this.pool = pool;
        this.channel = new RecordChannel(channel, clients, CHANNEL);
        this.vertx = vertx;
        this.source = source;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.publication = publication;
        this.batchTime = Timers.histogram("chipcast.outbox.relay.batch", "One relay cycle: read, send, acknowledge, delete")
                .register(meters);
        meters.gauge("chipcast.outbox.backlog", backlog);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(pollInterval.toMillis(), id -> {
            refreshBacklog();
            wakeUp();
        });
        wakeUp();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Relays what has committed; cheap to call after every write. */
    public void wakeUp() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            wokenWhileRunning.set(true);
            return;
        }
        wokenWhileRunning.set(false);
        long started = System.nanoTime();
        relayBatch().subscribe().with(relayed -> {
            batchTime.record(Duration.ofNanos(System.nanoTime() - started));
            running.set(false);
            if (failing.compareAndSet(true, false)) {
                LOG.info("outbox relay resumed: Kafka accepts events again");
            }
            if (relayed == batchSize || wokenWhileRunning.get()) {
                wakeUp();
            }
        }, failure -> {
            running.set(false);
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("outbox relay cannot publish (%s); events stay in the outbox and are retried every %s",
                        failure.toString(), pollInterval);
            }
        });
    }

    /** Relays up to one batch; emits how many events it published. */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .chain(locked -> locked.iterator().next().getBoolean(0)
                        ? relayLocked(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> relayLocked(SqlConnection connection) {
        return connection.preparedQuery("SELECT position, event_id, topic, record_key, event_type, event_time, payload "
                        + "FROM outbox_event ORDER BY position LIMIT $1")
                .execute(Tuple.of(batchSize))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> positions = new ArrayList<>(rows.size());
                    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(rows.size());
                    List<Instant> times = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        positions.add(row.getLong("position"));
                        records.add(toRecord(row));
                        times.add(row.getOffsetDateTime("event_time").toInstant());
                    }
                    return channel.sendAll(records)
                            .invoke(() -> recordPublished(records, times))
                            .chain(() -> connection.preparedQuery("DELETE FROM outbox_event WHERE position = ANY($1)")
                                    .execute(Tuple.of(positions.toArray(Long[]::new))))
                            .replaceWith(records.size());
                });
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        UUID eventId = row.getUUID("event_id");
        OffsetDateTime time = row.getOffsetDateTime("event_time");
        CloudEvent event = new CloudEvent(eventId.toString(), row.getString("event_type"), source, time.toInstant());
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("record_key"),
                row.getString("payload").getBytes(StandardCharsets.UTF_8),
                CloudEventHeaders.write(event, new RecordHeaders()));
    }

    private void recordPublished(List<ProducerRecord<String, byte[]>> records, List<Instant> times) {
        Instant now = Instant.now();
        for (int i = 0; i < records.size(); i++) {
            publication.published(records.get(i).topic(), times.get(i), now);
        }
    }

    private void refreshBacklog() {
        pool.query("SELECT count(*) FROM outbox_event").execute()
                .map(RowSet::iterator).map(rows -> rows.next().getLong(0))
                .subscribe().with(backlog::set, failure -> { /* the database is down: readiness says so */ });
    }
}
