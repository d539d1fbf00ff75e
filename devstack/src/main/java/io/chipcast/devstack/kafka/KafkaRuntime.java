package io.chipcast.devstack.kafka;

/** A Kafka cluster chipcast can use: given, in a container, or embedded. Closing stops it if chipcast started it. */
public interface KafkaRuntime extends AutoCloseable {

    String bootstrapServers();

    /** How this cluster came to be, for people reading logs ("embedded KRaft broker 4.1.2", ...). */
    String description();

    @Override
    void close();
}
