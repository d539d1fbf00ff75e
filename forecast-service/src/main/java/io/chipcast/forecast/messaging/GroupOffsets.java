package io.chipcast.forecast.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Copies the committed positions to the consumer group's offsets in Kafka — for lag monitoring and
 * autoscaling (KEDA, kafka-consumer-groups), never to resume from: the database is where the
 * pipeline resumes (ADR 007). Best effort, asynchronous, at most once a second: lag tooling needs
 * no more, and the broker should not get a commit per batch. Used by the pipeline thread only.
 */
final class GroupOffsets {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Consumer<?, ?> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private long lastCommitted = System.nanoTime();

    GroupOffsets(Consumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** Positions the database now holds. */
    void committed(Map<TopicPartition, Long> positions) {
        positions.forEach((partition, next) -> pending.put(partition, new OffsetAndMetadata(next)));
        long now = System.nanoTime();
        if (!pending.isEmpty() && now - lastCommitted > INTERVAL.toNanos()) {
            consumer.commitAsync(Map.copyOf(pending), (offsets, failure) -> { /* the next copy catches up */ });
            pending.clear();
            lastCommitted = now;
        }
    }

    /** Partitions given up: their offsets are the new owner's to copy. */
    void forget(Set<Integer> partitions) {
        pending.keySet().removeIf(partition -> partitions.contains(partition.partition()));
    }
}
