package io.chipcast.devstack.local;

import io.chipcast.devstack.ChipcastService;
import java.io.File;
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

    private final Launch launch;
    private final Process process;

    private ServiceProcess(Launch launch, Process process) {
        this.launch = launch;
        this.process = process;
    }

    /**
     * Starts a service on {@code port}, its output going to {@code log}.
     *
     * @param environment configuration in Quarkus' environment-variable form (KAFKA_BOOTSTRAP_SERVERS, ...)
     */
    public static ServiceProcess start(ChipcastService service, Path app, int port, Path log, Map<String, String> environment,
            List<String> jvmOptions) {
        return start(new Launch(service, app, port, log, Map.copyOf(environment), List.copyOf(jvmOptions)), false);
    }

    /**
     * The same service started again as it was started before — same port, configuration and log
     * (appended to) — once this process has ended: what a container restart does.
     */
    public ServiceProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(launch.service().moduleName() + " (pid " + pid() + ") is still running");
        }
        return start(launch, true);
    }

    private static ServiceProcess start(Launch launch, boolean appendToLog) {
        ChipcastService service = launch.service();
        Path app = launch.app();
        if (!Files.exists(app)) {
            throw new IllegalStateException(service.moduleName() + " is not built: " + app + " is missing (run ./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Its own session: a Ctrl-C at the terminal reaches the supervisor only, which stops services before the broker.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(app.toString());
        File log = launch.log().toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log))
                .directory(app.getParent().toFile());
        builder.environment().putAll(launch.environment());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(launch.port()));
        try {
            return new ServiceProcess(launch, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.moduleName(), e);
        }
    }

    public ChipcastService service() {
        return launch.service();
    }

    public String url() {
        return "http://localhost:" + launch.port();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return launch.log();
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

    /** Ends the process at once (SIGKILL): no shutdown hook runs, nothing is flushed or handed over. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the service's log: what a person needs when it failed to start. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(launch.log());
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + launch.log() + ": " + e.getMessage() + ")");
        }
    }

    /** How a service was started, to start it again the same way. */
    private record Launch(ChipcastService service, Path app, int port, Path log, Map<String, String> environment,
            List<String> jvmOptions) {
    }
}
