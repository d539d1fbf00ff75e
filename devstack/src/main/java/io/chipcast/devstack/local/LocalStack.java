package io.chipcast.devstack.local;

import io.chipcast.devstack.ChipcastService;
import io.chipcast.devstack.FreePorts;
import io.chipcast.devstack.Infrastructure;
import io.chipcast.devstack.Settings;
import io.chipcast.devstack.kafka.TopicProvisioner;
import io.chipcast.devstack.postgres.DatabaseProvisioner;
import io.chipcast.devstack.postgres.PostgresEndpoint;
import io.chipcast.devstack.security.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole system on one machine: Kafka and PostgreSQL (explicit, containers or embedded), then
 * the four services as child JVMs on their default ports. Stopping goes in reverse: services
 * first, so that none of them spends its shutdown reconnecting to a vanished broker.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration ADMIN_TOKEN_VALIDITY = Duration.ofHours(12);

    private final Workspace workspace;
    private final StackPorts ports;
    private final Infrastructure infrastructure;
    private final List<ServiceProcess> services;

    private LocalStack(Workspace workspace, StackPorts ports, Infrastructure infrastructure, List<ServiceProcess> services) {
        this.workspace = workspace;
        this.ports = ports;
        this.infrastructure = infrastructure;
        this.services = new CopyOnWriteArrayList<>(services);
    }

    /** Starts everything; returns before the services are ready (see {@link #awaitReady}). */
    public static LocalStack start(Workspace workspace, StackPorts ports, Progress progress) {
        requireFreePorts(ports);
        prepare(workspace);
        progress.step("starting Kafka and PostgreSQL");
        Infrastructure infrastructure = Infrastructure.start(workspace.data(), ports.infrastructure());
        List<ServiceProcess> services = new ArrayList<>();
        try {
            progress.step(infrastructure.description());
            List<String> created = TopicProvisioner.provision(infrastructure.kafkaBootstrapServers(),
                    TopicProvisioner.DEFAULT_PARTITIONS);
            progress.step("topics ready (" + created.size() + " created)");
            PostgresEndpoint postgres = infrastructure.postgres();
            // The services verify tokens against this issuer's public key: make sure it exists before they start.
            tokenIssuer(workspace);
            for (ChipcastService service : ChipcastService.values()) {
                DatabaseProvisioner.ensureDatabase(postgres, service.database());
                services.add(ServiceProcess.start(service, workspace.serviceApp(service.moduleName()), ports.of(service),
                        workspace.logs().resolve(service.moduleName() + ".log"),
                        environmentFor(service, 1, infrastructure, workspace, ports), jvmOptions(service)));
            }
            progress.step("started " + services.size() + " services, waiting until they are ready");
            return new LocalStack(workspace, ports, infrastructure, services);
        } catch (RuntimeException e) {
            new LocalStack(workspace, ports, infrastructure, services).close();
            throw e;
        }
    }

    /**
     * Waits until every service reports ready. Fails fast, with the end of its log, when a service
     * exits while starting.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        awaitReady(services, timeout, message -> { });
    }

    /** {@link #awaitReady(Duration)}, telling {@code progress} as each service becomes ready. */
    public void awaitReady(Duration timeout, Progress progress) throws InterruptedException {
        awaitReady(services, timeout, progress);
    }

    private static void awaitReady(List<ServiceProcess> starting, Duration timeout, Progress progress) throws InterruptedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new StackFailure(service.service().moduleName() + " exited with code " + service.exitCode()
                            + " while starting; the end of " + service.log() + ":\n  "
                            + String.join("\n  ", service.logTail(25)));
                }
                if (ReadinessProbe.isReady(service.url())) {
                    waiting.remove(service);
                    progress.step(String.format("%s is ready (%.1f s)", service.service().moduleName(),
                            Duration.between(started, Instant.now()).toMillis() / 1000.0));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackFailure("not ready after " + timeout.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.service().moduleName() + " (log: " + s.log() + ")").toList());
            }
            if (!waiting.isEmpty()) {
                Thread.sleep(250);
            }
        }
    }

    /**
     * Starts one more instance of a service, configured like the first, on {@code port} — what
     * scaling out does — and returns once it is ready. It stops with the stack.
     */
    public ServiceProcess startAnother(ChipcastService service, int port, Duration timeout) throws InterruptedException {
        return startAnother(service, port, timeout, Map.of());
    }

    /** {@link #startAnother(ChipcastService, int, Duration)}, with configuration of its own on top (environment variables). */
    public ServiceProcess startAnother(ChipcastService service, int port, Duration timeout, Map<String, String> configuration)
            throws InterruptedException {
        long instance = services.stream().filter(s -> s.service() == service).count() + 1;
        Map<String, String> environment = new HashMap<>(environmentFor(service, instance, infrastructure, workspace, ports));
        environment.putAll(configuration);
        ServiceProcess another = ServiceProcess.start(service, workspace.serviceApp(service.moduleName()), port,
                workspace.logs().resolve(service.moduleName() + "-" + instance + ".log"), environment, jvmOptions(service));
        services.add(another);
        awaitReady(List.of(another), timeout, message -> { });
        return another;
    }

    /**
     * Starts a service whose process ended (killed, or stopped) again, as it was started — same port,
     * configuration and instance id — as a container restart would; returns without waiting.
     */
    public ServiceProcess restart(ServiceProcess ended) {
        ServiceProcess restarted = ended.restart();
        services.set(services.indexOf(ended), restarted);
        return restarted;
    }

    /** The broker and database the stack runs on: tests stop and start embedded ones. */
    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The first service that died since it became ready, if any. */
    public Optional<ServiceProcess> deadService() {
        return services.stream().filter(service -> !service.isAlive()).findFirst();
    }

    public StackState state() {
        PostgresEndpoint postgres = infrastructure.postgres();
        return new StackState(ProcessHandle.current().pid(), Instant.now(), infrastructure.description(),
                infrastructure.kafkaBootstrapServers(), postgres.toString(), workspace.logs().toString(),
                tokenIssuer(workspace).mint("admin", List.of(), ADMIN_TOKEN_VALIDITY),
                services.stream().map(service -> new StackState.ServiceState(service.service().moduleName(),
                        service.pid(), service.url(), service.log().toString())).toList());
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    @Override
    public void close() {
        // In parallel: each service commits its offsets and closes its connections on its own.
        services.parallelStream().forEach(service -> service.stop(SERVICE_STOP_GRACE));
        try {
            infrastructure.close();
        } finally {
            try {
                Files.deleteIfExists(workspace.stateFile());
            } catch (IOException e) {
                // The state names processes that are gone now; status and down recognise that.
            }
        }
    }

    /** Reports what the stack is doing while it starts. */
    @FunctionalInterface
    public interface Progress {
        void step(String message);
    }

    /** The stack could not start; the message says why and where to look. */
    public static final class StackFailure extends RuntimeException {
        public StackFailure(String message) {
            super(message);
        }
    }

    private static void requireFreePorts(StackPorts ports) {
        List<String> taken = new ArrayList<>();
        for (ChipcastService service : ChipcastService.values()) {
            if (!FreePorts.isFree(ports.of(service))) {
                taken.add(ports.of(service) + " (" + service.moduleName() + ")");
            }
        }
        Infrastructure.EmbeddedPorts embedded = ports.infrastructure();
        if (Settings.get(Settings.KAFKA_BOOTSTRAP_SERVERS).isEmpty()) {
            List.of(embedded.kafka(), embedded.kafkaController()).stream().filter(port -> !FreePorts.isFree(port))
                    .forEach(port -> taken.add(port + " (Kafka)"));
        }
        if (Settings.get(Settings.POSTGRES_HOST).isEmpty() && !FreePorts.isFree(embedded.postgres())) {
            taken.add(embedded.postgres() + " (PostgreSQL)");
        }
        if (!taken.isEmpty()) {
            throw new StackFailure("ports already in use: " + String.join(", ", taken)
                    + ". Is chipcast already running elsewhere? Stop what holds them and try again.");
        }
    }

    private static void prepare(Workspace workspace) {
        try {
            Files.createDirectories(workspace.logs());
            Files.createDirectories(workspace.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + workspace.home(), e);
        }
    }

    /** The issuer of the local stack's tokens: its keys are made on first use and kept in the workspace. */
    public static TokenIssuer tokenIssuer(Workspace workspace) {
        return TokenIssuer.fromDirectory(workspace.keys(), TokenIssuer.LOCAL_ISSUER);
    }

    private static Map<String, String> environmentFor(ChipcastService service, long instance, Infrastructure infrastructure,
            Workspace workspace, StackPorts ports) {
        PostgresEndpoint postgres = infrastructure.postgres();
        return Map.of(
                // Static membership of forecast-service's consumer group (ADR 010): one stable id per instance,
                // kept when it restarts. The other services ignore it.
                "CHIPCAST_FORECAST_INSTANCE_ID", service.moduleName() + "-" + instance,
                // The gateway answers projection queries through forecast-service (ADR 008).
                "QUARKUS_REST_CLIENT_FORECAST_URL", "http://localhost:" + ports.of(ChipcastService.FORECAST),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", workspace.keys().resolve("public.pem").toString(),
                "MP_JWT_VERIFY_ISSUER", TokenIssuer.LOCAL_ISSUER,
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database()),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()),
                "QUARKUS_DATASOURCE_USERNAME", postgres.user(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    }

    /** {@code chipcast.<service>.java-opts}, else {@code chipcast.service-java-opts}, else small heaps and the serial collector. */
    private static List<String> jvmOptions(ChipcastService service) {
        // Small heaps and the serial collector by default: four services and a broker share a laptop.
        // A heap that starts small: left to the JVM it starts at 1/64 of the machine's memory, and an
        // idle service had touched 60-85 MB more of it (forecast-service 317-325 MB resident, 240 MB so).
        String options = Settings.get("chipcast." + service.moduleName() + ".java-opts")
                .or(() -> Settings.get("chipcast.service-java-opts")).orElse("-XX:+UseSerialGC -Xms64m -Xmx512m");
        return Arrays.stream(options.split("\\s+")).filter(option -> !option.isBlank()).toList();
    }
}
