package io.chipcast.gateway.stream;

import io.chipcast.contracts.Topics;
import io.chipcast.platform.rest.Problem;
import io.chipcast.platform.rest.ProblemException;
import io.chipcast.platform.kafka.ClientMetrics;
import io.chipcast.platform.kafka.ConsumerThread;
import io.chipcast.platform.kafka.KafkaClientConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This gateway instance's view of forecast.projections and forecast.alerts (ADR 008): it reads
 * every partition of both from where they ended when it started — no consumer group, since every
 * instance serves its own subscribers and must see every customer — keeps the latest events of
 * each partition for streams that resume, hands each event to the streams of its customer, and
 * wakes requests waiting for a plan version to be projected.
 *
 * <p>One thread reads; the feed's state changes under one lock, so that a stream that opens or
 * resumes sees every event exactly once, whichever side of a poll it arrives on.
 */
@ApplicationScoped
public class ForecastFeed {

    private static final Logger LOG = Logger.getLogger(ForecastFeed.class);
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(2);

    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private final int retainedPerPartition;
    private final Counter skipped;
    private final Object lock = new Object();
    private final ConsumerThread thread = new ConsumerThread("gateway-forecast-feed", RESTART_BACKOFF, this::readUntilStopped);
    private volatile boolean ready;

    // Guarded by lock.
    private final Map<TopicPartition, ArrayDeque<FeedEvent>> retained = new HashMap<>();
    /** Per partition, the first offset from which every event is still retained. */
    private final Map<TopicPartition, Long> retainedFrom = new HashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<String, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, List<PlanVersionWaiter>> waiters = new HashMap<>();
    /** Resumed subscriptions are registered wrapped (they skip what precedes their position): the wrapper, by what it wraps. */
    private final Map<Subscription, Subscription> wrapped = new ConcurrentHashMap<>();
    private int projectionPartitions;
    private int alertPartitions;
    private long sequence;

    private record PlanVersionWaiter(long planVersion, CompletableFuture<Void> reached) {
    }

    @Inject
    public ForecastFeed(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters,
            @ConfigProperty(name = "chipcast.gateway.stream.retained-per-partition", defaultValue = "5000") int retainedPerPartition) {
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
        this.retainedPerPartition = retainedPerPartition;
        this.skipped = Counter.builder("chipcast.gateway.feed.skipped")
                .description("Records of forecast.projections or forecast.alerts that could not be read (logged)").register(meters);
        meters.gaugeMapSize("chipcast.gateway.streams.customers", List.of(), subscriptions);
    }

    void start(@Observes StartupEvent event) {
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        thread.stop(Duration.ofSeconds(10));
    }

    /** Whether the feed reads both topics: streams and waits need it. */
    public boolean isReady() {
        return ready;
    }

    /** Opens a customer's stream at the current end of both topics; returns that position. */
    public StreamPosition subscribe(String customerId, Subscription subscription) {
        synchronized (lock) {
            requireReady();
            subscriptions.computeIfAbsent(customerId, id -> new CopyOnWriteArraySet<>()).add(subscription);
            return positionOf(customerId);
        }
    }

    /**
     * Resumes a customer's stream at {@code from}: hands the subscription every retained event of
     * the customer at or after it, then every new one. False — and nothing subscribed — when
     * {@code from} is not a position of this customer or lies before what is retained.
     */
    public boolean resume(String customerId, StreamPosition from, Subscription subscription) {
        synchronized (lock) {
            requireReady();
            TopicPartition projections = new TopicPartition(Topics.PROJECTIONS.name(), from.projectionPartition());
            TopicPartition alerts = new TopicPartition(Topics.ALERTS.name(), from.alertPartition());
            StreamPosition current = positionOf(customerId);
            if (current.projectionPartition() != from.projectionPartition() || current.alertPartition() != from.alertPartition()
                    || from.projectionOffset() < retainedFrom.get(projections) || from.alertOffset() < retainedFrom.get(alerts)) {
                return false;
            }
            Subscription onlyAfter = (event, after) -> {
                long fromOffset = event.kind() == FeedEvent.Kind.PROJECTION ? from.projectionOffset() : from.alertOffset();
                if (event.offset() >= fromOffset) {
                    subscription.deliver(event, after);
                }
            };
            List<FeedEvent> missed = new ArrayList<>();
            retained.get(projections).stream().filter(e -> e.customerId().equals(customerId)).forEach(missed::add);
            retained.get(alerts).stream().filter(e -> e.customerId().equals(customerId)).forEach(missed::add);
            missed.sort(Comparator.comparingLong(FeedEvent::sequence));
            long projectionNext = from.projectionOffset();
            long alertNext = from.alertOffset();
            for (FeedEvent event : missed) {
                if (event.kind() == FeedEvent.Kind.PROJECTION) {
                    projectionNext = Math.max(projectionNext, event.offset() + 1);
                } else {
                    alertNext = Math.max(alertNext, event.offset() + 1);
                }
                deliver(onlyAfter, event, new StreamPosition(from.projectionPartition(), projectionNext, from.alertPartition(), alertNext));
            }
            subscriptions.computeIfAbsent(customerId, id -> new CopyOnWriteArraySet<>()).add(onlyAfter);
            wrapped.put(subscription, onlyAfter);
            return true;
        }
    }

    public void unsubscribe(String customerId, Subscription subscription) {
        Subscription registered = Optional.ofNullable(wrapped.remove(subscription)).orElse(subscription);
        subscriptions.computeIfPresent(customerId, (id, set) -> {
            set.remove(registered);
            return set.isEmpty() ? null : set;
        });
    }

    /** Completes once this feed has read a projection of the customer for {@code planVersion} or a later plan. */
    public CompletableFuture<Void> planVersionProjected(String customerId, long planVersion) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        synchronized (lock) {
            waiters.computeIfAbsent(customerId, id -> new ArrayList<>()).add(new PlanVersionWaiter(planVersion, reached));
        }
        // A waiter that gives up must not stay behind.
        reached.whenComplete((ignored, failure) -> {
            synchronized (lock) {
                List<PlanVersionWaiter> list = waiters.get(customerId);
                if (list != null) {
                    list.removeIf(waiter -> waiter.reached() == reached);
                    if (list.isEmpty()) {
                        waiters.remove(customerId);
                    }
                }
            }
        });
        return reached;
    }

    private StreamPosition positionOf(String customerId) {
        int projectionPartition = partitionOf(customerId, projectionPartitions);
        int alertPartition = partitionOf(customerId, alertPartitions);
        return new StreamPosition(projectionPartition, positions.get(new TopicPartition(Topics.PROJECTIONS.name(), projectionPartition)),
                alertPartition, positions.get(new TopicPartition(Topics.ALERTS.name(), alertPartition)));
    }

    /** The partition Kafka's default partitioner gives a key. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Fails with a 503 problem while the feed does not read (starting, or Kafka unreachable). */
    public void requireReady() {
        if (!ready) {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "not-ready",
                    "the gateway is not yet following the forecast topics; try again in a moment"));
        }
    }

    private void readUntilStopped() {
        Map<String, Object> config = KafkaClientConfig.forClient(kafkaConfig, ConsumerConfig.configNames(), "gateway-feed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> kafka = thread.wakesOnStop(
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
                KafkaClientMetrics kafkaMetrics = ClientMetrics.bind(kafka, meters)) {
            List<TopicPartition> partitions = new ArrayList<>();
            int projections = partitionsOf(kafka, Topics.PROJECTIONS.name(), partitions);
            int alerts = partitionsOf(kafka, Topics.ALERTS.name(), partitions);
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            synchronized (lock) {
                projectionPartitions = projections;
                alertPartitions = alerts;
                retained.clear();
                for (TopicPartition partition : partitions) {
                    long end = kafka.position(partition);
                    positions.put(partition, end);
                    retainedFrom.put(partition, end);
                    retained.put(partition, new ArrayDeque<>());
                }
                ready = true;
            }
            LOG.infof("gateway feed reads %d partitions of forecast.projections and %d of forecast.alerts", projections, alerts);
            while (thread.isRunning()) {
                var records = kafka.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                synchronized (lock) {
                    // A projection and the alerts it raised are published together: of those read
                    // in one poll, projections go first. Each topic's records stay in offset order.
                    records.records(Topics.PROJECTIONS.name()).forEach(this::accept);
                    records.records(Topics.ALERTS.name()).forEach(this::accept);
                }
            }
        } finally {
            ready = false;
        }
    }

    private static int partitionsOf(KafkaConsumer<?, ?> kafka, String topic, List<TopicPartition> into) {
        var infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
        infos.forEach(info -> into.add(new TopicPartition(topic, info.partition())));
        return infos.size();
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        positions.put(partition, record.offset() + 1);
        FeedEvent event = read(record);
        if (event == null) {
            return;
        }
        ArrayDeque<FeedEvent> buffer = retained.get(partition);
        buffer.addLast(event);
        if (buffer.size() > retainedPerPartition) {
            retainedFrom.put(partition, buffer.removeFirst().offset() + 1);
        }
        Set<Subscription> streams = subscriptions.get(event.customerId());
        if (streams != null) {
            StreamPosition after = positionOf(event.customerId());
            streams.forEach(stream -> deliver(stream, event, after));
        }
        if (event.kind() == FeedEvent.Kind.PROJECTION) {
            List<PlanVersionWaiter> waiting = waiters.get(event.customerId());
            if (waiting != null) {
                List.copyOf(waiting).stream().filter(waiter -> waiter.planVersion() <= event.planVersion())
                        .forEach(waiter -> waiter.reached().complete(null));
            }
        }
    }

    /** Hands an event to one stream; whatever goes wrong there stays there. */
    private static void deliver(Subscription stream, FeedEvent event, StreamPosition after) {
        try {
            stream.deliver(event, after);
        } catch (RuntimeException e) {
            LOG.warnf(e, "an alert stream of customer %s failed to take an event", event.customerId());
        }
    }

    /** The event a record carries; null (logged, counted) for one that cannot be read: the feed goes on. */
    private FeedEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            return FeedRecords.read(record, ++sequence);
        } catch (IllegalArgumentException e) {
            skipped.increment();
            LOG.warnf("skipped record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }
}
