package io.chipcast.forecast.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Copies the committed positions to the consumer group's offsets in Kafka — for lag monitoring and
 * autoscaling (KEDA, kafka-consumer-groups), never to resume from: the database is where the
 * pipeline resumes (ADR 007), and the channel's own commit strategy is {@code ignore}. Called after
 * each database commit with the positions it holds, so the group never shows a position ahead of
 * the database. Best effort, asynchronous (on the channel's polling thread), at most once a
 * second: lag tooling needs no more, and the broker should not get a commit per batch.
 *
 * <p>Not thread-safe: the pipeline's lock guards it.
 */
@ApplicationScoped
public class GroupOffsets {

    private static final Logger LOG = Logger.getLogger(GroupOffsets.class);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final KafkaClientService clients;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private long lastCommitted = System.nanoTime();

    @Inject
    public GroupOffsets(KafkaClientService clients) {
        this.clients = clients;
    }

    /** Positions the database now holds. */
    void committed(Map<TopicPartition, Long> positions) {
        positions.forEach((partition, next) -> pending.put(partition, new OffsetAndMetadata(next)));
        long now = System.nanoTime();
        if (!pending.isEmpty() && now - lastCommitted > INTERVAL.toNanos()) {
            clients.getConsumer(ForecastPipeline.CUSTOMER_CHANNEL).commitAsync(Map.copyOf(pending)).subscribe().with(
                    done -> { }, failed -> LOG.debugf("consumer group offsets not copied (%s); the next copy catches up", failed));
            pending.clear();
            lastCommitted = now;
        }
    }

    /** Partitions given up: their offsets are the new owner's to copy. */
    void forget(Set<Integer> partitions) {
        pending.keySet().removeIf(partition -> partitions.contains(partition.partition()));
    }
}
