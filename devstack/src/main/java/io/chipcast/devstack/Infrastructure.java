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
 * in this JVM and as a child process. Closing stops what was started, PostgreSQL last.
 */
public final class Infrastructure implements AutoCloseable {

    private final KafkaRuntime kafka;
    private final PostgresRuntime postgres;

    private Infrastructure(KafkaRuntime kafka, PostgresRuntime postgres) {
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
                : EmbeddedKafkaBroker.start(emptied(workDir.resolve("kafka")), ports.kafka(), ports.kafkaController()));
        try {
            PostgresRuntime postgres = explicitPostgres().orElseGet(() -> containers
                    ? ContainerPostgres.start()
                    : EmbeddedPostgresServer.start(workDir.resolve("postgres-binaries"),
                            workDir.resolve("postgres-data"), ports.postgres()));
            return new Infrastructure(kafka, postgres);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public KafkaRuntime kafka() {
        return kafka;
    }

    public boolean kafkaIsEmbedded() {
        return kafka instanceof EmbeddedKafkaBroker;
    }

    public PostgresEndpoint postgres() {
        return postgres.endpoint();
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
