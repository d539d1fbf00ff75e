package io.chipcast.forecast.messaging;

import io.chipcast.contracts.Topics;
import io.chipcast.forecast.engine.ForecastEngine;
import io.chipcast.forecast.engine.ReferenceData;
import io.chipcast.forecast.repository.Batch;
import io.chipcast.forecast.repository.CommittedProjection;
import io.chipcast.forecast.repository.ForecastStore;
import io.chipcast.forecast.service.BatchCommitter;
import io.chipcast.forecast.service.EventApplier;
import io.chipcast.forecast.service.IncomingRecord;
import io.chipcast.forecast.service.ReferenceSource;
import io.chipcast.platform.kafka.ClientMetrics;
import io.chipcast.platform.kafka.ConsumerThread;
import io.chipcast.platform.kafka.KafkaClientConfig;
import io.chipcast.platform.metrics.Timers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The pipeline's transport: feeds the five input topics through the {@link EventApplier} into the
 * {@link BatchCommitter} (which hands committed projections to the {@link ProjectionPublisher}),
 * and keeps the consumers and the partitions this instance owns (ADR 007). One thread runs it:
 * <ol>
 *   <li>it reads the reference topics (catalog, prices, rulings) from the beginning — every
 *       instance needs all of them — without publishing anything;</li>
 *   <li>it joins the consumer group of the customer topics (plans, shipments, co-partitioned by
 *       customer): for each partition it is given, it restores the customers from the database
 *       and resumes at the stored position ({@link Rebalance});</li>
 *   <li>then it applies records batch by batch; a record that cannot be read goes to its
 *       dead-letter topic first. Kafka's own offsets are never used to resume.</li>
 * </ol>
 * A failed commit or publication stops the run and starts another from the database, so memory
 * never runs ahead of what was committed, and what was committed is published.
 */
@ApplicationScoped
public class ForecastPipeline implements ReferenceSource {

    private static final Logger LOG = Logger.getLogger(ForecastPipeline.class);
    private static final List<String> REFERENCE_TOPICS = List.of(Topics.CATALOG.name(), Topics.PRICES.name(), Topics.RULINGS.name());
    private static final List<String> CUSTOMER_TOPICS = List.of(Topics.DEMAND_PLANS.name(), Topics.SHIPMENTS.name());
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(2);
    /** How long what was sent may take to be acknowledged when partitions go or the pipeline stops. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> kafkaConfig;
    private final ForecastStore store;
    private final DeadLetters deadLetters;
    private final BatchCommitter committer;
    private final ProjectionPublisher publisher;
    private final MeterRegistry meters;
    private final BigDecimal costChangePercent;
    private final String groupId;
    private final Optional<String> instanceId;
    private final Duration sessionTimeout;
    private final AtomicReference<PipelineState> state = new AtomicReference<>(PipelineState.LOADING_REFERENCE_DATA);
    private final Timer recomputeTime;
    private final Set<Integer> ownedPartitions = ConcurrentHashMap.newKeySet();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ConsumerThread thread = new ConsumerThread("forecast-pipeline", RESTART_BACKOFF, this::runOnce);

    // Owned by the pipeline thread, for one run.
    private EventApplier applier;
    private GroupOffsets groupOffsets;

    @Inject
    public ForecastPipeline(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ForecastStore store,
            DeadLetters deadLetters, BatchCommitter committer, ProjectionPublisher publisher, MeterRegistry meters,
            @ConfigProperty(name = "chipcast.forecast.cost-change-percent", defaultValue = "1") BigDecimal costChangePercent,
            @ConfigProperty(name = "chipcast.forecast.group-id", defaultValue = "forecast-service") String groupId,
            @ConfigProperty(name = "chipcast.forecast.instance-id") Optional<String> instanceId,
            @ConfigProperty(name = "chipcast.forecast.session-timeout", defaultValue = "10s") Duration sessionTimeout) {
        this.kafkaConfig = kafkaConfig;
        this.store = store;
        this.deadLetters = deadLetters;
        this.committer = committer;
        this.publisher = publisher;
        this.meters = meters;
        this.costChangePercent = costChangePercent;
        this.groupId = groupId;
        this.instanceId = instanceId.filter(id -> !id.isBlank());
        this.sessionTimeout = sessionTimeout;
        this.recomputeTime = Timers.histogram("chipcast.forecast.recompute", "Applying one event to the engine").register(meters);
    }

    void start(@Observes StartupEvent event) {
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        thread.stop(Duration.ofSeconds(30));
    }

    /**
     * A copy of the reference data as this instance holds it now, made on the pipeline thread
     * (the engine's owner) between two batches: for what-if requests.
     */
    @Override
    public CompletableFuture<ReferenceData> referenceSnapshot() {
        CompletableFuture<ReferenceData> snapshot = new CompletableFuture<>();
        // Past loading, the reference data is the engine's: what-if needs nothing else.
        if (state.get() == PipelineState.LOADING_REFERENCE_DATA) {
            snapshot.completeExceptionally(new IllegalStateException("the forecast pipeline has not read the reference data yet"));
            return snapshot;
        }
        tasks.add(() -> snapshot.complete(applier.referenceCopy()));
        return snapshot;
    }

    /** The partitions of the customer topics this instance owns now. */
    public Set<Integer> ownedPartitions() {
        return Set.copyOf(ownedPartitions);
    }

    /** Where the pipeline stands: for readiness, which is {@link PipelineState#CONSUMING} only. */
    public PipelineState state() {
        return state.get();
    }

    private void runOnce() {
        applier = new EventApplier(new ForecastEngine(costChangePercent, Clock.systemUTC()), store, meters, recomputeTime);
        publisher.newRun();
        state.set(PipelineState.LOADING_REFERENCE_DATA);
        try (KafkaConsumer<String, byte[]> reference = thread.wakesOnStop(consumer(null));
                KafkaClientMetrics referenceMetrics = ClientMetrics.bind(reference, meters)) {
            List<TopicPartition> referencePartitions = partitionsOf(reference, REFERENCE_TOPICS);
            reference.assign(referencePartitions);
            reference.seekToBeginning(referencePartitions);
            loadReferenceData(reference, referencePartitions);
            state.set(PipelineState.AWAITING_PARTITIONS);
            KafkaConsumer<String, byte[]> customers = thread.wakesOnStop(consumer(groupId));
            KafkaClientMetrics customerMetrics = ClientMetrics.bind(customers, meters);
            try {
                groupOffsets = new GroupOffsets(customers);
                customers.subscribe(CUSTOMER_TOPICS, new Rebalance(customers));
                while (thread.isRunning()) {
                    publisher.throwIfFailed();
                    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                        task.run();
                    }
                    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                    reference.poll(Duration.ZERO).forEach(records::add);
                    customers.poll(Duration.ofMillis(records.isEmpty() ? 100 : 0)).forEach(records::add);
                    if (!records.isEmpty()) {
                        process(records);
                    }
                }
            } finally {
                customerMetrics.close();
                leaveOrKeepPlace(customers);
            }
        } finally {
            publisher.drain(DRAIN_TIMEOUT);
            ownedPartitions.clear();
            state.set(PipelineState.LOADING_REFERENCE_DATA);
        }
    }

    /**
     * Closes the customer topics' consumer. An instance that stops leaves the consumer group at once,
     * so that another one takes its partitions now rather than after the session timeout; one that
     * starts its pipeline again keeps its place (static membership) and is given the same partitions
     * back without a rebalance of the others (ADR 010).
     */
    private void leaveOrKeepPlace(KafkaConsumer<String, byte[]> customers) {
        CloseOptions.GroupMembershipOperation membership = thread.isRunning()
                ? CloseOptions.GroupMembershipOperation.DEFAULT
                : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
        customers.close(CloseOptions.groupMembershipOperation(membership).withTimeout(CLOSE_TIMEOUT));
    }

    /** Step 1: the reference topics up to their current end, applied without publishing (no customer is loaded yet). */
    private void loadReferenceData(KafkaConsumer<String, byte[]> reference, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = reference.endOffsets(partitions);
        long applied = 0;
        while (partitions.stream().anyMatch(p -> reference.position(p) < end.get(p))) {
            for (ConsumerRecord<String, byte[]> record : reference.poll(Duration.ofMillis(200))) {
                IncomingRecord incoming = IncomingRecord.read(record);
                if (incoming.isDeadLetter()) {
                    // Sent to its dead-letter topic when it was first consumed live.
                    continue;
                }
                applier.load(incoming);
                applied++;
            }
        }
        LOG.infof("forecast pipeline loaded %d reference events", applied);
    }

    /** Step 3: one poll's records, dead letters first, then applied and committed. */
    private void process(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingRecord> incoming = records.stream().map(IncomingRecord::read).toList();
        List<IncomingRecord> dead = incoming.stream().filter(IncomingRecord::isDeadLetter).toList();
        if (!dead.isEmpty()) {
            deadLetters.send(dead);
        }
        applier.apply(incoming, this::commit);
        meters.summary("chipcast.forecast.batch.records").record(records.size());
    }

    /** Commits a batch, then hands its projections to the publisher, which sends them while the next batch is applied. */
    private void commit(Batch batch) {
        if (committer.commit(batch)) {
            publisher.publish(batch.committedProjections());
            groupOffsets.committed(batch.positions());
        }
    }

    /** Step 2: partitions of the customer topics given to or taken from this instance. */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> customers;

        Rebalance(KafkaConsumer<String, byte[]> customers) {
            this.customers = customers;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // What this instance committed reaches the topic before another one takes its customers over.
            publisher.drain(DRAIN_TIMEOUT);
            Set<Integer> revoked = partitionNumbers(partitions);
            ownedPartitions.removeAll(revoked);
            groupOffsets.forget(revoked);
            int customersLeaving = applier.forget(revoked);
            LOG.infof("forecast pipeline gave up partitions %s (%d customers)", revoked, customersLeaving);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                // The group has more instances than partitions, or none changed hands: nothing to restore.
                state.set(PipelineState.CONSUMING);
                return;
            }
            state.set(PipelineState.RESTORING);
            Map<TopicPartition, Long> positions = store.positions(partitions);
            for (TopicPartition partition : partitions) {
                Long next = positions.get(partition);
                if (next == null) {
                    customers.seekToBeginning(List.of(partition));
                } else {
                    customers.seek(partition, next);
                }
            }
            Set<Integer> assigned = partitionNumbers(partitions);
            List<CommittedProjection> unpublished = store.unpublished(assigned);
            if (!unpublished.isEmpty()) {
                LOG.infof("forecast pipeline publishes %d committed projections the broker never acknowledged", unpublished.size());
                publisher.publish(unpublished);
            }
            ForecastStore.CustomerSnapshot snapshot = store.load(assigned);
            applier.restore(snapshot, ForecastPipeline.this::commit);
            ownedPartitions.addAll(assigned);
            state.set(PipelineState.CONSUMING);
            LOG.infof("forecast pipeline took partitions %s (%d customers)", assigned, snapshot.partitionOf().size());
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        Map<String, Object> config = KafkaClientConfig.forClient(kafkaConfig, ConsumerConfig.configNames(),
                group == null ? "forecast-service-reference" : "forecast-service-customers");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // Partition p of both customer topics holds the same customers: range assignment gives both to one instance.
            config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
            // Static membership (ADR 010): a restarted instance is given its partitions back at once,
            // instead of after the session of the member that died; a dead one's expire after sessionTimeout.
            instanceId.ifPresent(id -> config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
            config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
            config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(500, sessionTimeout.toMillis() / 5));
        } else {
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private static Set<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new HashSet<>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        return numbers;
    }
}
