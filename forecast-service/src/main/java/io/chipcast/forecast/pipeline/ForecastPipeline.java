package io.chipcast.forecast.pipeline;

import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.forecast.engine.ForecastEngine;
import io.chipcast.forecast.engine.ReferenceData;
import io.chipcast.forecast.store.Batch;
import io.chipcast.forecast.store.CommittedProjection;
import io.chipcast.forecast.store.ForecastStore;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Feeds the engine from the five input topics and commits what each batch of records changed
 * (ADR 007). One thread owns the engine:
 * <ol>
 *   <li>it reads the reference topics (catalog, prices, rulings) from the beginning — every
 *       instance needs all of them — without publishing anything;</li>
 *   <li>it joins the consumer group of the customer topics (plans, shipments, co-partitioned by
 *       customer): for each partition it is given, it restores the customers from the database,
 *       reconciles them with the reference data, and resumes at the stored position;</li>
 *   <li>then, batch by batch, it applies records in order and commits in one database transaction
 *       the applied event ids, the positions, the customer state, the projections and their
 *       alerts; then publishes the projections and alerts (ADR 009). Kafka's own offsets are never
 *       used to resume.</li>
 * </ol>
 * A record that cannot be read goes to its dead-letter topic first. A failed commit or publication
 * stops the pipeline and starts it again from the database, so memory never runs ahead of what was
 * committed, and what was committed is published.
 */
@ApplicationScoped
public class ForecastPipeline {

    private static final Logger LOG = Logger.getLogger(ForecastPipeline.class);
    private static final List<String> REFERENCE_TOPICS = List.of(Topics.CATALOG.name(), Topics.PRICES.name(), Topics.RULINGS.name());
    private static final List<String> CUSTOMER_TOPICS = List.of(Topics.DEMAND_PLANS.name(), Topics.SHIPMENTS.name());
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(2);
    /** Redeliveries come within seconds of the original (a publisher resending a batch): a million is ample. */
    private static final int SEEN_REFERENCE_EVENTS = 1_000_000;
    private static final int PARALLEL_SERIALIZATION = 500;
    /** Customers per transaction of a large fan-out (about 10 MB of projections). */
    private static final int FAN_OUT_SLICE = 5_000;
    private static final Duration MIRROR_INTERVAL = Duration.ofSeconds(1);
    /** How long what was sent may take to be acknowledged when partitions go or the pipeline stops. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> kafkaConfig;
    private final ForecastStore store;
    private final DeadLetters deadLetters;
    private final ProjectionPublisher publisher;
    private final MeterRegistry meters;
    private final BigDecimal costChangePercent;
    private final String groupId;
    private final Optional<String> instanceId;
    private final Duration sessionTimeout;
    private final AtomicReference<PipelineState> state = new AtomicReference<>(PipelineState.LOADING_REFERENCE_DATA);
    private final Timer recomputeTime;
    private final Timer lag;
    private final Timer commitTime;
    private final Set<Integer> ownedPartitions = ConcurrentHashMap.newKeySet();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ConsumerThread thread = new ConsumerThread("forecast-pipeline", RESTART_BACKOFF, this::runOnce);
    private volatile KafkaConsumer<String, byte[]> customerConsumer;

    // Owned by the pipeline thread.
    private ForecastEngine engine;
    private final Map<String, Integer> partitionOfCustomer = new HashMap<>();
    /** The ce_ids of the latest reference events, to apply a redelivered one once; bounded, oldest forgotten first. */
    private final Set<String> seenReferenceEvents = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SEEN_REFERENCE_EVENTS;
        }
    });
    private Cause lastReferenceEvent;
    private final Map<TopicPartition, OffsetAndMetadata> positionsToMirror = new HashMap<>();
    private long lastMirrored = System.nanoTime();

    @Inject
    public ForecastPipeline(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ForecastStore store,
            DeadLetters deadLetters, ProjectionPublisher publisher, MeterRegistry meters,
            @ConfigProperty(name = "chipcast.forecast.cost-change-percent", defaultValue = "1") BigDecimal costChangePercent,
            @ConfigProperty(name = "chipcast.forecast.group-id", defaultValue = "forecast-service") String groupId,
            @ConfigProperty(name = "chipcast.forecast.instance-id") Optional<String> instanceId,
            @ConfigProperty(name = "chipcast.forecast.session-timeout", defaultValue = "10s") Duration sessionTimeout) {
        this.kafkaConfig = kafkaConfig;
        this.store = store;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.meters = meters;
        this.costChangePercent = costChangePercent;
        this.groupId = groupId;
        this.instanceId = instanceId.filter(id -> !id.isBlank());
        this.sessionTimeout = sessionTimeout;
        this.recomputeTime = Timers.histogram("chipcast.forecast.recompute", "Applying one event to the engine").register(meters);
        this.commitTime = Timers.histogram("chipcast.forecast.commit", "Committing one batch to the database").register(meters);
        this.lag = Timers.histogram("chipcast.forecast.lag",
                "From an event's ce_time to the commit of the projections it changed (published right after)").register(meters);
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
    public CompletableFuture<ReferenceData> referenceSnapshot() {
        CompletableFuture<ReferenceData> snapshot = new CompletableFuture<>();
        // Past loading, the reference data is the engine's: what-if needs nothing else.
        if (state.get() == PipelineState.LOADING_REFERENCE_DATA) {
            snapshot.completeExceptionally(new IllegalStateException("the forecast pipeline has not read the reference data yet"));
            return snapshot;
        }
        tasks.add(() -> snapshot.complete(engine.reference().copy()));
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
        engine = new ForecastEngine(costChangePercent, Clock.systemUTC());
        partitionOfCustomer.clear();
        seenReferenceEvents.clear();
        positionsToMirror.clear();
        lastReferenceEvent = null;
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
                customerConsumer = customers;
                customers.subscribe(CUSTOMER_TOPICS, new Rebalance());
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
            customerConsumer = null;
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
                applyReference(incoming);
                applied++;
            }
        }
        LOG.infof("forecast pipeline loaded %d reference events", applied);
    }

    /**
     * Step 3: one batch, applied in order and committed in one transaction — except a reference
     * event that moves thousands of customers: what came before it is committed first, then its
     * fan-out slice by slice ({@link #commitFanOut}), then the rest of the batch.
     */
    private void process(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingRecord> incoming = records.stream().map(IncomingRecord::read).toList();
        List<IncomingRecord> dead = incoming.stream().filter(IncomingRecord::isDeadLetter).toList();
        if (!dead.isEmpty()) {
            deadLetters.send(dead);
        }
        Set<String> customerEventIds = new HashSet<>();
        incoming.stream().filter(r -> !r.isDeadLetter() && isCustomerTopic(r.topic())).forEach(r -> customerEventIds.add(r.event().id()));
        Set<String> alreadyApplied = store.processed(customerEventIds);

        Batch batch = new Batch();
        List<Instant> changedAt = new ArrayList<>();
        for (IncomingRecord record : incoming) {
            ConsumerRecord<String, byte[]> raw = record.record();
            if (isCustomerTopic(record.topic())) {
                batch.consumed(new TopicPartition(raw.topic(), raw.partition()), raw.offset());
            }
            if (record.isDeadLetter()) {
                continue;
            }
            ForecastEngine.Outcome outcome;
            if (isCustomerTopic(record.topic())) {
                if (!alreadyApplied.add(record.event().id())) {
                    continue;
                }
                batch.processed(record.event().id(), record.topic().name());
                outcome = applyCustomerEvent(record, batch);
            } else {
                outcome = applyReference(record);
            }
            meters.counter("chipcast.forecast.events.applied", "topic", record.topic().name()).increment();
            meters.summary("chipcast.forecast.customers.recomputed").record(outcome.customersRecomputed());
            if (outcome.projections().size() > FAN_OUT_SLICE) {
                commit(batch, changedAt);
                batch = new Batch();
                changedAt = new ArrayList<>();
                commitFanOut(outcome, List.of(record.event().time()));
                continue;
            }
            collect(outcome.projections(), byCustomer(outcome.alerts()), batch);
            if (!outcome.projections().isEmpty()) {
                changedAt.add(record.event().time());
            }
        }
        commit(batch, changedAt);
        meters.summary("chipcast.forecast.batch.records").record(records.size());
    }

    /** Commits a batch, hands its projections to the publisher and records how long the events that changed them took. */
    private void commit(Batch batch, List<Instant> changedAt) {
        if (batch.isEmpty()) {
            return;
        }
        commitTime.record(() -> store.commit(batch));
        publisher.publish(batch.committedProjections());
        mirrorPositionsToKafka(batch);
        recordLag(changedAt);
    }

    private void recordLag(List<Instant> changedAt) {
        Instant committed = Instant.now();
        changedAt.forEach(eventTime -> lag.record(Duration.between(eventTime, committed)));
    }

    /**
     * The projections a reference event changed, committed and published {@value #FAN_OUT_SLICE}
     * customers at a time: the first ones are on their way to the broker while the next ones are
     * written. Safe to split: reference events are read again on every start, and whatever slice
     * never committed is recomputed then ({@link ForecastEngine#reconcile}).
     */
    private void commitFanOut(ForecastEngine.Outcome outcome, List<Instant> changedAt) {
        List<Projection> projections = outcome.projections();
        Map<String, List<Alert>> alerts = byCustomer(outcome.alerts());
        for (int from = 0; from < projections.size(); from += FAN_OUT_SLICE) {
            Batch slice = new Batch();
            collect(projections.subList(from, Math.min(projections.size(), from + FAN_OUT_SLICE)), alerts, slice);
            commit(slice, List.of());
        }
        recordLag(changedAt);
    }

    /**
     * Copies the committed positions to the consumer group's offsets in Kafka — for lag monitoring
     * and autoscaling (KEDA, kafka-consumer-groups), never to resume from: the database is where
     * this pipeline resumes (ADR 007). Best effort, asynchronous.
     */
    private void mirrorPositionsToKafka(Batch batch) {
        batch.positions().forEach((partition, next) -> positionsToMirror.put(partition, new OffsetAndMetadata(next)));
        KafkaConsumer<String, byte[]> consumer = customerConsumer;
        long now = System.nanoTime();
        // At most once a second: lag tooling needs no more, and the broker should not get a commit per batch.
        if (!positionsToMirror.isEmpty() && consumer != null && now - lastMirrored > MIRROR_INTERVAL.toNanos()) {
            consumer.commitAsync(Map.copyOf(positionsToMirror), (committed, failure) -> { /* the next mirror catches up */ });
            positionsToMirror.clear();
            lastMirrored = now;
        }
    }

    private ForecastEngine.Outcome applyCustomerEvent(IncomingRecord record, Batch batch) {
        int partition = record.record().partition();
        Validated payload = record.payload();
        return recomputeTime.record(() -> {
            if (payload instanceof DemandPlan plan) {
                partitionOfCustomer.put(plan.customerId(), partition);
                batch.plan(plan, partition);
                return engine.onPlan(plan, record.cause());
            }
            ShipmentEvent shipment = (ShipmentEvent) payload;
            partitionOfCustomer.put(shipment.customerId(), partition);
            batch.shipment(shipment, partition);
            return engine.onShipment(shipment, record.cause());
        });
    }

    private ForecastEngine.Outcome applyReference(IncomingRecord record) {
        if (!seenReferenceEvents.add(record.event().id())) {
            return ForecastEngine.Outcome.NOTHING;
        }
        lastReferenceEvent = record.cause();
        return recomputeTime.record(() -> engine.apply(record.payload(), record.cause()));
    }

    /** An outcome has at most one projection per customer, and every alert is about one of them. */
    private static Map<String, List<Alert>> byCustomer(List<Alert> alerts) {
        return alerts.isEmpty() ? Map.of() : alerts.stream().collect(Collectors.groupingBy(Alert::customerId));
    }

    /** Adds projections to the batch, each written with the alerts about its customer. */
    private void collect(List<Projection> projections, Map<String, List<Alert>> alertsByCustomer, Batch batch) {
        // A price change of a popular SKU writes thousands of documents: on every core.
        List<CommittedProjection> written = (projections.size() >= PARALLEL_SERIALIZATION ? projections.parallelStream() : projections.stream())
                .map(projection -> CommittedProjection.of(projection, alertsByCustomer.getOrDefault(projection.customerId(), List.of())))
                .toList();
        for (int i = 0; i < projections.size(); i++) {
            Projection projection = projections.get(i);
            batch.projection(projection, written.get(i), partitionOfCustomer.get(projection.customerId()),
                    engine.costAlertedOn(projection.customerId()).orElse(projection.projectedCost()));
        }
    }

    /** Step 2: partitions of the customer topics given to or taken from this instance. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // What this instance committed reaches the topic before another one takes its customers over.
            publisher.drain(DRAIN_TIMEOUT);
            Set<Integer> revoked = partitionNumbers(partitions);
            ownedPartitions.removeAll(revoked);
            positionsToMirror.keySet().removeIf(partition -> revoked.contains(partition.partition()));
            List<String> leaving = partitionOfCustomer.entrySet().stream()
                    .filter(e -> revoked.contains(e.getValue())).map(Map.Entry::getKey).toList();
            leaving.forEach(customer -> {
                engine.forget(customer);
                partitionOfCustomer.remove(customer);
            });
            LOG.infof("forecast pipeline gave up partitions %s (%d customers)", revoked, leaving.size());
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
                    customerConsumer.seekToBeginning(List.of(partition));
                } else {
                    customerConsumer.seek(partition, next);
                }
            }
            List<CommittedProjection> unpublished = store.unpublished(partitionNumbers(partitions));
            if (!unpublished.isEmpty()) {
                LOG.infof("forecast pipeline publishes %d committed projections the broker never acknowledged", unpublished.size());
                publisher.publish(unpublished);
            }
            ForecastStore.CustomerSnapshot snapshot = store.load(partitionNumbers(partitions));
            snapshot.partitionOf().forEach((customer, partition) -> {
                partitionOfCustomer.put(customer, partition);
                ForecastStore.StoredProjection stored = snapshot.projections().get(customer);
                engine.restore(customer, snapshot.plans().get(customer), snapshot.shipments().getOrDefault(customer, List.of()),
                        stored == null ? null : stored.projection(), stored == null ? null : stored.costAlertedOn());
            });
            reconcile(snapshot.partitionOf().keySet());
            ownedPartitions.addAll(partitionNumbers(partitions));
            state.set(PipelineState.CONSUMING);
            LOG.infof("forecast pipeline took partitions %s (%d customers)", partitionNumbers(partitions), snapshot.partitionOf().size());
        }
    }

    /** Reference events the persisted projections have not seen yet move them now; their latest one is the cause. */
    private void reconcile(Set<String> customers) {
        if (lastReferenceEvent == null || customers.isEmpty()) {
            return;
        }
        commitFanOut(engine.reconcile(customers, lastReferenceEvent), List.of());
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

    private static boolean isCustomerTopic(Topic<String, ?> topic) {
        return topic == Topics.DEMAND_PLANS || topic == Topics.SHIPMENTS;
    }
}
