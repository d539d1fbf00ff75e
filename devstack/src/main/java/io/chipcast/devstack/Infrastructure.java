package io.chipcast.devstack;

import io.chipcast.devstack.kafka.ContainerKafka;
import io.chipcast.devstack.kafka.EmbeddedKafkaBroker;
import io.chipcast.devstack.kafka.ExternalKafka;
import io.chipcast.devstack.kafka.KafkaRuntime;
import io.chipcast.devstack.postgres.ContainerPostgres;
import io.chipcast.devstack.postgres.EmbeddedPostgresServer;
import io.chipcast.devstack.postgres.ExternalPostgres;
import io.chipcast.devstack.postgres.PostgresEndpoint;
import io.chipcast.devstack.postgres.PostgresRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Kafka cluster and PostgreSQL server chipcast runs on, found in this order: explicit
 * configuration ({@link Settings}); else containers, when a Docker engine answers; else embedded
 * in this JVM and as a child process. Closing stops what was started, PostgreSQL last. Embedded
 * servers can be stopped and started again on their data and ports, for tests of an outage.
 */
public final class Infrastructure implements AutoCloseable {

    private final Path workDir;
    private final EmbeddedPorts ports;
    private volatile KafkaRuntime kafka;
    private volatile PostgresRuntime postgres;

    private Infrastructure(Path workDir, EmbeddedPorts ports, KafkaRuntime kafka, PostgresRuntime postgres) {
        this.workDir = workDir;
        this.ports = ports;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts fresh: embedded servers begin with empty data, whatever an earlier run left in {@code workDir}.
     *
     * @param workDir  where embedded servers keep their binaries and data
     * @param ports    the ports embedded servers listen on
     */
    public static Infrastructure start(Path workDir, EmbeddedPorts ports) {
        Mode mode = Mode.fromSettings();
        boolean containers = mode == Mode.CONTAINERS || (mode == Mode.AUTO && needsServers() && DockerEngine.answers());
        KafkaRuntime kafka = explicitKafka().orElseGet(() -> containers
                ? ContainerKafka.start()
                : EmbeddedKafkaBroker.start(emptied(kafkaDir(workDir)), ports.kafka(), ports.kafkaController()));
        try {
            PostgresRuntime postgres = explicitPostgres().orElseGet(() -> containers
                    ? ContainerPostgres.start()
                    : EmbeddedPostgresServer.start(postgresBinaries(workDir), emptied(postgresDir(workDir)), ports.postgres()));
            return new Infrastructure(workDir, ports, kafka, postgres);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public boolean kafkaIsEmbedded() {
        return kafka instanceof EmbeddedKafkaBroker;
    }

    public PostgresEndpoint postgres() {
        return postgres.endpoint();
    }

    public boolean postgresIsEmbedded() {
        return postgres instanceof EmbeddedPostgresServer;
    }

    /** Stops the embedded broker, as an outage would; its log directory stays for {@link #startKafka()}. */
    public synchronized void stopKafka() {
        requireEmbedded(kafkaIsEmbedded(), "Kafka");
        kafka.close();
    }

    /** Starts the embedded broker again, on the same port with the same topics and records. */
    public synchronized void startKafka() {
        requireEmbedded(kafkaIsEmbedded(), "Kafka");
        kafka = EmbeddedKafkaBroker.start(kafkaDir(workDir), ports.kafka(), ports.kafkaController());
    }

    /** Stops the embedded PostgreSQL server (fast shutdown: sessions are cut); its data stays for {@link #startPostgres()}. */
    public synchronized void stopPostgres() {
        requireEmbedded(postgresIsEmbedded(), "PostgreSQL");
        postgres.close();
    }

    /** Starts the embedded PostgreSQL server again, on the same port with the same databases. */
    public synchronized void startPostgres() {
        requireEmbedded(postgresIsEmbedded(), "PostgreSQL");
        postgres = EmbeddedPostgresServer.start(postgresBinaries(workDir), postgresDir(workDir), ports.postgres());
    }

    public String description() {
        return kafka.description() + "; " + postgres.description();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    private static void requireEmbedded(boolean embedded, String server) {
        if (!embedded) {
            throw new UnsupportedOperationException(server + " is not embedded: chipcast did not start it and cannot restart it");
        }
    }

    private static Path kafkaDir(Path workDir) {
        return workDir.resolve("kafka");
    }

    private static Path postgresBinaries(Path workDir) {
        return workDir.resolve("postgres-binaries");
    }

    private static Path postgresDir(Path workDir) {
        return workDir.resolve("postgres-data");
    }

    private static Path emptied(Path directory) {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty " + directory, e);
            }
        }
        return directory;
    }

    private static boolean needsServers() {
        return explicitKafka().isEmpty() || explicitPostgres().isEmpty();
    }

    private static Optional<KafkaRuntime> explicitKafka() {
        return Settings.get(Settings.KAFKA_BOOTSTRAP_SERVERS).map(ExternalKafka::new);
    }

    private static Optional<PostgresRuntime> explicitPostgres() {
        return Settings.get(Settings.POSTGRES_HOST).map(host -> new ExternalPostgres(new PostgresEndpoint(host,
                Settings.get(Settings.POSTGRES_PORT).map(Integer::parseInt).orElse(5432),
                Settings.get(Settings.POSTGRES_USER).orElse("postgres"),
                Settings.get(Settings.POSTGRES_PASSWORD).orElse(""))));
    }

    /** Ports for the servers chipcast embeds. */
    public record EmbeddedPorts(int kafka, int kafkaController, int postgres) {

        /** Free ports picked by the OS: for tests, which must not collide with a running local stack. */
        public static EmbeddedPorts random() {
            return new EmbeddedPorts(FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
        }
    }

    private enum Mode {
        AUTO, CONTAINERS, EMBEDDED;

        static Mode fromSettings() {
            String value = Settings.get(Settings.INFRASTRUCTURE).orElse("auto");
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Settings.INFRASTRUCTURE + " must be auto, containers or embedded, not " + value);
            }
        }
    }
}
