package io.chipcast.contracts.kafka;

import io.chipcast.contracts.json.Json;
import org.apache.kafka.common.serialization.Serializer;

/** Writes any chipcast payload as its contract JSON. */
public class PayloadSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        return value == null ? null : Json.write(value);
    }
}
