package io.chipcast.forecast.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What a poll still has to apply once partitions moved or were restored (plain JUnit). */
class PartitionPositionsTest {

    private static final TopicPartition P0 = new TopicPartition("supply.shipments", 0);
    private static final TopicPartition P1 = new TopicPartition("supply.shipments", 1);

    @Test
    void aPollInFlightKeepsOnlyRecordsOfHeldPartitionsAtOrPastTheirNextOffset() {
        PartitionPositions positions = new PartitionPositions();
        positions.hold(P0, 5);

        List<Long> kept = positions.unapplied(poll(record(P0, 3), record(P0, 5), record(P1, 9), record(P0, 6)))
                .stream().map(ConsumerRecord::offset).toList();

        // 3 was applied before the partition was restored; partition 1 is another instance's.
        assertThat(kept).containsExactly(5L, 6L);
    }

    @Test
    void appliedRecordsAndCommittedPositionsMoveAPartitionOnButNeverBack() {
        PartitionPositions positions = new PartitionPositions();
        positions.hold(P0, 0);

        positions.applied(List.of(record(P0, 7)));
        positions.advance(Map.of(P0, 4L, P1, 100L));

        assertThat(positions.next(P0)).contains(8L);
        assertThat(positions.next(P1)).as("a partition not held is not taken by a position").isEmpty();
        assertThat(positions.isUnapplied(record(P0, 7))).isFalse();
        assertThat(positions.isUnapplied(record(P0, 8))).isTrue();
    }

    @Test
    void restoringHoldsThePartitionFromTheDatabasePositionAgainAndReleasingDropsIt() {
        PartitionPositions positions = new PartitionPositions();
        positions.hold(P0, 0);
        positions.applied(List.of(record(P0, 7)));

        positions.hold(P0, 3);
        assertThat(positions.isUnapplied(record(P0, 3))).as("applied in memory, never committed: applied again").isTrue();

        positions.release(List.of(P0));
        assertThat(positions.held()).isEmpty();
        assertThat(positions.isUnapplied(record(P0, 3))).isFalse();
    }

    @Test
    void theReferenceDataIsLoadedOncePartitionsReachTheirEnds() {
        PartitionPositions positions = new PartitionPositions();
        positions.hold(P0, 0);
        positions.hold(P1, 4);
        Map<TopicPartition, Long> ends = Map.of(P0, 2L, P1, 4L);

        assertThat(positions.reached(ends)).isFalse();
        positions.applied(List.of(record(P0, 0), record(P0, 1)));
        assertThat(positions.reached(ends)).isTrue();
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "key", new byte[0]);
    }

    @SafeVarargs
    private static ConsumerRecords<String, byte[]> poll(ConsumerRecord<String, byte[]>... records) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>()).add(record);
        }
        return new ConsumerRecords<>(byPartition, Map.of());
    }
}
