package io.chipcast.contracts;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.Validated;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Kafka topic of chipcast: its name, key and value types, the CloudEvents {@code ce_type} of its
 * records and its retention. The only place a topic name is spelt; see {@link Topics}.
 *
 * @param keyOf     the key a value is published under (e.g. the customerId of a shipment event)
 * @param keyName   what the key is, in the payload's words ({@code customerId}, {@code sku}, ...)
 * @param publisher the service that publishes the topic (its {@code ce_source})
 */
public record Topic<K, V extends Validated>(
        String name,
        Class<K> keyType,
        Class<V> valueType,
        String eventType,
        Retention retention,
        Function<V, K> keyOf,
        String keyName,
        String publisher) {

    /** Suffix of the dead-letter topic that receives the records of a topic that cannot be parsed or validated. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(keyOf, "keyOf");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(publisher, "publisher");
    }

    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    public boolean compacted() {
        return retention == Retention.COMPACTED;
    }

    public K keyOf(V value) {
        return keyOf.apply(value);
    }

    /** The value of the record a publisher sends for a payload: its contract JSON. */
    public byte[] write(V value) {
        return Json.write(value);
    }

    /**
     * The payload a consumer reads from a record's value, validated by the same rules its publisher
     * applied; an {@link io.chipcast.contracts.validation.InvalidPayloadException} naming the field otherwise.
     */
    public V read(byte[] value) {
        return Json.read(value, valueType);
    }

    @Override
    public String toString() {
        return name;
    }
}
