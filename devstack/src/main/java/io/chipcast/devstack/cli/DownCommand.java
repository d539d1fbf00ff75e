package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.StackState;
import io.chipcast.devstack.local.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "down", description = "Stops a local stack started with --detach (or in another terminal), leaving no process behind.")
final class DownCommand implements Callable<Integer> {

    private static final Duration SUPERVISOR_GRACE = Duration.ofSeconds(60);

    @Override
    public Integer call() throws IOException, InterruptedException {
        Workspace workspace = ChipcastCommand.workspace();
        Optional<StackState> found = StackState.read(workspace.stateFile());
        if (found.isEmpty()) {
            System.out.println("chipcast is not running.");
            return 0;
        }
        StackState state = found.get();
        Optional<ProcessHandle> supervisor = ProcessHandle.of(state.supervisorPid()).filter(ProcessHandle::isAlive);
        if (supervisor.isPresent()) {
            System.out.println("stopping chipcast (pid " + state.supervisorPid() + ") …");
            // SIGTERM: the supervisor stops the services, then Kafka, then PostgreSQL.
            supervisor.get().destroy();
            awaitExit(supervisor.get(), SUPERVISOR_GRACE);
        }
        // Whatever a supervisor that died abruptly left behind.
        for (StackState.ServiceState service : state.services()) {
            ProcessHandle.of(service.pid()).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
                orphan.destroy();
                awaitExit(orphan, Duration.ofSeconds(20));
            });
        }
        stopOrphanedPostgres(workspace.data().resolve("postgres-data"));
        Files.deleteIfExists(workspace.stateFile());
        System.out.println("chipcast stopped.");
        return 0;
    }

    private static void awaitExit(ProcessHandle process, Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** An embedded PostgreSQL whose supervisor was killed still holds its port; its pid is the first line of postmaster.pid. */
    private static void stopOrphanedPostgres(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (!lines.isEmpty()) {
            ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                    .ifPresent(postgres -> awaitExit(postgresStopping(postgres), Duration.ofSeconds(20)));
        }
    }

    private static ProcessHandle postgresStopping(ProcessHandle postgres) {
        postgres.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
        return postgres;
    }
}
