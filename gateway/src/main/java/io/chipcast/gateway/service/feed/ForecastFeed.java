package io.chipcast.gateway.service.feed;

import io.chipcast.contracts.Topics;
import io.chipcast.platform.service.NotReadyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This gateway instance's view of forecast.projections and forecast.alerts (ADR 008), fed poll by
 * poll by the {@code forecast-feed} channel ({@link io.chipcast.gateway.messaging.ForecastTopics}),
 * which reads every partition of both from where they ended when the instance started: keeps the
 * latest events of each partition for streams that resume, hands each event to the streams of its
 * customer, and wakes requests waiting for a plan version to be projected.
 *
 * <p>The feed's state changes under one lock, so that a stream that opens or resumes sees every
 * event exactly once, whichever side of a poll it arrives on.
 */
@ApplicationScoped
public class ForecastFeed {

    private static final Logger LOG = Logger.getLogger(ForecastFeed.class);

    private final int retainedPerPartition;
    private final Counter skipped;
    private final Object lock = new Object();
    private volatile boolean ready;

    // Guarded by lock.
    private final Map<TopicPartition, ArrayDeque<FeedEvent>> retained = new HashMap<>();
    /** Per partition, the first offset from which every event is still retained. */
    private final Map<TopicPartition, Long> retainedFrom = new HashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /** The partitions the feed's consumer reads now. */
    private final Set<TopicPartition> reading = new HashSet<>();
    private final Map<String, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();
    /** Streams of every customer's alerts (each filters what it wants). */
    private final Set<Subscription> alertSubscriptions = new CopyOnWriteArraySet<>();
    private final Map<String, List<PlanVersionWaiter>> waiters = new HashMap<>();
    /** Resumed subscriptions are registered wrapped (they skip what precedes their position): the wrapper, by what it wraps. */
    private final Map<Subscription, Subscription> wrapped = new ConcurrentHashMap<>();
    private int projectionPartitions;
    private int alertPartitions;
    private long sequence;

    private record PlanVersionWaiter(long planVersion, CompletableFuture<Void> reached) {
    }

    @Inject
    public ForecastFeed(MeterRegistry meters,
            @ConfigProperty(name = "chipcast.gateway.stream.retained-per-partition", defaultValue = "5000") int retainedPerPartition) {
        this.retainedPerPartition = retainedPerPartition;
        this.skipped = Counter.builder("chipcast.gateway.feed.skipped")
                .description("Records of forecast.projections or forecast.alerts that could not be read (logged)").register(meters);
        meters.gaugeMapSize("chipcast.gateway.streams.customers", List.of(), subscriptions);
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
            retained.get(projections).stream().filter(e -> e.customerId().equals(customerId) && readable(e)).forEach(missed::add);
            retained.get(alerts).stream().filter(e -> e.customerId().equals(customerId) && readable(e)).forEach(missed::add);
            missed.sort(Comparator.comparingLong(FeedEvent::sequence));
            long projectionNext = from.projectionOffset();
            long alertNext = from.alertOffset();
            for (FeedEvent event : missed) {
                if (event.kind() == FeedEvent.Kind.PROJECTION) {
                    projectionNext = Math.max(projectionNext, event.offset() + 1);
                } else {
                    alertNext = Math.max(alertNext, event.offset() + 1);
                }
                deliver(onlyAfter, event, new StreamPosition(from.projectionPartition(), projectionNext, from.alertPartition(), alertNext).id());
            }
            subscriptions.computeIfAbsent(customerId, id -> new CopyOnWriteArraySet<>()).add(onlyAfter);
            wrapped.put(subscription, onlyAfter);
            return true;
        }
    }

    /** Opens a stream of every customer's alerts at the current end of forecast.alerts; returns that position. */
    public AlertFeedPosition subscribeToAlerts(Subscription subscription) {
        synchronized (lock) {
            requireReady();
            alertSubscriptions.add(subscription);
            return alertFeedPosition();
        }
    }

    /**
     * Resumes a stream of every customer's alerts at {@code from}: hands the subscription every
     * retained alert at or after it, in the order the feed read them, then every new one. False —
     * and nothing subscribed — when {@code from} does not name every partition of forecast.alerts
     * or lies before what is retained of one.
     */
    public boolean resumeAlerts(AlertFeedPosition from, Subscription subscription) {
        synchronized (lock) {
            requireReady();
            if (from.offsets().size() != alertPartitions) {
                return false;
            }
            List<FeedEvent> missed = new ArrayList<>();
            for (int partition = 0; partition < alertPartitions; partition++) {
                TopicPartition alerts = new TopicPartition(Topics.ALERTS.name(), partition);
                long fromOffset = from.offsets().get(partition);
                if (fromOffset < retainedFrom.get(alerts)) {
                    return false;
                }
                retained.get(alerts).stream().filter(e -> e.offset() >= fromOffset && readable(e)).forEach(missed::add);
            }
            Subscription onlyAfter = (event, after) -> {
                if (event.offset() >= from.offsets().get(event.partition())) {
                    subscription.deliver(event, after);
                }
            };
            missed.sort(Comparator.comparingLong(FeedEvent::sequence));
            List<Long> next = new ArrayList<>(from.offsets());
            for (FeedEvent event : missed) {
                next.set(event.partition(), Math.max(next.get(event.partition()), event.offset() + 1));
                deliver(onlyAfter, event, new AlertFeedPosition(next).id());
            }
            alertSubscriptions.add(onlyAfter);
            wrapped.put(subscription, onlyAfter);
            return true;
        }
    }

    public void unsubscribeFromAlerts(Subscription subscription) {
        alertSubscriptions.remove(Optional.ofNullable(wrapped.remove(subscription)).orElse(subscription));
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

    /** The next offset of every partition of forecast.alerts. */
    private AlertFeedPosition alertFeedPosition() {
        List<Long> offsets = new ArrayList<>(alertPartitions);
        for (int partition = 0; partition < alertPartitions; partition++) {
            offsets.add(positions.get(new TopicPartition(Topics.ALERTS.name(), partition)));
        }
        return new AlertFeedPosition(offsets);
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

    /** Fails (a 503 problem) while the feed does not read (starting, or Kafka unreachable). */
    public void requireReady() {
        if (!ready) {
            throw new NotReadyException("the gateway is not yet following the forecast topics; try again in a moment");
        }
    }

    /** Where the feed stands in a partition it has read, if it has. */
    public OptionalLong position(TopicPartition partition) {
        synchronized (lock) {
            Long next = positions.get(partition);
            return next == null ? OptionalLong.empty() : OptionalLong.of(next);
        }
    }

    /**
     * Partitions the feed reads from now on, each from {@code from}; ready once it reads every
     * partition of both topics, which have {@code projectionPartitions} and {@code alertPartitions}.
     */
    public void assigned(Map<TopicPartition, Long> from, int projectionPartitions, int alertPartitions) {
        synchronized (lock) {
            this.projectionPartitions = projectionPartitions;
            this.alertPartitions = alertPartitions;
            from.forEach((partition, next) -> {
                if (!next.equals(positions.put(partition, next))) {
                    // New to the feed, or read again from elsewhere: what was retained no longer joins up.
                    retainedFrom.put(partition, next);
                    retained.put(partition, new ArrayDeque<>());
                }
            });
            reading.addAll(from.keySet());
            long expected = (long) projectionPartitions + alertPartitions;
            ready = reading.size() == expected;
            if (ready) {
                LOG.infof("gateway feed reads %d partitions of forecast.projections and %d of forecast.alerts",
                        projectionPartitions, alertPartitions);
            }
        }
    }

    /** Partitions the feed no longer reads (a rebalance): not ready until they are given back. */
    public void revoked(Collection<TopicPartition> partitions) {
        synchronized (lock) {
            reading.removeAll(partitions);
            ready = false;
        }
    }

    /**
     * One poll of both topics. A projection and the alerts it raised are published together: of
     * those read in one poll, projections go first. Each topic's records stay in offset order.
     */
    public void accept(ConsumerRecords<String, byte[]> records) {
        synchronized (lock) {
            records.records(Topics.PROJECTIONS.name()).forEach(this::accept);
            records.records(Topics.ALERTS.name()).forEach(this::accept);
        }
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
        List<PlanVersionWaiter> waiting = event.kind() == FeedEvent.Kind.PROJECTION ? waiters.get(event.customerId()) : null;
        boolean toAlertFeeds = event.kind() == FeedEvent.Kind.ALERT && !alertSubscriptions.isEmpty();
        // Only an event someone waits for is read beyond its key.
        if ((streams == null && waiting == null && !toAlertFeeds) || !readable(event)) {
            return;
        }
        if (streams != null) {
            String after = positionOf(event.customerId()).id();
            streams.forEach(stream -> deliver(stream, event, after));
        }
        if (toAlertFeeds) {
            String after = alertFeedPosition().id();
            alertSubscriptions.forEach(stream -> deliver(stream, event, after));
        }
        if (waiting != null) {
            List.copyOf(waiting).stream().filter(waiter -> waiter.planVersion() <= event.planVersion())
                    .forEach(waiter -> waiter.reached().complete(null));
        }
    }

    /** Whether the event's fields can be read; one that cannot is logged and counted each time it would be delivered. */
    private boolean readable(FeedEvent event) {
        String problem = event.problem();
        if (problem != null) {
            skipped.increment();
            LOG.warnf("skipped record %s-%d@%d: %s", event.kind() == FeedEvent.Kind.PROJECTION ? Topics.PROJECTIONS.name() : Topics.ALERTS.name(),
                    event.partition(), event.offset(), problem);
            return false;
        }
        return true;
    }

    /** Hands an event to one stream; whatever goes wrong there stays there. */
    private static void deliver(Subscription stream, FeedEvent event, String after) {
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
