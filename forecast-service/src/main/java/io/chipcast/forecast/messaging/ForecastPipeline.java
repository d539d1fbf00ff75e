package io.chipcast.forecast.messaging;

import io.chipcast.forecast.engine.ForecastEngine;
import io.chipcast.forecast.engine.ReferenceData;
import io.chipcast.forecast.repository.Batch;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.forecast.service.BatchCommitter;
import io.chipcast.forecast.service.EventApplier;
import io.chipcast.forecast.service.IncomingRecord;
import io.chipcast.forecast.service.ReferenceSource;
import io.chipcast.platform.metrics.Timers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The pipeline's transport (ADR 007): two channels feed records through the {@link EventApplier}
 * into the {@link BatchCommitter}, which hands committed projections to the {@link ProjectionPublisher}.
 * <ol>
 *   <li>{@value #REFERENCE_CHANNEL}: the catalog, prices and rulings, read in full by every
 *       instance. Up to the ends they had when this instance started they are loaded without
 *       publishing anything (no customer is restored yet); after that each one moves the customers
 *       it affects ({@link ReferenceTopics} seeks and tells when loading is done);</li>
 *   <li>{@value #CUSTOMER_CHANNEL}: the plans and shipments of the partitions the consumer group
 *       gives this instance. For each partition it is given, the customers are restored from the
 *       database and the channel resumes at the stored position ({@link CustomerTopics}); Kafka's
 *       own offsets are never used to resume, only mirrored for lag tooling ({@link GroupOffsets}).</li>
 * </ol>
 * A record that cannot be read goes to its dead-letter topic first. A failed commit or publication
 * drops what memory holds about this instance's customers and restores them from the database
 * before the same records are applied again, so memory never runs ahead of what was committed, and
 * what was committed is published.
 *
 * <p>The engine has one owner at a time: the two channels' worker threads, the consumer's
 * rebalance callbacks and what-if requests take {@link #lock} to reach it.
 */
@ApplicationScoped
public class ForecastPipeline implements ReferenceSource {

    static final String REFERENCE_CHANNEL = "reference-events";
    static final String CUSTOMER_CHANNEL = "customer-events";
    private static final Logger LOG = Logger.getLogger(ForecastPipeline.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(2);
    /** How long what was sent may take to be acknowledged when partitions go or the pipeline stops. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private final ForecastStore store;
    private final DeadLetters deadLetters;
    private final BatchCommitter committer;
    private final ProjectionPublisher publisher;
    private final GroupOffsets groupOffsets;
    private final MeterRegistry meters;
    private final ManagedExecutor workers;
    private final EventApplier applier;
    private final Timer pollWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final PartitionPositions referencePositions = new PartitionPositions();
    private final PartitionPositions customerPositions = new PartitionPositions();
    /** The reference topics' ends when this instance started: read up to there, the reference data is loaded. */
    private final Map<TopicPartition, Long> referenceEnds = new HashMap<>();
    private final CountDownLatch referenceLoaded = new CountDownLatch(1);
    private final Set<Integer> ownedPartitions = ConcurrentHashMap.newKeySet();
    private final AtomicReference<PipelineState> state = new AtomicReference<>(PipelineState.LOADING_REFERENCE_DATA);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "forecast-pipeline-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** Reference events applied before the ends were reached. Guarded by {@link #lock}. */
    private long referenceEventsLoaded;
    private volatile boolean stopping;
    /** Memory may be ahead of the database (a commit failed): restore before applying anything. Guarded by {@link #lock}. */
    private boolean restoreNeeded;

    @Inject
    public ForecastPipeline(ForecastStore store, DeadLetters deadLetters, BatchCommitter committer, ProjectionPublisher publisher,
            GroupOffsets groupOffsets, MeterRegistry meters, ManagedExecutor workers,
            @ConfigProperty(name = "chipcast.forecast.cost-change-percent", defaultValue = "1") BigDecimal costChangePercent) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.committer = committer;
        this.publisher = publisher;
        this.groupOffsets = groupOffsets;
        this.meters = meters;
        this.workers = workers;
        this.applier = new EventApplier(new ForecastEngine(costChangePercent, Clock.systemUTC()), store, meters,
                Timers.histogram("chipcast.forecast.recompute", "Applying one event to the engine").register(meters));
        this.pollWait = Timers.histogram("chipcast.forecast.poll.wait",
                "From the broker's timestamp of a poll's oldest customer record to the pipeline taking the poll").register(meters);
        // A publication that failed while no record arrives is noticed here, not at the next record.
        watchdog.scheduleWithFixedDelay(this::restoreIfPublishingFailed, 1, 1, TimeUnit.SECONDS);
    }

    /** One poll of the reference topics, in order, on a worker thread. */
    @Incoming(REFERENCE_CHANNEL)
    @Blocking
    public void readReference(ConsumerRecords<String, byte[]> poll) {
        withEngine(() -> {
            List<ConsumerRecord<String, byte[]>> records = referencePositions.unapplied(poll);
            List<IncomingRecord> live = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                IncomingRecord incoming = IncomingRecord.read(record);
                if (isLoading(record)) {
                    // Sent to its dead-letter topic when it was first read past the ends of an earlier start.
                    if (!incoming.isDeadLetter()) {
                        applier.load(incoming);
                        referenceEventsLoaded++;
                    }
                } else {
                    live.add(incoming);
                }
            }
            if (!live.isEmpty() && !applyUntilCommitted(live)) {
                return;
            }
            referencePositions.applied(records);
            openWhenLoaded();
        });
    }

    /** One poll of the customer topics, in order, on a worker thread. */
    @Incoming(CUSTOMER_CHANNEL)
    @Blocking
    public void readCustomers(ConsumerRecords<String, byte[]> poll) {
        recordWait(poll);
        withEngine(() -> {
            List<IncomingRecord> records = customerPositions.unapplied(poll).stream().map(IncomingRecord::read).toList();
            if (!records.isEmpty()) {
                applyUntilCommitted(records);
                meters.summary("chipcast.forecast.batch.records").record(records.size());
            }
        });
    }

    private void recordWait(ConsumerRecords<String, byte[]> poll) {
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<String, byte[]> record : poll) {
            oldest = Math.min(oldest, record.timestamp());
        }
        if (oldest != Long.MAX_VALUE) {
            pollWait.record(Math.max(0, System.currentTimeMillis() - oldest), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Partitions of the customer topics given to this instance (on the channel's polling thread):
     * once the reference data is loaded, publishes what was committed there and never acknowledged,
     * restores the customers and returns where to resume each partition (absent: from its beginning).
     */
    Map<TopicPartition, Long> take(Collection<TopicPartition> partitions) throws InterruptedException {
        while (!referenceLoaded.await(1, TimeUnit.SECONDS)) {
            if (stopping) {
                return Map.of();
            }
        }
        return withEngine(() -> {
            if (partitions.isEmpty()) {
                // The group has more instances than partitions, or none changed hands: nothing to restore.
                state.set(PipelineState.CONSUMING);
                return Map.of();
            }
            return untilRestored(Set.copyOf(partitions));
        });
    }

    /** Partitions of the customer topics taken from this instance (on the channel's polling thread). */
    void giveUp(Collection<TopicPartition> partitions) {
        withEngine(() -> {
            // What this instance committed reaches the topic before another one takes its customers over.
            publisher.drain(DRAIN_TIMEOUT);
            Set<Integer> revoked = partitionNumbers(partitions);
            customerPositions.release(partitions);
            ownedPartitions.removeAll(revoked);
            groupOffsets.forget(revoked);
            int customersLeaving = applier.forget(revoked);
            LOG.infof("forecast pipeline gave up partitions %s (%d customers)", revoked, customersLeaving);
        });
    }

    /**
     * Partitions of the reference topics assigned (on that channel's polling thread): where this
     * instance has read them up to, if it has; on its first assignment, the ends to load up to.
     */
    Map<TopicPartition, Long> referencePositions(Collection<TopicPartition> partitions) {
        return withEngine(() -> {
            Map<TopicPartition, Long> known = new HashMap<>();
            partitions.forEach(partition -> referencePositions.next(partition).ifPresent(next -> known.put(partition, next)));
            return known;
        });
    }

    void referenceAssigned(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
        withEngine(() -> {
            from.forEach((partition, next) -> {
                if (referencePositions.next(partition).isEmpty()) {
                    referencePositions.hold(partition, next);
                }
            });
            if (referenceLoaded.getCount() > 0) {
                referenceEnds.putAll(ends);
                openWhenLoaded();
            }
        });
    }

    /**
     * Drops what memory holds about this instance's customers and restores them from the database,
     * with what was committed there and never acknowledged published again: what a failed commit or
     * publication leads to, and what a restart does.
     */
    public void restartFromDatabase() {
        withEngine(() -> {
            restoreNeeded = true;
            untilRestoredIfNeeded();
        });
    }

    /**
     * A copy of the reference data as this instance holds it now, taken between two polls: for
     * what-if requests. The caller may be an event loop, which must not wait for the lock (a commit
     * holding it needs the event loops to complete): the copy is taken on a worker thread.
     */
    @Override
    public CompletableFuture<ReferenceData> referenceSnapshot() {
        if (referenceLoaded.getCount() > 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("the forecast pipeline has not read the reference data yet"));
        }
        return workers.supplyAsync(() -> withEngine(applier::referenceCopy));
    }

    /** The partitions of the customer topics this instance owns now. */
    public Set<Integer> ownedPartitions() {
        return Set.copyOf(ownedPartitions);
    }

    /** Where the pipeline stands: for readiness, which is {@link PipelineState#CONSUMING} only. */
    public PipelineState state() {
        return state.get();
    }

    /**
     * Stops applying (what was not committed is the next owner's, from the database) and waits until
     * the broker has answered for what was published, before the channels' consumers close.
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        watchdog.shutdownNow();
        withEngine(() -> publisher.drain(DRAIN_TIMEOUT));
    }

    /**
     * Applies the records and commits what they change; after a failure, restores this instance's
     * customers from the database and applies them again, until it is committed or the pipeline stops.
     * Returns whether it was committed.
     */
    private boolean applyUntilCommitted(List<IncomingRecord> records) {
        List<IncomingRecord> dead = records.stream().filter(IncomingRecord::isDeadLetter).toList();
        boolean deadLettersSent = dead.isEmpty();
        while (!stopping) {
            try {
                untilRestoredIfNeeded();
                if (!deadLettersSent) {
                    deadLetters.send(dead);
                    deadLettersSent = true;
                }
                applier.apply(records, this::commit);
                return true;
            } catch (RuntimeException e) {
                restoreNeeded = true;
                LOG.errorf(e, "forecast pipeline could not apply %d records; restoring its customers from the database and trying again in %s",
                        records.size(), RETRY_BACKOFF);
                pause();
            }
        }
        return false;
    }

    /** Commits a batch, then hands its projections to the publisher, which sends them while the next batch is applied. */
    private void commit(Batch batch) {
        OptionalLong commitSeq = committer.commit(batch);
        if (commitSeq.isPresent()) {
            publisher.publish(batch.committedProjections(), batch.watermarks(commitSeq.getAsLong()));
            customerPositions.advance(batch.positions());
            groupOffsets.committed(batch.positions());
        }
    }

    private void restoreIfPublishingFailed() {
        if (publisher.hasFailed() && lock.tryLock()) {
            try {
                untilRestoredIfNeeded();
            } catch (RuntimeException e) {
                LOG.errorf(e, "forecast pipeline could not restore its customers yet; trying again");
            } finally {
                lock.unlock();
            }
        }
    }

    private void untilRestoredIfNeeded() {
        if (!restoreNeeded && !publisher.hasFailed()) {
            return;
        }
        // Whatever is still on its way settles first: what it did not deliver is republished from the history, in order.
        publisher.drain(DRAIN_TIMEOUT);
        Set<TopicPartition> held = customerPositions.held();
        if (held.isEmpty()) {
            publisher.newRun(DRAIN_TIMEOUT);
        } else {
            untilRestored(held);
        }
        restoreNeeded = false;
    }

    /**
     * The customers of these partitions restored from the database, and the positions to resume
     * them from (absent: never read); a database that does not answer is asked again until it does.
     */
    private Map<TopicPartition, Long> untilRestored(Set<TopicPartition> partitions) {
        state.set(PipelineState.RESTORING);
        while (true) {
            try {
                Map<TopicPartition, Long> positions = restore(partitions);
                state.set(PipelineState.CONSUMING);
                return positions;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.errorf(e, "forecast pipeline could not restore partitions %s; trying again in %s", partitionNumbers(partitions), RETRY_BACKOFF);
                pause();
            }
        }
    }

    private Map<TopicPartition, Long> restore(Set<TopicPartition> partitions) {
        publisher.newRun(DRAIN_TIMEOUT);
        Set<Integer> numbers = partitionNumbers(partitions);
        Map<TopicPartition, Long> positions = store.positions(partitions);
        List<ForecastStore.UnpublishedProjection> unpublished = store.unpublished(numbers);
        if (!unpublished.isEmpty()) {
            LOG.infof("forecast pipeline publishes %d committed projections the broker never acknowledged", unpublished.size());
            Map<Integer, Long> watermarks = new HashMap<>();
            unpublished.forEach(version -> watermarks.merge(version.partition(), version.commitSeq(), Math::max));
            publisher.publish(unpublished.stream().map(ForecastStore.UnpublishedProjection::projection).toList(), watermarks);
        }
        ForecastStore.CustomerSnapshot snapshot = store.load(numbers);
        // Memory may hold them already, ahead of the database: the snapshot replaces it.
        applier.forget(numbers);
        applier.restore(snapshot, this::commit);
        partitions.forEach(partition -> customerPositions.hold(partition, positions.getOrDefault(partition, 0L)));
        ownedPartitions.addAll(numbers);
        LOG.infof("forecast pipeline restored partitions %s from the database (%d customers)", numbers, snapshot.partitionOf().size());
        return positions;
    }

    private boolean isLoading(ConsumerRecord<?, ?> record) {
        Long end = referenceEnds.get(new TopicPartition(record.topic(), record.partition()));
        return referenceLoaded.getCount() > 0 && end != null && record.offset() < end;
    }

    private void openWhenLoaded() {
        if (referenceLoaded.getCount() > 0 && !referenceEnds.isEmpty() && referencePositions.reached(referenceEnds)) {
            referenceLoaded.countDown();
            state.compareAndSet(PipelineState.LOADING_REFERENCE_DATA, PipelineState.AWAITING_PARTITIONS);
            LOG.infof("forecast pipeline loaded %d reference events", referenceEventsLoaded);
        }
    }

    private void withEngine(Runnable action) {
        withEngine(() -> {
            action.run();
            return null;
        });
    }

    private <T> T withEngine(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
    }

    private static Set<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new HashSet<>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        return numbers;
    }
}
