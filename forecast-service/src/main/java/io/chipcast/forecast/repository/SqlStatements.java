package io.chipcast.forecast.repository;

import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * Runs statements in one transaction whose BEGIN travels with them: the connection pipelines
     * BEGIN and the statements as one round trip, then sends COMMIT once every statement answered,
     * instead of a round trip for BEGIN first. If one fails, the transaction is rolled back and
     * the Uni fails with that failure.
     *
     * @param statements subscribed right after BEGIN is scheduled, so that they follow it on the wire
     */
    static <T> Uni<T> inTransaction(SqlConnection connection, Supplier<Uni<? extends T>> statements) {
        return Uni.combine().all().unis(connection.begin(), Uni.createFrom().<T>deferred(statements)).asTuple()
                .onItemOrFailure().transformToUni((begunAndResult, failure) -> {
                    if (failure == null) {
                        return begunAndResult.getItem1().commit().replaceWith(begunAndResult.getItem2());
                    }
                    // BEGIN itself may be what failed: then there is no transaction left to roll back.
                    Transaction transaction = connection.transaction();
                    Uni<T> failed = Uni.createFrom().failure(failure);
                    return transaction == null ? failed
                            : transaction.rollback().onItemOrFailure().transformToUni((ignored, rollbackFailure) -> failed);
                });
    }

    /** Statements sent together on one connection (which pipelines them), done when all are. */
    static Uni<Void> allOf(List<Uni<Void>> statements) {
        return statements.isEmpty() ? Uni.createFrom().voidItem() : Uni.combine().all().unis(statements).discardItems();
    }
}
