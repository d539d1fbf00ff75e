package io.chipcast.forecast.repository;

import static io.chipcast.forecast.Payloads.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.Projection;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch is one transaction: a statement that fails late rolls back what the earlier ones wrote,
 * and the next batch commits as if nothing happened.
 */
@QuarkusTest
class ForecastStoreTest {

    private static final int PARTITION = 0;

    @Inject
    ForecastStore store;

    @Inject
    Pool pool;

    @Test
    void aBatchIsCommittedWhollyOrNotAtAll() {
        String customer = unique("atomic");
        Projection first = projection(customer, 1);
        long firstCommit = store.commit(batch(UUID.randomUUID().toString(), first));

        // Its history repeats version 1: the last statement fails, after the applied event and the
        // current projection (version 2) were written in the same transaction.
        String lateFailing = UUID.randomUUID().toString();
        assertThatThrownBy(() -> store.commit(batch(lateFailing, first, projection(customer, 2))))
                .hasStackTraceContaining("projection_history");
        assertThat(store.processed(Set.of(lateFailing))).isEmpty();
        assertThat(current(customer)).containsExactly(1L, firstCommit);
        assertThat(history(customer)).containsExactly(1L);

        String next = UUID.randomUUID().toString();
        long nextCommit = store.commit(batch(next, projection(customer, 2)));
        assertThat(nextCommit).isGreaterThan(firstCommit);
        assertThat(store.processed(Set.of(next))).containsExactly(next);
        assertThat(current(customer)).containsExactly(2L, nextCommit);
        assertThat(history(customer)).containsExactly(1L, 2L);
    }

    private static Batch batch(String eventId, Projection... versions) {
        Batch batch = new Batch();
        batch.processed(eventId, "supply.shipments");
        for (Projection version : versions) {
            batch.projection(version, CommittedProjection.of(version, List.of()), PARTITION, version.projectedCost());
        }
        return batch;
    }

    private static Projection projection(String customer, long version) {
        return new Projection(customer, 1L, BigDecimal.valueOf(100 * version), BigDecimal.ZERO, List.of(), version,
                Instant.now().truncatedTo(ChronoUnit.MICROS), new Cause(UUID.randomUUID().toString(), "test.v1"));
    }

    /** The current version and its commit. */
    private List<Long> current(String customer) {
        Row row = pool.preparedQuery("SELECT version, commit_seq FROM projection WHERE customer_id = $1").execute(Tuple.of(customer))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        return List.of(row.getLong("version"), row.getLong("commit_seq"));
    }

    private List<Long> history(String customer) {
        List<Long> versions = new ArrayList<>();
        pool.preparedQuery("SELECT version FROM projection_history WHERE customer_id = $1 ORDER BY version").execute(Tuple.of(customer))
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> versions.add(row.getLong("version")));
        return versions;
    }
}
