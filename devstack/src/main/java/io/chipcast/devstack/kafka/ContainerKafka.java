package io.chipcast.devstack.kafka;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;

/** Apache Kafka in a container (KRaft), at the release of the clients on the classpath. */
public final class ContainerKafka implements KafkaRuntime {

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer("apache/kafka:" + AppInfoParser.getVersion());
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "Kafka container " + container.getDockerImageName();
    }

    @Override
    public void close() {
        container.stop();
    }
}
