package io.chipcast.testkit;

import io.chipcast.devstack.Infrastructure;
import io.chipcast.devstack.kafka.TopicProvisioner;
import io.chipcast.devstack.postgres.PostgresEndpoint;
import io.chipcast.devstack.security.TokenIssuer;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * One real Kafka broker and PostgreSQL server for a whole test JVM, started on first use and
 * stopped when the JVM exits (after Quarkus has stopped its apps, so no consumer waits on a
 * vanished broker).
 *
 * <p>What was started is recorded in system properties (and the broker's controls in an MBean),
 * not in static fields: Quarkus may load this class once per application class loader, and a
 * second copy must find the servers the first one started instead of starting more.
 */
public final class SharedInfrastructure {

    private static final String KAFKA = "chipcast.test.kafka";
    private static final String PG_HOST = "chipcast.test.postgres.host";
    private static final String PG_PORT = "chipcast.test.postgres.port";
    private static final String PG_USER = "chipcast.test.postgres.user";
    private static final String PG_PASSWORD = "chipcast.test.postgres.password";
    private static final ObjectName BROKER_CONTROL = brokerControlName();

    private SharedInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA);
    }

    /** The issuer whose tokens the services under test trust; its keys live in the module's target folder. */
    public static TokenIssuer tokens() {
        return TokenIssuer.fromDirectory(Path.of("target", "chipcast-infrastructure", "keys").toAbsolutePath(),
                TokenIssuer.LOCAL_ISSUER);
    }

    public static synchronized PostgresEndpoint postgres() {
        ensureStarted();
        return new PostgresEndpoint(System.getProperty(PG_HOST), Integer.parseInt(System.getProperty(PG_PORT)),
                System.getProperty(PG_USER), System.getProperty(PG_PASSWORD));
    }

    /** Whether the broker can be stopped and started again by a test (only an embedded one can). */
    public static boolean kafkaIsRestartable() {
        ensureStarted();
        return ManagementFactory.getPlatformMBeanServer().isRegistered(BROKER_CONTROL);
    }

    /** Stops the broker, keeping its data: the services under test lose Kafka until {@link #startKafka()}. */
    public static void stopKafka() {
        invoke("stop");
    }

    /** Starts the stopped broker again, on the same port with the same topics and records. */
    public static void startKafka() {
        invoke("start");
    }

    private static void register(KafkaBrokerControl control) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(control, BROKER_CONTROL);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register the broker control", e);
        }
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(BROKER_CONTROL, operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("cannot " + operation + " the embedded broker", e);
        }
    }

    private static ObjectName brokerControlName() {
        try {
            return new ObjectName("io.chipcast.test:type=KafkaBroker");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureStarted() {
        // Class-loader copies of this class share the JVM's properties, so they lock on something they share too.
        synchronized (System.class) {
            if (System.getProperty(KAFKA) != null) {
                return;
            }
            Path workDir = Path.of("target", "chipcast-infrastructure").toAbsolutePath();
            Infrastructure.EmbeddedPorts ports = Infrastructure.EmbeddedPorts.random();
            Infrastructure infrastructure = Infrastructure.start(workDir, ports);
            if (infrastructure.kafkaIsEmbedded()) {
                register(new KafkaBrokerControl(infrastructure));
            }
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
