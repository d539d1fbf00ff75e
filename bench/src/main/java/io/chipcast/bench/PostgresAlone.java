package io.chipcast.bench;

import io.chipcast.devstack.local.StackPorts;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The floor under a fan-out's database work on this machine: the same projection documents
 * stored the fastest way PostgreSQL takes rows — {@code COPY}, one transaction per
 * {@value #SLICE} documents as forecast-service commits a fan-out — into a table keyed like
 * forecast-service's history, in its database. No alerts, no current projection, no portfolio,
 * no positions: what storing the documents alone costs.
 */
final class PostgresAlone {

    /** forecast-service's fan-out slice (EventApplier.FAN_OUT_SLICE). */
    static final int SLICE = 5_000;
    private static final String TABLE = "bench_fan_out_floor";

    /** How long it took, and the CPU time of the backend that stored them. */
    record Figures(long millis, double backendCpuSeconds) {
    }

    private PostgresAlone() {
    }

    /** Stores the documents, one customer each; empty (said why) when the local stack's PostgreSQL does not answer. */
    static Optional<Figures> store(List<String> customers, List<byte[]> documents) throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + StackPorts.POSTGRES_PORT + "/forecast";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            long backend;
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
                statement.execute("CREATE TABLE " + TABLE + " (customer_id VARCHAR(64) NOT NULL, version BIGINT NOT NULL, "
                        + "payload TEXT NOT NULL, computed_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (customer_id, version))");
                ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()");
                pid.next();
                backend = pid.getLong(1);
            }
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String now = Instant.now().toString();
            // The backend's own CPU time: whatever else the database does meanwhile (autovacuum after a fan-out) is not the floor.
            double cpuBefore = StackCpu.processSeconds(backend);
            long start = System.nanoTime();
            for (int from = 0; from < documents.size(); from += SLICE) {
                StringBuilder rows = new StringBuilder();
                for (int i = from; i < Math.min(documents.size(), from + SLICE); i++) {
                    // COPY's text format: JSON has no raw tab or line break, only backslashes to double.
                    String payload = new String(documents.get(i), StandardCharsets.UTF_8).replace("\\", "\\\\");
                    rows.append(customers.get(i)).append("\t1\t").append(payload).append('\t').append(now).append('\n');
                }
                copy.copyIn("COPY " + TABLE + " (customer_id, version, payload, computed_at) FROM STDIN", new StringReader(rows.toString()));
                connection.commit();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            double cpu = StackCpu.processSeconds(backend) - cpuBefore;
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + TABLE);
            }
            connection.commit();
            return Optional.of(new Figures(millis, cpu));
        } catch (SQLException e) {
            System.out.printf("PostgreSQL alone: not measured (%s)%n", e.getMessage());
            return Optional.empty();
        }
    }
}
