package io.chipcast.devstack.local;

import io.chipcast.devstack.ChipcastService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One chipcast service running as a child JVM, its output in its own log file. */
public final class ServiceProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final ChipcastService service;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(ChipcastService service, Process process, Path log, int port) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * @param environment configuration in Quarkus' environment-variable form (KAFKA_BOOTSTRAP_SERVERS, ...)
     */
    /** Starts a service on {@code port}, its output going to {@code log}. */
    public static ServiceProcess start(ChipcastService service, Path app, int port, Path log, Map<String, String> environment,
            List<String> jvmOptions) {
        if (!Files.exists(app)) {
            throw new IllegalStateException(service.moduleName() + " is not built: " + app + " is missing (run ./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: a Ctrl-C at the terminal reaches the supervisor only, which stops services before the broker.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(app.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .directory(app.getParent().toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            return new ServiceProcess(service, builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.moduleName(), e);
        }
    }

    public ChipcastService service() {
        return service;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), and kills it if it has not within {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The last lines of the service's log: what a person needs when it failed to start. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
