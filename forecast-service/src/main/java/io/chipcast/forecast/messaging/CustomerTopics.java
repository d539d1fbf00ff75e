package io.chipcast.forecast.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of the customer topics (plans, shipments: co-partitioned by customer, so range
 * assignment gives partition p of both to one instance) as the consumer group moves them, on the
 * {@value ForecastPipeline#CUSTOMER_CHANNEL} channel's polling thread: a partition given to this
 * instance resumes where the database says its customers were committed, once the pipeline has
 * restored them; one taken away is given up after what was published about it is acknowledged.
 */
@ApplicationScoped
@Identifier(ForecastPipeline.CUSTOMER_CHANNEL)
public class CustomerTopics implements KafkaConsumerRebalanceListener {

    private final ForecastPipeline pipeline;

    @Inject
    public CustomerTopics(ForecastPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions;
        try {
            positions = pipeline.take(partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        partitions.forEach(partition -> PartitionPositions.seek(consumer, partition, positions.get(partition)));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        pipeline.giveUp(partitions);
    }
}
