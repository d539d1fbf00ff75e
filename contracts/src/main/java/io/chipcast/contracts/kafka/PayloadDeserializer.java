package io.chipcast.contracts.kafka;

import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.validation.Validated;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the value of a record of any chipcast topic into its payload type, looked up by topic
 * name in {@link Topics}, and validates it. A bad record fails with an
 * {@link io.chipcast.contracts.validation.InvalidPayloadException} naming the field, which
 * consumers route to the topic's dead-letter topic.
 */
public class PayloadDeserializer implements Deserializer<Validated> {

    @Override
    public Validated deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Topic<String, ?> registered = Topics.byName(topic)
                .orElseThrow(() -> new IllegalArgumentException("not a chipcast topic: " + topic));
        return registered.read(data);
    }
}
