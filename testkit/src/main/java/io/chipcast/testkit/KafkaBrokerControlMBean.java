package io.chipcast.testkit;

/** Stops and starts the shared embedded broker; an MBean so that every class loader of the test JVM reaches the same one. */
public interface KafkaBrokerControlMBean {

    void stop();

    void start();
}
