package io.chipcast.testkit;

import io.chipcast.devstack.Infrastructure;

/** The shared embedded broker, restartable on the same port with the same data. */
final class KafkaBrokerControl implements KafkaBrokerControlMBean {

    private final Infrastructure infrastructure;

    KafkaBrokerControl(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Override
    public void stop() {
        infrastructure.stopKafka();
    }

    @Override
    public void start() {
        infrastructure.startKafka();
    }
}
