package io.chipcast.gateway.service.webhook;

import io.chipcast.gateway.repository.WebhookSubscription;
import io.chipcast.gateway.repository.WebhookSubscriptions;
import io.chipcast.platform.kafka.KafkaClientConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a {@link WebhookDelivery} for every active subscription on this gateway instance, and stops
 * those of subscriptions deleted or failing: the subscriptions are read again every
 * {@code chipcast.gateway.webhooks.refresh}, and at once when this instance changes one. The
 * number of failing subscriptions is the gauge {@code chipcast.gateway.webhooks.failing}.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
    /** Longer than a delivery's retries may take (WebhookSender), so that the group keeps the consumer meanwhile. */
    private static final int MAX_POLL_INTERVAL_MS = (int) Duration.ofMinutes(20).toMillis();

    private final WebhookSubscriptions subscriptions;
    private final Map<String, Object> kafkaConfig;
    private final WebhookSender sender;
    private final MeterRegistry meters;
    private final Vertx vertx;
    private final Duration refresh;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final AtomicInteger failing = new AtomicInteger();
    /** When each delivery that gave up did ({@link System#nanoTime}): a list read before then still shows it active. */
    private final Map<UUID, Long> gaveUpAt = new ConcurrentHashMap<>();
    private long timer = -1;

    /** @param startedAt when it started ({@link System#nanoTime}): a list read before then does not stop it */
    private record Running(WebhookDelivery delivery, Thread thread, long startedAt) {
    }

    @Inject
    public WebhookDeliveries(WebhookSubscriptions subscriptions, WebhookDestinations destinations,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters, Vertx vertx,
            @ConfigProperty(name = "chipcast.gateway.webhooks.refresh", defaultValue = "5s") Duration refresh,
            @ConfigProperty(name = "chipcast.gateway.webhooks.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "chipcast.gateway.webhooks.first-retry", defaultValue = "1s") Duration firstRetry) {
        this.subscriptions = subscriptions;
        this.kafkaConfig = kafkaConfig;
        this.sender = new WebhookSender(destinations, maxAttempts, firstRetry);
        this.meters = meters;
        this.vertx = vertx;
        this.refresh = refresh;
        meters.gauge("chipcast.gateway.webhooks.failing", failing);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(refresh.toMillis(), id -> refresh().subscribe().with(done -> { }, failure ->
                LOG.debugf("webhook subscriptions could not be read yet (%s)", failure)));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        running.values().forEach(each -> each.delivery().stop());
        running.values().forEach(each -> {
            try {
                each.thread().join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Reads the subscriptions and starts or stops deliveries to match. */
    public Uni<Void> refresh() {
        return Uni.createFrom().item(System::nanoTime)
                .chain(readAt -> subscriptions.all().invoke(all -> match(all, readAt)))
                .replaceWithVoid();
    }

    /**
     * Starts what is active and not running, stops what runs and is no longer active. Two refreshes
     * may overlap (the periodic one, and one after a change here): a list read before a delivery
     * started, which may not hold its subscription yet, does not stop it.
     */
    private synchronized void match(List<WebhookSubscription> all, long readAt) {
        failing.set((int) all.stream().filter(s -> s.state() == WebhookSubscription.State.FAILING).count());
        Map<UUID, WebhookSubscription> active = all.stream().filter(s -> s.state() == WebhookSubscription.State.ACTIVE)
                .collect(Collectors.toMap(WebhookSubscription::id, s -> s));
        running.entrySet().removeIf(entry -> {
            boolean known = entry.getValue().startedAt() < readAt;
            boolean gone = (known && !active.containsKey(entry.getKey())) || !entry.getValue().thread().isAlive();
            if (gone) {
                entry.getValue().delivery().stop();
            }
            return gone;
        });
        gaveUpAt.values().removeIf(at -> at < readAt);
        Set<UUID> started = Set.copyOf(running.keySet());
        active.values().stream().filter(s -> !started.contains(s.id()) && !gaveUpAt.containsKey(s.id())).forEach(this::startDelivery);
    }

    private void startDelivery(WebhookSubscription subscription) {
        WebhookDelivery delivery = new WebhookDelivery(subscription, consumerConfig(subscription), sender, meters, this::gaveUp);
        Thread thread = new Thread(delivery, "webhook-" + subscription.id().toString().substring(0, 8));
        thread.setDaemon(true);
        running.put(subscription.id(), new Running(delivery, thread, System.nanoTime()));
        thread.start();
    }

    /** On the delivery's own thread: the subscription is failing until someone resumes it. */
    private void gaveUp(WebhookSubscription subscription, String reason) {
        gaveUpAt.put(subscription.id(), System.nanoTime());
        try {
            subscriptions.failing(subscription.id(), reason).await().atMost(Duration.ofSeconds(30));
            failing.incrementAndGet();
        } catch (RuntimeException e) {
            // Delivery stopped all the same; the next start resumes from the alert that failed.
            LOG.errorf(e, "could not record that webhook subscription %s is failing", subscription.id());
        }
    }

    private Map<String, Object> consumerConfig(WebhookSubscription subscription) {
        Map<String, Object> config = new HashMap<>(KafkaClientConfig.forClient(kafkaConfig, ConsumerConfig.configNames(),
                subscription.consumerGroup() + "-" + UUID.randomUUID().toString().substring(0, 8)));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, subscription.consumerGroup());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        // An instance that went away without leaving hands its partitions over within seconds, not 45.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }
}
