package io.chipcast.forecast.pipeline;

import io.chipcast.contracts.Topic;
import io.chipcast.contracts.kafka.DeadLetterHeaders;
import io.chipcast.platform.kafka.ClientMetrics;
import io.chipcast.platform.kafka.KafkaClientConfig;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.smallrye.common.annotation.Identifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends records that cannot be applied to {@code <topic>.dlq}: key, value and headers as they
 * were, plus {@code dlq-reason} and where the record came from. Returns once the broker has them,
 * so that the consumer moves past a record only when it is safe in its dead-letter topic.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaClientMetrics producerMetrics;
    private final MeterRegistry meters;

    @Inject
    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters) {
        Map<String, Object> config = KafkaClientConfig.forClient(kafkaConfig, ProducerConfig.configNames(), "forecast-service-dlq");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.producerMetrics = ClientMetrics.bind(producer, meters);
        this.meters = meters;
    }

    void send(List<IncomingRecord> deadLetters) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (IncomingRecord dead : deadLetters) {
            ConsumerRecord<String, byte[]> record = dead.record();
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add(DeadLetterHeaders.REASON, dead.deadLetterReason().getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
            Topic<String, ?> topic = dead.topic();
            sent.add(producer.send(new ProducerRecord<>(topic.deadLetterTopic(), null, record.key(), record.value(), headers)));
            LOG.warnf("record %s-%d@%d goes to %s: %s", record.topic(), record.partition(), record.offset(),
                    topic.deadLetterTopic(), dead.deadLetterReason());
            meters.counter("chipcast.forecast.dead.letters", "topic", record.topic()).increment();
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending dead letters", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot send dead letters", e);
            }
        }
    }

    @PreDestroy
    void close() {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
