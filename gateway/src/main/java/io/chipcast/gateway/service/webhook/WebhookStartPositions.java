package io.chipcast.gateway.service.webhook;

import io.chipcast.contracts.Topics;
import io.chipcast.platform.kafka.KafkaClientConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a new subscription's delivery starts: its consumer group is given the current end of every
 * partition of forecast.alerts as committed offsets before the subscription is stored, so that it
 * gets exactly the alerts published after it was made, whichever instance delivers them and
 * whenever its consumers join.
 */
@ApplicationScoped
public class WebhookStartPositions {

    private static final long TIMEOUT_SECONDS = 30;

    private final Map<String, Object> kafkaConfig;
    private Admin admin;

    @Inject
    public WebhookStartPositions(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** Blocking: commits the topic's current ends for the group. */
    public void startAtTheEnd(String consumerGroup) {
        try {
            Admin client = admin();
            String topic = Topics.ALERTS.name();
            int partitions = client.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            client.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end.offset())));
            client.alterConsumerGroupOffsets(consumerGroup, ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not set where the subscription's delivery starts: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting where the subscription's delivery starts", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(KafkaClientConfig.forClient(kafkaConfig, AdminClientConfig.configNames(), "gateway-webhook-positions"));
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
        }
    }
}
