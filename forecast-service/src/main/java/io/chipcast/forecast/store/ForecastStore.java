package io.chipcast.forecast.store;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.validation.Validated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * forecast-service's tables. The pipeline thread calls the blocking methods (it is no event
 * loop); the REST resources call the ones that return {@link Uni}.
 */
@ApplicationScoped
public class ForecastStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final String source;

    @Inject
    public ForecastStore(Pool pool, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.pool = pool;
        this.source = source;
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
        for (Row row : select("SELECT event_id FROM processed_event WHERE event_id = ANY($1)", (Object) eventIds.toArray(String[]::new))) {
            processed.add(row.getString("event_id"));
        }
        return processed;
    }

    /**
     * Commits a batch: its state, its projections and their events, what was applied and where to
     * resume — or nothing. One statement per table whatever the batch size: the rows travel as
     * arrays and {@code unnest} turns them back into rows (in order, for the tables whose order
     * is their identity), which keeps a fan-out of thousands of projections to a few round trips.
     */
    public void commit(Batch batch) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Batch.PlanRow> plans = latestPlans(batch);
        List<Batch.ProjectionRow> latest = List.copyOf(batch.latestProjections.values());
        List<OutboxRow> outbox = outboxRows(batch, now);
        // Independent statements, sent together: the connection pipelines them, one round trip instead of six.
        pool.withTransaction(connection -> Uni.combine().all().unis(
                        insert(connection, batch.processed, "INSERT INTO processed_event (event_id, topic, applied_at) "
                                        + "SELECT event_id, topic, $3 FROM unnest($1::varchar[], $2::varchar[]) AS u(event_id, topic)",
                                Tuple.of(column(batch.processed, Batch.Processed::eventId), column(batch.processed, Batch.Processed::topic), now)),
                        insert(connection, batch.positions.entrySet(), "INSERT INTO consumer_position (topic, partition, next_offset) "
                                        + "SELECT * FROM unnest($1::varchar[], $2::int[], $3::bigint[]) "
                                        + "ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset",
                                Tuple.of(batch.positions.keySet().stream().map(TopicPartition::topic).toArray(String[]::new),
                                        batch.positions.keySet().stream().map(TopicPartition::partition).toArray(Integer[]::new),
                                        batch.positions.values().toArray(Long[]::new))),
                        insert(connection, plans, "INSERT INTO demand_plan (customer_id, partition, version, payload) "
                                        + "SELECT * FROM unnest($1::varchar[], $2::int[], $3::bigint[], $4::text[]) "
                                        + "ON CONFLICT (customer_id) DO UPDATE SET partition = EXCLUDED.partition, version = EXCLUDED.version, "
                                        + "payload = EXCLUDED.payload WHERE demand_plan.version <= EXCLUDED.version",
                                Tuple.of(column(plans, p -> p.plan().customerId()), plans.stream().map(Batch.PlanRow::partition).toArray(Integer[]::new),
                                        plans.stream().map(p -> p.plan().version()).toArray(Long[]::new),
                                        column(plans, p -> Json.writeString(p.plan())))),
                        insert(connection, batch.shipments, "INSERT INTO shipment_event (customer_id, partition, payload) "
                                        + "SELECT customer_id, partition, payload FROM unnest($1::varchar[], $2::int[], $3::text[]) "
                                        + "WITH ORDINALITY AS u(customer_id, partition, payload, arrival) ORDER BY arrival",
                                Tuple.of(column(batch.shipments, r -> r.event().customerId()),
                                        batch.shipments.stream().map(Batch.ShipmentRow::partition).toArray(Integer[]::new),
                                        column(batch.shipments, r -> Json.writeString(r.event())))),
                        insert(connection, latest, "INSERT INTO projection (customer_id, partition, version, cost_alerted_on) "
                                        + "SELECT * FROM unnest($1::varchar[], $2::int[], $3::bigint[], $4::text[]::numeric[]) "
                                        + "ON CONFLICT (customer_id) DO UPDATE SET partition = EXCLUDED.partition, "
                                        + "version = EXCLUDED.version, cost_alerted_on = EXCLUDED.cost_alerted_on",
                                Tuple.of(column(latest, p -> p.projection().customerId()),
                                        latest.stream().map(Batch.ProjectionRow::partition).toArray(Integer[]::new),
                                        latest.stream().map(p -> p.projection().version()).toArray(Long[]::new),
                                        column(latest, p -> p.costAlertedOn().toPlainString()))),
                        insert(connection, batch.projectionVersions, "INSERT INTO projection_history (customer_id, version, payload, computed_at) "
                                        + "SELECT * FROM unnest($1::varchar[], $2::bigint[], $3::text[], $4::timestamptz[])",
                                Tuple.of(column(batch.projectionVersions, p -> p.projection().customerId()),
                                        batch.projectionVersions.stream().map(p -> p.projection().version()).toArray(Long[]::new),
                                        column(batch.projectionVersions, Batch.ProjectionRow::json),
                                        batch.projectionVersions.stream().map(p -> p.projection().computedAt().atOffset(ZoneOffset.UTC))
                                                .toArray(OffsetDateTime[]::new))),
                        insert(connection, outbox, "INSERT INTO outbox_event (event_id, topic, record_key, event_type, event_time, payload) "
                                        + "SELECT event_id, topic, record_key, event_type, $5, payload "
                                        + "FROM unnest($1::text[]::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $6::text[]) "
                                        + "WITH ORDINALITY AS u(event_id, topic, record_key, event_type, payload, published) ORDER BY published",
                                Tuple.from(List.of(column(outbox, OutboxRow::eventId), column(outbox, OutboxRow::topic),
                                        column(outbox, OutboxRow::key), column(outbox, OutboxRow::type), now, column(outbox, OutboxRow::json)))))
                        .discardItems())
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

    public Uni<List<String>> historyJson(String customerId) {
        return pool.preparedQuery("SELECT payload FROM projection_history WHERE customer_id = $1 ORDER BY version")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<String> payloads = new ArrayList<>(rows.size());
                    rows.forEach(row -> payloads.add(row.getString("payload")));
                    return payloads;
                });
    }

    /** The outbox events of a batch: every projection version, then every alert, in the order they were made. */
    private List<OutboxRow> outboxRows(Batch batch, OffsetDateTime now) {
        List<OutboxRow> rows = new ArrayList<>();
        batch.projectionVersions.forEach(row -> rows.add(outboxRow(Topics.PROJECTIONS, row.projection(), row.json(), now)));
        batch.alerts.forEach(alert -> rows.add(outboxRow(Topics.ALERTS, alert, Json.writeString(alert), now)));
        return rows;
    }

    private <V extends Validated> OutboxRow outboxRow(Topic<String, V> topic, V payload, String json, OffsetDateTime now) {
        CloudEvent event = CloudEvent.of(topic, source, UUID.randomUUID(), now.toInstant());
        return new OutboxRow(event.id(), topic.name(), topic.keyOf(payload), event.type(), json);
    }

    /** The newest plan of each customer in the batch (one statement upserts a row at most once). */
    private static List<Batch.PlanRow> latestPlans(Batch batch) {
        Map<String, Batch.PlanRow> latest = new LinkedHashMap<>();
        batch.plans.forEach(row -> latest.merge(row.plan().customerId(), row,
                (kept, next) -> next.plan().version() >= kept.plan().version() ? next : kept));
        return List.copyOf(latest.values());
    }

    private static <T> String[] column(Collection<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static Uni<Void> insert(SqlConnection connection, Collection<?> rows, String sql, Tuple columns) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery(sql).execute(columns).replaceWithVoid();
    }

    /** @param array the one parameter, $1: an array such as Integer[] or String[] */
    private Iterable<Row> select(String sql, Object array) {
        return pool.preparedQuery(sql).execute(Tuple.of(array)).await().atMost(TIMEOUT);
    }

    /** A projection as persisted, with the cost its next COST_CHANGED is measured from. */
    public record StoredProjection(Projection projection, BigDecimal costAlertedOn) {
    }

    private record OutboxRow(String eventId, String topic, String key, String type, String json) {
    }

    /** One customer's plan and shipment events. */
    public record CustomerState(DemandPlan plan, List<ShipmentEvent> shipments) {
    }

    /** The persisted customers of some partitions. */
    public record CustomerSnapshot(Map<String, Integer> partitionOf, Map<String, DemandPlan> plans,
            Map<String, List<ShipmentEvent>> shipments, Map<String, StoredProjection> projections) {
    }
}
