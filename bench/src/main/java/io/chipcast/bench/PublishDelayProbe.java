package io.chipcast.bench;

import io.chipcast.contracts.kafka.CloudEventHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a topic from its current end and records, for each record whose key starts with a
 * prefix, the delay from its {@code ce_time} (set when the write appended it, just before commit)
 * to the moment a consumer sees it: the outbox's commit-to-topic delay, as a consumer experiences it.
 */
final class PublishDelayProbe implements AutoCloseable {

    private final Recorder delays = new Recorder(3);
    private final AtomicLong seen = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    PublishDelayProbe(String bootstrapServers, String topic, String keyPrefix) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.key() != null && record.key().startsWith(keyPrefix)) {
                            Instant committed = Instant.parse(CloudEventHeaders.text(record.headers(), CloudEventHeaders.TIME));
                            delays.recordValue(Math.max(0, Duration.between(committed, Instant.now()).toNanos() / 1000));
                            seen.incrementAndGet();
                        }
                    }
                }
            }
        }, "publish-delay-probe");
        thread.start();
    }

    long seen() {
        return seen.get();
    }

    /** The delays recorded since the last call, in microseconds. */
    Histogram takeDelays() {
        return delays.getIntervalHistogram();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
