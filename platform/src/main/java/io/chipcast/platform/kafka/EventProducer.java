package io.chipcast.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka producer of committed events (the outbox relay's, forecast-service's projections):
 * idempotent, {@code acks=all}, with the connection and security settings every channel uses
 * ({@code kafka.*}). A plain producer rather than a SmallRye emitter (ADR 005): the publisher must
 * know, per batch, that every record was acknowledged before it marks them published, and a broker
 * outage must not mark a channel as failed.
 */
@ApplicationScoped
public class EventProducer {

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics metrics;

    @Inject
    public EventProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "chipcast.outbox.delivery-timeout", defaultValue = "15s") Duration deliveryTimeout,
            MeterRegistry meters) {
        Map<String, Object> config = KafkaClientConfig.forClient(kafkaConfig, ProducerConfig.configNames(),
                application + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A fan-out sends a hundred thousand documents of a few kilobytes at once: large batches,
        // compressed (JSON shrinks several times), are fewer requests and bytes for the broker and
        // every consumer; a single event still leaves after linger.ms. Overridable by kafka.*.
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // The sending thread compresses: the fastest level.
        config.putIfAbsent(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 1);
        // With the broker gone, give up on a batch within seconds and let the relay retry it later.
        int timeout = (int) deliveryTimeout.toMillis();
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 5_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) Math.min(timeout, 5_000));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.metrics = ClientMetrics.bind(producer, meters);
    }

    /**
     * Sends the records in order and completes once the broker has acknowledged all of them, or
     * fails with the first failure. Blocking only while the producer waits for metadata: call it
     * off the event loop.
     */
    public Uni<Void> sendAll(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> {
            AtomicInteger outstanding = new AtomicInteger(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                try {
                    producer.send(record, (metadata, failure) -> {
                        if (failure != null) {
                            emitter.fail(failure);
                        } else if (outstanding.decrementAndGet() == 0) {
                            emitter.complete(null);
                        }
                    });
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    return;
                }
            }
        });
    }

    @PreDestroy
    void close() {
        metrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
