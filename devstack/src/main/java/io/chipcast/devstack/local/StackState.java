package io.chipcast.devstack.local;

import io.chipcast.contracts.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a running local stack looks like, written once everything is ready so that
 * {@code chipcast status} and {@code chipcast down} can find it from another terminal.
 *
 * @param supervisorPid the process that started everything and stops it on SIGTERM or Ctrl-C
 * @param adminToken    a bearer token with the admin role, valid for 12 hours (the state file is local and git-ignored)
 */
public record StackState(
        long supervisorPid,
        Instant startedAt,
        String infrastructure,
        String kafkaBootstrapServers,
        String postgres,
        String logs,
        String adminToken,
        List<ServiceState> services) {

    public record ServiceState(String name, long pid, String url, String log) {
    }

    public static Optional<StackState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, Json.write(this));
            // Readers never see half a file.
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public boolean supervisorAlive() {
        return ProcessHandle.of(supervisorPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
