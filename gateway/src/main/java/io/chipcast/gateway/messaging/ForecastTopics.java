package io.chipcast.gateway.messaging;

import io.chipcast.contracts.Topics;
import io.chipcast.gateway.service.feed.ForecastFeed;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The {@value #CHANNEL} channel: this instance's reading of forecast.projections and
 * forecast.alerts, poll by poll, into its {@link ForecastFeed} (ADR 008).
 *
 * <p>Every gateway instance serves its own subscribers and must see every customer, so each reads
 * every partition: the channel's consumer group is the instance's own ({@code group.id} made
 * unique per start) and commits nothing. A partition it is given is read from where the feed left
 * it — or, new to the feed, from its current end: a stream opens at the present, and older events
 * are served from forecast-service's history.
 */
@ApplicationScoped
@Identifier(ForecastTopics.CHANNEL)
public class ForecastTopics implements KafkaConsumerRebalanceListener {

    static final String CHANNEL = "forecast-feed";
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final ForecastFeed feed;

    @Inject
    public ForecastTopics(ForecastFeed feed) {
        this.feed = feed;
    }

    /** On a worker thread, one poll after the other: decoding a fan-out's documents must not hold an event loop. */
    @Incoming(CHANNEL)
    @Blocking
    public void read(ConsumerRecords<String, byte[]> poll) {
        feed.accept(poll);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OptionalLong known = feed.position(partition);
            if (known.isPresent()) {
                consumer.seek(partition, known.getAsLong());
            } else {
                consumer.seekToEnd(List.of(partition));
            }
            from.put(partition, consumer.position(partition));
        }
        feed.assigned(from, consumer.partitionsFor(Topics.PROJECTIONS.name(), METADATA_TIMEOUT).size(),
                consumer.partitionsFor(Topics.ALERTS.name(), METADATA_TIMEOUT).size());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        feed.revoked(partitions);
    }
}
