package io.chipcast.forecast.repository;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * forecast-service's tables. The pipeline calls the blocking methods (on worker and polling
 * threads, never an event loop); the REST resources call the ones that return {@link Uni}.
 */
@ApplicationScoped
public class ForecastStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final PortfolioStore portfolio;

    @Inject
    public ForecastStore(Pool pool, PortfolioStore portfolio) {
        this.pool = pool;
        this.portfolio = portfolio;
    }

    /** Where each partition resumes; absent for a partition never consumed. */
    public Map<TopicPartition, Long> positions(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (Row row : pool.query("SELECT topic, partition, next_offset FROM consumer_position").execute().await().atMost(TIMEOUT)) {
            TopicPartition partition = new TopicPartition(row.getString("topic"), row.getInteger("partition"));
            if (partitions.contains(partition)) {
                positions.put(partition, row.getLong("next_offset"));
            }
        }
        return positions;
    }

    /** The customers of these partitions as persisted: plans, shipment events in arrival order, projections. */
    public CustomerSnapshot load(Set<Integer> partitions) {
        Object wanted = partitions.toArray(Integer[]::new);
        Map<String, Integer> partitionOf = new HashMap<>();
        Map<String, DemandPlan> plans = new HashMap<>();
        for (Row row : select("SELECT customer_id, partition, payload FROM demand_plan WHERE partition = ANY($1)", wanted)) {
            plans.put(row.getString("customer_id"), Json.read(row.getString("payload"), DemandPlan.class));
            partitionOf.put(row.getString("customer_id"), row.getInteger("partition"));
        }
        Map<String, List<ShipmentEvent>> shipments = new HashMap<>();
        for (Row row : select("SELECT customer_id, partition, payload FROM shipment_event WHERE partition = ANY($1) ORDER BY seq", wanted)) {
            shipments.computeIfAbsent(row.getString("customer_id"), id -> new ArrayList<>())
                    .add(Json.read(row.getString("payload"), ShipmentEvent.class));
            partitionOf.put(row.getString("customer_id"), row.getInteger("partition"));
        }
        Map<String, StoredProjection> projections = new HashMap<>();
        for (Row row : select("SELECT p.customer_id, h.payload, p.cost_alerted_on FROM projection p "
                + "JOIN projection_history h ON h.customer_id = p.customer_id AND h.version = p.version WHERE p.partition = ANY($1)", wanted)) {
            projections.put(row.getString("customer_id"), new StoredProjection(
                    Json.read(row.getString("payload"), Projection.class), row.getBigDecimal("cost_alerted_on")));
        }
        return new CustomerSnapshot(partitionOf, plans, shipments, projections);
    }

    /** The ids among these that were applied already. */
    public Set<String> processed(Collection<String> eventIds) {
        Set<String> processed = new HashSet<>();
        if (eventIds.isEmpty()) {
            return processed;
        }
        // One index probe per id, whatever plan the table's statistics would suggest (V1_6).
        for (Row row : select("SELECT event_id FROM applied_events($1::varchar[]) AS applied(event_id)",
                (Object) eventIds.toArray(String[]::new))) {
            processed.add(row.getString("event_id"));
        }
        return processed;
    }

    /**
     * Commits a batch: its state, its projections with their alerts, what was applied and where to
     * resume — or nothing. The projections are published after the commit (ADR 009). The rows travel as arrays and {@code unnest} turns them back into rows
     * (in order, for the tables whose order is their identity): one statement per table and chunk
     * of {@value SqlStatements#CHUNK} rows. The statements are sent together with BEGIN and the connection pipelines them,
     * so a batch of a few rows waits for two round trips (the statements, then COMMIT), and a fan-out of a hundred thousand projections
     * streams as chunks the database inserts while the next ones are encoded, instead of one bind
     * message of hundreds of megabytes.
     *
     * @return the batch's commit sequence number, which its projection versions keep: what the
     *         publisher's watermarks count in (ADR 013)
     */
    public long commit(Batch batch) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Batch.PlanRow> plans = latestPlans(batch);
        List<Batch.ProjectionRow> latest = List.copyOf(batch.latestProjections.values());
        List<Map.Entry<TopicPartition, Long>> positions = List.copyOf(batch.positions.entrySet());
        // One round trip for BEGIN, the sequence number and every statement (which read it back
        // with currval), one for COMMIT: a batch of a few records costs two waits, not four.
        return pool.withConnection(connection -> SqlStatements.inTransaction(connection, () -> {
                    Uni<Long> commitSeq = connection.query("SELECT nextval('projection_commit_seq')").execute()
                            .map(rows -> rows.iterator().next().getLong(0));
                    List<Uni<Void>> statements = new ArrayList<>();
                    statements.addAll(SqlStatements.inChunks(connection, batch.processed, "INSERT INTO processed_event (event_id, topic, applied_at) "
                                    + "SELECT event_id, topic, $3 FROM unnest($1::varchar[], $2::varchar[]) AS u(event_id, topic)",
                            rows -> Tuple.of(SqlStatements.column(rows, Batch.Processed::eventId), SqlStatements.column(rows, Batch.Processed::topic), now)));
                    statements.addAll(SqlStatements.inChunks(connection, positions, "INSERT INTO consumer_position (topic, partition, next_offset) "
                                    + "SELECT * FROM unnest($1::varchar[], $2::int[], $3::bigint[]) "
                                    + "ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset",
                            rows -> Tuple.of(SqlStatements.column(rows, p -> p.getKey().topic()),
                                    rows.stream().map(p -> p.getKey().partition()).toArray(Integer[]::new),
                                    rows.stream().map(Map.Entry::getValue).toArray(Long[]::new))));
                    statements.addAll(SqlStatements.inChunks(connection, plans, "INSERT INTO demand_plan (customer_id, partition, version, payload) "
                                    + "SELECT * FROM unnest($1::varchar[], $2::int[], $3::bigint[], $4::text[]) "
                                    + "ON CONFLICT (customer_id) DO UPDATE SET partition = EXCLUDED.partition, version = EXCLUDED.version, "
                                    + "payload = EXCLUDED.payload WHERE demand_plan.version <= EXCLUDED.version",
                            rows -> Tuple.of(SqlStatements.column(rows, p -> p.plan().customerId()), rows.stream().map(Batch.PlanRow::partition).toArray(Integer[]::new),
                                    rows.stream().map(p -> p.plan().version()).toArray(Long[]::new),
                                    SqlStatements.column(rows, p -> Json.writeString(p.plan())))));
                    statements.addAll(SqlStatements.inChunks(connection, batch.shipments, "INSERT INTO shipment_event (customer_id, partition, payload) "
                                    + "SELECT customer_id, partition, payload FROM unnest($1::varchar[], $2::int[], $3::text[]) "
                                    + "WITH ORDINALITY AS u(customer_id, partition, payload, arrival) ORDER BY arrival",
                            rows -> Tuple.of(SqlStatements.column(rows, r -> r.event().customerId()),
                                    rows.stream().map(Batch.ShipmentRow::partition).toArray(Integer[]::new),
                                    SqlStatements.column(rows, r -> Json.writeString(r.event())))));
                    statements.addAll(SqlStatements.inChunks(connection, latest, "INSERT INTO projection (customer_id, partition, version, cost_alerted_on, "
                                    + "projected_cost, blocked_value, computed_at, commit_seq) "
                                    + "SELECT *, currval('projection_commit_seq') FROM unnest($1::varchar[], $2::int[], $3::bigint[], $4::text[]::numeric[], "
                                    + "$5::text[]::numeric[], $6::text[]::numeric[], $7::timestamptz[]) "
                                    + "ON CONFLICT (customer_id) DO UPDATE SET partition = EXCLUDED.partition, "
                                    + "version = EXCLUDED.version, cost_alerted_on = EXCLUDED.cost_alerted_on, projected_cost = EXCLUDED.projected_cost, "
                                    + "blocked_value = EXCLUDED.blocked_value, computed_at = EXCLUDED.computed_at, commit_seq = EXCLUDED.commit_seq",
                            rows -> Tuple.from(List.of(SqlStatements.column(rows, p -> p.projection().customerId()),
                                    rows.stream().map(Batch.ProjectionRow::partition).toArray(Integer[]::new),
                                    rows.stream().map(p -> p.projection().version()).toArray(Long[]::new),
                                    SqlStatements.column(rows, p -> p.costAlertedOn().toPlainString()),
                                    SqlStatements.column(rows, p -> p.projection().projectedCost().toPlainString()),
                                    SqlStatements.column(rows, p -> p.projection().blockedValue().toPlainString()),
                                    SqlStatements.utc(rows, p -> p.projection().computedAt())))));
                    // The documents travel as the UTF-8 bytes they were written as; the database checks and keeps them as text.
                    statements.addAll(SqlStatements.inChunks(connection, batch.projectionVersions, "INSERT INTO projection_history "
                                    + "(customer_id, version, payload, computed_at, event_id, alerts, projected_cost, commit_seq) "
                                    + "SELECT customer_id, version, convert_from(payload, 'UTF8'), computed_at, event_id, convert_from(alerts, 'UTF8'), "
                                    + "projected_cost, currval('projection_commit_seq') FROM unnest($1::varchar[], $2::bigint[], $3::bytea[], $4::timestamptz[], "
                                    + "$5::uuid[], $6::bytea[], $7::text[]::numeric[]) "
                                    + "AS u(customer_id, version, payload, computed_at, event_id, alerts, projected_cost)",
                            rows -> Tuple.from(List.of(SqlStatements.column(rows, p -> p.projection().customerId()),
                                    rows.stream().map(p -> p.projection().version()).toArray(Long[]::new),
                                    SqlStatements.bytes(rows, p -> p.committed().document()),
                                    SqlStatements.utc(rows, p -> p.projection().computedAt()),
                                    rows.stream().map(p -> p.committed().eventId()).toArray(UUID[]::new),
                                    SqlStatements.bytes(rows, p -> p.committed().alertsDocument()),
                                    SqlStatements.column(rows, p -> p.projection().projectedCost().toPlainString())))));
                    statements.addAll(portfolio.write(connection, batch.portfolio()));
                    return Uni.combine().all().unis(commitSeq, SqlStatements.allOf(statements)).with((seq, done) -> seq);
                }))
                .await().atMost(TIMEOUT);
    }

    /** A customer's plan and shipment events in arrival order; empty when it has no plan. */
    public Uni<Optional<CustomerState>> customer(String customerId) {
        return pool.preparedQuery("SELECT payload FROM demand_plan WHERE customer_id = $1").execute(Tuple.of(customerId))
                .chain(plans -> plans.size() == 0
                        ? Uni.createFrom().item(Optional.<CustomerState>empty())
                        : pool.preparedQuery("SELECT payload FROM shipment_event WHERE customer_id = $1 ORDER BY seq")
                                .execute(Tuple.of(customerId))
                                .map(rows -> {
                                    List<ShipmentEvent> shipments = new ArrayList<>(rows.size());
                                    rows.forEach(row -> shipments.add(Json.read(row.getString("payload"), ShipmentEvent.class)));
                                    return Optional.of(new CustomerState(
                                            Json.read(plans.iterator().next().getString("payload"), DemandPlan.class), shipments));
                                }));
    }

    public Uni<Optional<String>> projectionJson(String customerId) {
        return pool.preparedQuery("SELECT h.payload FROM projection p "
                        + "JOIN projection_history h ON h.customer_id = p.customer_id AND h.version = p.version WHERE p.customer_id = $1").execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("payload")));
    }

    /** Up to {@code count} versions of a customer's projection after version {@code after} (0: from the first), oldest first. */
    public Uni<List<VersionJson>> historyJson(String customerId, long after, int count) {
        return pool.preparedQuery("SELECT version, payload FROM projection_history WHERE customer_id = $1 AND version > $2 "
                        + "ORDER BY version LIMIT $3")
                .execute(Tuple.of(customerId, after, count))
                .map(rows -> {
                    List<VersionJson> versions = new ArrayList<>(rows.size());
                    rows.forEach(row -> versions.add(new VersionJson(row.getLong("version"), row.getString("payload"))));
                    return versions;
                });
    }

    /**
     * Alerts as the history keeps them, in the order they were raised — by the time their version
     * was computed, then customer, version and place among the version's alerts — from
     * {@code query.from()}, at most {@code count}.
     */
    public Uni<List<StoredAlert>> alerts(AlertQuery query, int count) {
        AlertCursor from = query.from();
        return pool.preparedQuery("SELECT h.computed_at, h.customer_id, h.version, a.ordinality, a.alert::text AS alert "
                        + "FROM projection_history h "
                        + "CROSS JOIN LATERAL jsonb_array_elements(h.alerts::jsonb) WITH ORDINALITY AS a(alert, ordinality) "
                        + "WHERE h.alerts IS NOT NULL AND (h.computed_at, h.customer_id, h.version) >= ($1, $2, $3) "
                        + "AND NOT ((h.computed_at, h.customer_id, h.version) = ($1, $2, $3) AND a.ordinality <= $4) "
                        + "AND ($5::varchar[] IS NULL OR h.customer_id = ANY($5)) "
                        + "AND ($6::text[] IS NULL OR a.alert->>'type' = ANY($6)) "
                        + "AND ($7::text[] IS NULL OR a.alert->>'severity' = ANY($7)) "
                        + "ORDER BY h.computed_at, h.customer_id, h.version, a.ordinality LIMIT $8")
                // Arrays.asList: a filter not asked for is a null parameter.
                .execute(Tuple.from(Arrays.asList(from.computedAt().atOffset(ZoneOffset.UTC), from.customerId(), from.version(), from.ordinality(),
                        arrayOrNull(query.customers()), arrayOrNull(query.types()), arrayOrNull(query.severities()), count)))
                .map(rows -> {
                    List<StoredAlert> alerts = new ArrayList<>(rows.size());
                    rows.forEach(row -> alerts.add(new StoredAlert(new AlertCursor(row.getOffsetDateTime("computed_at").toInstant(),
                            row.getString("customer_id"), row.getLong("version"), row.getLong("ordinality")), row.getString("alert"))));
                    return alerts;
                });
    }

    private static String[] arrayOrNull(Set<String> values) {
        return values == null || values.isEmpty() ? null : values.toArray(String[]::new);
    }

    /** Which alerts: from a position, of some customers (null: every one), of some types and severities (empty: all). */
    public record AlertQuery(AlertCursor from, Set<String> customers, Set<String> types, Set<String> severities) {
    }

    /** An alert as stored (its JSON), and its place in the order alerts were raised. */
    public record StoredAlert(AlertCursor position, String json) {
    }

    /**
     * A place in the order alerts were raised: the time the version raising it was computed, the
     * customer, the version and the alert's place among the version's (from 1). Written as the
     * pages' {@code after}: {@code <epoch microseconds>.<version>.<place>.<customer>}.
     */
    public record AlertCursor(Instant computedAt, String customerId, long version, long ordinality) {

        /** Just before every alert raised at or after {@code since}. */
        public static AlertCursor before(Instant since) {
            return new AlertCursor(since, "", 0, 0);
        }

        public String key() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, computedAt);
            return micros + "." + version + "." + ordinality + "." + customerId;
        }

        /** The cursor a key names; empty for anything that is not one. */
        public static Optional<AlertCursor> parse(String key) {
            String[] parts = key.split("\\.", 4);
            if (parts.length != 4 || parts[3].isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new AlertCursor(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), parts[3],
                        Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
                return Optional.empty();
            }
        }
    }

    /** One version of a projection, as the JSON it was published as. */
    public record VersionJson(long version, String json) {
    }

    /**
     * The committed projection versions of these partitions that the broker has not acknowledged
     * yet, each customer's in version order: what a crash, a takeover or a broker outage left
     * unpublished. A version is acknowledged when its partition's watermark covers its commit, or
     * its customer's published version covers it (ADR 013).
     */
    public List<UnpublishedProjection> unpublished(Set<Integer> partitions) {
        List<UnpublishedProjection> unpublished = new ArrayList<>();
        // The customers behind first (few, usually none), then only their versions from the history.
        for (Row row : select("SELECT h.customer_id, h.version, h.event_id, h.computed_at, h.payload, h.alerts, p.partition, h.commit_seq "
                + "FROM projection p "
                + "LEFT JOIN publication_watermark w ON w.partition = p.partition "
                + "LEFT JOIN projection_publication pub ON pub.customer_id = p.customer_id "
                + "JOIN projection_history h ON h.customer_id = p.customer_id "
                + "AND h.version > COALESCE(pub.published_version, 0) AND h.version <= p.version "
                + "AND h.commit_seq > COALESCE(w.commit_seq, 0) "
                + "WHERE p.partition = ANY($1) AND p.commit_seq > COALESCE(w.commit_seq, 0) "
                + "AND p.version > COALESCE(pub.published_version, 0) "
                + "ORDER BY h.customer_id, h.version", partitions.toArray(Integer[]::new))) {
            unpublished.add(new UnpublishedProjection(CommittedProjection.stored(row.getString("customer_id"), row.getLong("version"),
                    row.getUUID("event_id"), row.getOffsetDateTime("computed_at").toInstant(), row.getString("payload"),
                    row.getString("alerts")), row.getInteger("partition"), row.getLong("commit_seq")));
        }
        return unpublished;
    }

    /** A committed version not yet acknowledged, with the partition and commit that a watermark counts it by. */
    public record UnpublishedProjection(CommittedProjection projection, int partition, long commitSeq) {
    }

    /**
     * Records that the broker acknowledged, per partition, every version committed up to a
     * commit sequence number (ADR 013). In partition order, so that two of these at once lock
     * their rows in the same order.
     */
    public Uni<Void> markWatermarks(Map<Integer, Long> commitSeqs) {
        List<Map.Entry<Integer, Long>> rows = new ArrayList<>(commitSeqs.entrySet());
        rows.sort(Map.Entry.comparingByKey());
        return pool.withConnection(connection -> SqlStatements.allOf(SqlStatements.inChunks(connection, rows, "INSERT INTO publication_watermark (partition, commit_seq) "
                        + "SELECT * FROM unnest($1::int[], $2::bigint[]) "
                        + "ON CONFLICT (partition) DO UPDATE SET commit_seq = GREATEST(publication_watermark.commit_seq, EXCLUDED.commit_seq)",
                chunk -> Tuple.of(chunk.stream().map(Map.Entry::getKey).toArray(Integer[]::new),
                        chunk.stream().map(Map.Entry::getValue).toArray(Long[]::new)))));
    }

    /**
     * Records that the broker acknowledged each customer's projections up to this version: what
     * was acknowledged beyond a failed send, which no watermark may cover. In customer order, so
     * that two of these at once lock their rows in the same order.
     */
    public Uni<Void> markPublished(Map<String, Long> versions) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(versions.entrySet());
        rows.sort(Map.Entry.comparingByKey());
        return pool.withConnection(connection -> {
            List<Uni<Void>> statements = SqlStatements.inChunks(connection, rows, "INSERT INTO projection_publication (customer_id, published_version) "
                            + "SELECT * FROM unnest($1::varchar[], $2::bigint[]) "
                            + "ON CONFLICT (customer_id) DO UPDATE SET published_version = "
                            + "GREATEST(projection_publication.published_version, EXCLUDED.published_version)",
                    chunk -> Tuple.of(SqlStatements.column(chunk, Map.Entry::getKey), chunk.stream().map(Map.Entry::getValue).toArray(Long[]::new)));
            return SqlStatements.allOf(statements);
        });
    }

    /** The newest plan of each customer in the batch (one statement upserts a row at most once). */
    private static List<Batch.PlanRow> latestPlans(Batch batch) {
        Map<String, Batch.PlanRow> latest = new LinkedHashMap<>();
        batch.plans.forEach(row -> latest.merge(row.plan().customerId(), row,
                (kept, next) -> next.plan().version() >= kept.plan().version() ? next : kept));
        return List.copyOf(latest.values());
    }

    /** @param array the one parameter, $1: an array such as Integer[] or String[] */
    private Iterable<Row> select(String sql, Object array) {
        return pool.preparedQuery(sql).execute(Tuple.of(array)).await().atMost(TIMEOUT);
    }

    /** A projection as persisted, with the cost its next COST_CHANGED is measured from. */
    public record StoredProjection(Projection projection, BigDecimal costAlertedOn) {
    }

    /** One customer's plan and shipment events. */
    public record CustomerState(DemandPlan plan, List<ShipmentEvent> shipments) {
    }

    /** The persisted customers of some partitions. */
    public record CustomerSnapshot(Map<String, Integer> partitionOf, Map<String, DemandPlan> plans,
            Map<String, List<ShipmentEvent>> shipments, Map<String, StoredProjection> projections) {
    }
}
