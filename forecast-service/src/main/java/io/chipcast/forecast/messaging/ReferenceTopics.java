package io.chipcast.forecast.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of the reference topics (catalog, prices, rulings), on the
 * {@value ForecastPipeline#REFERENCE_CHANNEL} channel's polling thread. Every instance needs all
 * of them from the beginning: the channel's consumer group is the instance's own and commits
 * nothing, and a partition is read from its beginning — or, given again (the group rebalanced
 * after a broker restart), from where this instance had read it. The ends at the first assignment
 * tell the pipeline how far the reference data must be read before customers are restored.
 */
@ApplicationScoped
@Identifier(ForecastPipeline.REFERENCE_CHANNEL)
public class ReferenceTopics implements KafkaConsumerRebalanceListener {

    private final ForecastPipeline pipeline;

    @Inject
    public ReferenceTopics(ForecastPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> known = pipeline.referencePositions(partitions);
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionPositions.seek(consumer, partition, known.get(partition));
            from.put(partition, consumer.position(partition));
        }
        pipeline.referenceAssigned(from, consumer.endOffsets(partitions));
    }
}
