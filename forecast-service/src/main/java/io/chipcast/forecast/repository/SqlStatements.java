package io.chipcast.forecast.repository;

import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Rows written as arrays that {@code unnest} turns back into rows, a chunk per statement, the statements pipelined. */
final class SqlStatements {

    /** Rows per statement: a few megabytes of projections at most. */
    static final int CHUNK = 2_000;

    private SqlStatements() {
    }

    static <T> String[] column(Collection<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /** A {@code bytea[]} column: each value wrapped, not copied; null stays null. */
    static <T> Buffer[] bytes(Collection<T> rows, Function<T, byte[]> value) {
        return rows.stream().map(value).map(bytes -> bytes == null ? null : Buffer.buffer(Unpooled.wrappedBuffer(bytes))).toArray(Buffer[]::new);
    }

    /** A timestamptz column of instants, in UTC. */
    static <T> OffsetDateTime[] utc(Collection<T> rows, Function<T, Instant> value) {
        // Instant.atOffset asks the offset for its rules, a new ZoneRules each time: 3 % of a fan-out's samples.
        return rows.stream().map(value).map(instant -> OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
    }

    /** The statements that write these rows, {@value #CHUNK} at a time, in their order; none for no rows. */
    static <T> List<Uni<Void>> inChunks(SqlConnection connection, List<T> rows, String sql, Function<List<T>, Tuple> columns) {
        List<Uni<Void>> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            statements.add(connection.preparedQuery(sql).execute(columns.apply(rows.subList(from, Math.min(rows.size(), from + CHUNK))))
                    .replaceWithVoid());
        }
        return statements;
    }

    /** Statements sent together on one connection (which pipelines them), done when all are. */
    static Uni<Void> allOf(List<Uni<Void>> statements) {
        return statements.isEmpty() ? Uni.createFrom().voidItem() : Uni.combine().all().unis(statements).discardItems();
    }
}
