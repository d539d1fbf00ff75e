package io.chipcast.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.chipcast.platform.kafka.KafkaClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka producer of the outbox relay: idempotent, {@code acks=all}, with the connection and
 * security settings every channel uses ({@code kafka.*}). A plain producer rather than a SmallRye
 * emitter (ADR 005): the relay must know, per batch, that every record was acknowledged before it
 * deletes the rows, and a broker outage must not mark a channel as failed.
 */
@ApplicationScoped
public class OutboxProducer {

    private final KafkaProducer<String, byte[]> producer;

    @Inject
    public OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "chipcast.outbox.delivery-timeout", defaultValue = "15s") Duration deliveryTimeout) {
        Map<String, Object> config = KafkaClientConfig.forClient(kafkaConfig, ProducerConfig.configNames(),
                application + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // With the broker gone, give up on a batch within seconds and let the relay retry it later.
        int timeout = (int) deliveryTimeout.toMillis();
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 5_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) Math.min(timeout, 5_000));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
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
        producer.close(Duration.ofSeconds(5));
    }
}
