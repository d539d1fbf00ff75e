package io.chipcast.forecast.service;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Validated;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record of one of the topics forecast-service consumes, read and checked: CloudEvents headers,
 * a {@code ce_type} that belongs to the topic, a valid payload, and the key the payload belongs
 * under. What fails any of these is a dead letter, with the reason.
 */
public record IncomingRecord(ConsumerRecord<String, byte[]> record, Topic<String, ?> topic, CloudEvent event, Validated payload,
        String deadLetterReason) {

    public static IncomingRecord read(ConsumerRecord<String, byte[]> record) {
        Topic<String, ?> topic = Topics.byName(record.topic())
                .orElseThrow(() -> new IllegalArgumentException("not a chipcast topic: " + record.topic()));
        try {
            CloudEvent event = CloudEventHeaders.read(record.headers());
            if (!topic.eventType().equals(event.type())) {
                return dead(record, topic, "ce_type " + event.type() + " does not belong on " + topic.name());
            }
            Validated payload = topic.read(record.value());
            String expectedKey = keyOf(topic, payload);
            if (!Objects.equals(record.key(), expectedKey)) {
                return dead(record, topic, "key " + record.key() + " is not the payload's " + expectedKey);
            }
            return new IncomingRecord(record, topic, event, payload, null);
        } catch (InvalidPayloadException e) {
            return dead(record, topic, e.getMessage());
        }
    }

    public boolean isDeadLetter() {
        return deadLetterReason != null;
    }

    public Cause cause() {
        return new Cause(event.id(), event.type());
    }

    @SuppressWarnings("unchecked")
    private static <V extends Validated> String keyOf(Topic<String, V> topic, Validated payload) {
        return topic.keyOf((V) payload);
    }

    private static IncomingRecord dead(ConsumerRecord<String, byte[]> record, Topic<String, ?> topic, String reason) {
        return new IncomingRecord(record, topic, null, null, reason);
    }
}
