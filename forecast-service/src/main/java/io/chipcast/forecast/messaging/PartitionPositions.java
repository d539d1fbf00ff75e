package io.chipcast.forecast.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * The next offset to apply of each partition a channel's reader holds. A channel hands over polls
 * that were on their way when a partition changed hands or was restored: a record of a partition
 * not held belongs to another instance now, and one below the next offset was applied already.
 * Kafka's offsets only grow within a partition, so "below" is all it takes to tell.
 *
 * <p>Not thread-safe: the pipeline's lock guards it.
 */
final class PartitionPositions {

    private final Map<TopicPartition, Long> next = new HashMap<>();

    /** Holds a partition from {@code nextOffset} on (0: from its beginning). */
    void hold(TopicPartition partition, long nextOffset) {
        next.put(partition, nextOffset);
    }

    void release(Collection<TopicPartition> partitions) {
        partitions.forEach(next::remove);
    }

    Set<TopicPartition> held() {
        return Set.copyOf(next.keySet());
    }

    Optional<Long> next(TopicPartition partition) {
        return Optional.ofNullable(next.get(partition));
    }

    /** The records of a poll still to apply: of held partitions, at or past their next offset, in order. */
    List<ConsumerRecord<String, byte[]>> unapplied(ConsumerRecords<String, byte[]> poll) {
        return StreamSupport.stream(poll.spliterator(), false).filter(this::isUnapplied).toList();
    }

    boolean isUnapplied(ConsumerRecord<?, ?> record) {
        Long from = next.get(new TopicPartition(record.topic(), record.partition()));
        return from != null && record.offset() >= from;
    }

    /** Records applied: their partitions go on after them. */
    void applied(List<? extends ConsumerRecord<?, ?>> records) {
        records.forEach(record -> next.computeIfPresent(new TopicPartition(record.topic(), record.partition()),
                (partition, from) -> Math.max(from, record.offset() + 1)));
    }

    /** Positions committed elsewhere (the database): held partitions go on from there. */
    void advance(Map<TopicPartition, Long> positions) {
        positions.forEach((partition, position) -> next.computeIfPresent(partition, (p, from) -> Math.max(from, position)));
    }

    /** Points a channel's consumer at {@code next} in a partition it was just given (null: the partition's beginning). */
    static void seek(Consumer<?, ?> consumer, TopicPartition partition, Long next) {
        if (next == null) {
            consumer.seekToBeginning(List.of(partition));
        } else {
            consumer.seek(partition, next);
        }
    }

    /** Whether every partition in {@code ends} has been applied up to that offset. */
    boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> next.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }
}
