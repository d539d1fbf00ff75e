package io.chipcast.devstack.kafka;

/** A cluster configured explicitly; chipcast neither starts nor stops it. */
public record ExternalKafka(String bootstrapServers) implements KafkaRuntime {

    @Override
    public String description() {
        return "configured Kafka at " + bootstrapServers;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
