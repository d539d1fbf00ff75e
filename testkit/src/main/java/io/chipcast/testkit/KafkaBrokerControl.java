package io.chipcast.testkit;

import io.chipcast.devstack.kafka.EmbeddedKafkaBroker;
import io.chipcast.devstack.kafka.KafkaRuntime;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** The shared embedded broker, restartable on the same port with the same data. */
final class KafkaBrokerControl implements KafkaBrokerControlMBean {

    private final AtomicReference<KafkaRuntime> broker;
    private final Path logDir;
    private final int port;
    private final int controllerPort;

    KafkaBrokerControl(KafkaRuntime broker, Path logDir, int port, int controllerPort) {
        this.broker = new AtomicReference<>(broker);
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    @Override
    public synchronized void stop() {
        broker.get().close();
    }

    @Override
    public synchronized void start() {
        broker.set(EmbeddedKafkaBroker.start(logDir, port, controllerPort));
    }
}
