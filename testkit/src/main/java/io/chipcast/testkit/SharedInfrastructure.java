package io.chipcast.testkit;

import io.chipcast.devstack.Infrastructure;
import io.chipcast.devstack.kafka.TopicProvisioner;
import io.chipcast.devstack.postgres.PostgresEndpoint;
import java.nio.file.Path;

/**
 * One real Kafka broker and PostgreSQL server for a whole test JVM, started on first use and
 * stopped when the JVM exits (after Quarkus has stopped its apps, so no consumer waits on a
 * vanished broker).
 *
 * <p>What was started is recorded in system properties, not only in a static field: Quarkus may
 * load this class once per application class loader, and a second copy must find the servers
 * the first one started instead of starting more.
 */
public final class SharedInfrastructure {

    private static final String KAFKA = "chipcast.test.kafka";
    private static final String PG_HOST = "chipcast.test.postgres.host";
    private static final String PG_PORT = "chipcast.test.postgres.port";
    private static final String PG_USER = "chipcast.test.postgres.user";
    private static final String PG_PASSWORD = "chipcast.test.postgres.password";

    private SharedInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA);
    }

    public static synchronized PostgresEndpoint postgres() {
        ensureStarted();
        return new PostgresEndpoint(System.getProperty(PG_HOST), Integer.parseInt(System.getProperty(PG_PORT)),
                System.getProperty(PG_USER), System.getProperty(PG_PASSWORD));
    }

    private static void ensureStarted() {
        // Class-loader copies of this class share the JVM's properties, so they lock on something they share too.
        synchronized (System.class) {
            if (System.getProperty(KAFKA) != null) {
                return;
            }
            Infrastructure infrastructure = Infrastructure.start(
                    Path.of("target", "chipcast-infrastructure").toAbsolutePath(),
                    Infrastructure.EmbeddedPorts.random());
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "chipcast-test-infrastructure-stop"));
            TopicProvisioner.provision(infrastructure.kafkaBootstrapServers(), TopicProvisioner.DEFAULT_PARTITIONS);
            PostgresEndpoint postgres = infrastructure.postgres();
            System.setProperty(PG_HOST, postgres.host());
            System.setProperty(PG_PORT, String.valueOf(postgres.port()));
            System.setProperty(PG_USER, postgres.user());
            System.setProperty(PG_PASSWORD, postgres.password());
            System.setProperty(KAFKA, infrastructure.kafkaBootstrapServers());
        }
    }
}
