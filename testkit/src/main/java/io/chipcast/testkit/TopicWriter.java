package io.chipcast.testkit;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.validation.Validated;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to the shared test broker as the services do (contract JSON, CloudEvents headers), or publishes garbage. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Publishes a payload under its key with fresh CloudEvents attributes; returns them once the broker has the record. */
    @SuppressWarnings("unchecked")
    public static <V extends Validated> CloudEvent publish(Topic<String, ?> topic, Validated payload, String source) {
        CloudEvent event = CloudEvent.of(topic, source);
        String key = ((Topic<String, V>) topic).keyOf((V) payload);
        send(topic.name(), key, Json.write(payload), event);
        return event;
    }

    /** Publishes payloads in order through one producer; returns once the broker has them all. */
    @SuppressWarnings("unchecked")
    public static <V extends Validated> void publishAll(Topic<String, ?> topic, List<? extends Validated> payloads, String source) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Validated payload : payloads) {
                RecordHeaders headers = new RecordHeaders();
                CloudEventHeaders.write(CloudEvent.of(topic, source), headers);
                producer.send(new ProducerRecord<>(topic.name(), null, ((Topic<String, V>) topic).keyOf((V) payload),
                        Json.write(payload), headers));
            }
            producer.flush();
        }
    }

    /** Publishes any bytes with any headers: for poison records. */
    public static void sendRaw(String topic, String key, String value, CloudEvent event) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8), event);
    }

    private static void send(String topic, String key, byte[] value, CloudEvent event) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            RecordHeaders headers = new RecordHeaders();
            if (event != null) {
                CloudEventHeaders.write(event, headers);
            }
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot publish to " + topic, e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
