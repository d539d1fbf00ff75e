package io.chipcast.gateway.service.webhook;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.gateway.repository.WebhookSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One subscription's delivery on this instance (ADR 017), on a thread of its own: a consumer of
 * forecast.alerts in the subscription's consumer group, so that the group spreads the partitions
 * over the gateway instances and each alert is delivered by one of them. Alerts are delivered one
 * at a time, in partition order — so in order per customer — and the partition's offset is
 * committed once the subscriber took a poll's alerts: a restart, or another instance taking the
 * partition over, resumes after the last commit (at least once). A new subscription's
 * group starts where {@link WebhookStartPositions} put it: the first alert published after it was made.
 *
 * <p>When a delivery gives up, nothing after it is delivered: the subscription is marked failing,
 * and resuming it starts again from that alert.
 */
final class WebhookDelivery implements Runnable {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final WebhookSubscription subscription;
    private final Map<String, Object> consumerConfig;
    private final WebhookSender sender;
    private final MeterRegistry meters;
    private final BiConsumer<WebhookSubscription, String> gaveUp;
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, byte[]> consumer;

    WebhookDelivery(WebhookSubscription subscription, Map<String, Object> consumerConfig, WebhookSender sender, MeterRegistry meters,
            BiConsumer<WebhookSubscription, String> gaveUp) {
        this.subscription = subscription;
        this.consumerConfig = consumerConfig;
        this.sender = sender;
        this.meters = meters;
        this.gaveUp = gaveUp;
    }

    /** Stops after the alert being delivered, which is not committed unless the subscriber took it. */
    void stop() {
        stopping = true;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, byte[]> client = new KafkaConsumer<>(consumerConfig)) {
            consumer = client;
            client.subscribe(List.of(Topics.ALERTS.name()), new StartWhereItStands(client));
            while (!stopping) {
                if (!deliver(client.poll(POLL), client)) {
                    return;
                }
            }
        } catch (WakeupException e) {
            // Stopping.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook delivery of subscription %s stopped; it starts again at the next refresh", subscription.id());
        }
    }

    /**
     * Delivers a poll's alerts, partition by partition, and commits each partition once its alerts
     * were taken — or up to the one that was not: a crash delivers at most a poll's alerts again.
     * False once a delivery gave up.
     */
    private boolean deliver(ConsumerRecords<String, byte[]> poll, KafkaConsumer<String, byte[]> client) throws InterruptedException {
        for (TopicPartition partition : poll.partitions()) {
            long next = -1;
            Outcome outcome = Outcome.DONE;
            for (ConsumerRecord<String, byte[]> record : poll.records(partition)) {
                outcome = deliver(record);
                if (outcome != Outcome.DONE) {
                    break;
                }
                next = record.offset() + 1;
            }
            if (next >= 0 && !commit(client, partition, next)) {
                // The partition went to another instance, which delivers from the last commit.
                continue;
            }
            if (outcome == Outcome.GAVE_UP) {
                return false;
            }
            if (outcome == Outcome.STOPPED) {
                return true;
            }
        }
        return true;
    }

    private boolean commit(KafkaConsumer<String, byte[]> client, TopicPartition partition, long next) {
        try {
            client.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
            return true;
        } catch (CommitFailedException e) {
            return false;
        }
    }

    private enum Outcome { DONE, STOPPED, GAVE_UP }

    private Outcome deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Alert alert;
        try {
            alert = Json.read(record.value(), Alert.class);
        } catch (RuntimeException e) {
            // forecast-service validates what it publishes; the feed skips such a record the same way.
            LOG.warnf("webhook delivery skips an unreadable alert at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return Outcome.DONE;
        }
        if (!subscription.wants(alert.type(), alert.severity(), alert.customerId())) {
            return Outcome.DONE;
        }
        String body = new String(record.value(), StandardCharsets.UTF_8);
        WebhookSender.Result result = sender.send(subscription.url(), subscription.secret(), alert.alertId(), body, () -> stopping);
        meters.counter("chipcast.gateway.webhooks.attempts", "outcome", "failed").increment(Math.max(0, result.attempts() - 1));
        LOG.debugf("webhook subscription %s: alert %s %s after %d attempts", subscription.id(), alert.alertId(),
                result.delivered() ? "delivered" : "not delivered", result.attempts());
        if (result.delivered()) {
            meters.counter("chipcast.gateway.webhooks.deliveries", "outcome", "delivered").increment();
            meters.timer("chipcast.gateway.webhooks.delay").record(Math.max(0, System.currentTimeMillis() - record.timestamp()), TimeUnit.MILLISECONDS);
            return Outcome.DONE;
        }
        if (result.failure() == null) {
            return Outcome.STOPPED;
        }
        meters.counter("chipcast.gateway.webhooks.deliveries", "outcome", "gave-up").increment();
        LOG.warnf("webhook subscription %s is failing: alert %s not delivered: %s", subscription.id(), alert.alertId(), result.failure());
        gaveUp.accept(subscription, "alert " + alert.alertId() + " not delivered: " + result.failure());
        return Outcome.GAVE_UP;
    }

    /**
     * A partition with a committed offset resumes there (always, once the subscription was made);
     * one without — a partition added to the topic since — at its first alert after the subscription was made.
     */
    private final class StartWhereItStands implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> client;

        StartWhereItStands(KafkaConsumer<String, byte[]> client) {
            this.client = client;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> committed = client.committed(new HashSet<>(partitions));
            LOG.debugf("webhook subscription %s delivers partitions %s (committed: %s)", subscription.id(), partitions, committed);
            Map<TopicPartition, Long> fromCreation = new HashMap<>();
            partitions.stream().filter(partition -> committed.get(partition) == null)
                    .forEach(partition -> fromCreation.put(partition, subscription.createdAt().toEpochMilli()));
            if (fromCreation.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndTimestamp> offsets = client.offsetsForTimes(fromCreation);
            Set<TopicPartition> toEnd = new HashSet<>();
            fromCreation.keySet().forEach(partition -> {
                OffsetAndTimestamp offset = offsets.get(partition);
                if (offset == null) {
                    toEnd.add(partition);
                } else {
                    client.seek(partition, offset.offset());
                }
            });
            // The end as it is now, not when the next poll looks: an alert published meanwhile is not skipped.
            client.endOffsets(toEnd).forEach(client::seek);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Offsets are committed as alerts are delivered: nothing is left to commit.
        }
    }
}
