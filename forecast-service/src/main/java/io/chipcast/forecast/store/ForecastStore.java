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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
        for (Row row : select("SELECT customer_id, payload, cost_alerted_on FROM projection WHERE partition = ANY($1)", wanted)) {
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

    /** Commits a batch: its state, its projections and their events, what was applied and where to resume — or nothing. */
    public void commit(Batch batch) {
        Instant now = Instant.now();
        pool.withTransaction(connection -> Uni.createFrom().voidItem()
                .chain(() -> batch(connection, "INSERT INTO processed_event (event_id, topic, applied_at) VALUES ($1, $2, $3)",
                        batch.processed.stream().map(p -> Tuple.of(p.eventId(), p.topic(), now.atOffset(ZoneOffset.UTC))).toList()))
                .chain(() -> batch(connection, "INSERT INTO consumer_position (topic, partition, next_offset) VALUES ($1, $2, $3) "
                                + "ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset",
                        batch.positions.entrySet().stream().map(e -> Tuple.of(e.getKey().topic(), e.getKey().partition(), e.getValue())).toList()))
                .chain(() -> batch(connection, "INSERT INTO demand_plan (customer_id, partition, version, payload) VALUES ($1, $2, $3, $4) "
                                + "ON CONFLICT (customer_id) DO UPDATE SET partition = EXCLUDED.partition, version = EXCLUDED.version, "
                                + "payload = EXCLUDED.payload WHERE demand_plan.version <= EXCLUDED.version",
                        batch.plans.stream().map(p -> Tuple.of(p.plan().customerId(), p.partition(), p.plan().version(),
                                Json.writeString(p.plan()))).toList()))
                .chain(() -> batch(connection, "INSERT INTO shipment_event (customer_id, partition, payload) VALUES ($1, $2, $3)",
                        batch.shipments.stream().map(s -> Tuple.of(s.event().customerId(), s.partition(), Json.writeString(s.event()))).toList()))
                .chain(() -> batch(connection, "INSERT INTO projection (customer_id, partition, version, payload, computed_at, cost_alerted_on) "
                                + "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (customer_id) DO UPDATE SET partition = EXCLUDED.partition, "
                                + "version = EXCLUDED.version, payload = EXCLUDED.payload, computed_at = EXCLUDED.computed_at, "
                                + "cost_alerted_on = EXCLUDED.cost_alerted_on",
                        batch.latestProjections.values().stream().map(p -> Tuple.from(List.of(p.projection().customerId(), p.partition(),
                                p.projection().version(), p.json(),
                                p.projection().computedAt().atOffset(ZoneOffset.UTC), p.costAlertedOn()))).toList()))
                .chain(() -> batch(connection, "INSERT INTO projection_history (customer_id, version, payload, computed_at) VALUES ($1, $2, $3, $4)",
                        batch.projectionVersions.stream().map(p -> Tuple.of(p.projection().customerId(), p.projection().version(),
                                p.json(), p.projection().computedAt().atOffset(ZoneOffset.UTC))).toList()))
                .chain(() -> batch(connection, "INSERT INTO outbox_event (event_id, topic, record_key, event_type, event_time, payload) "
                                + "VALUES ($1, $2, $3, $4, $5, $6)", outboxRows(batch, now))))
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
        return pool.preparedQuery("SELECT payload FROM projection WHERE customer_id = $1").execute(Tuple.of(customerId))
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

    private List<Tuple> outboxRows(Batch batch, Instant now) {
        List<Tuple> rows = new ArrayList<>();
        batch.projectionVersions.forEach(row -> rows.add(outboxRow(Topics.PROJECTIONS, row.projection(), row.json(), now)));
        batch.alerts.forEach(alert -> rows.add(outboxRow(Topics.ALERTS, alert, Json.writeString(alert), now)));
        return rows;
    }

    private <V extends Validated> Tuple outboxRow(Topic<String, V> topic, V payload, String json, Instant now) {
        CloudEvent event = CloudEvent.of(topic, source, UUID.randomUUID(), now);
        return Tuple.from(List.of(UUID.fromString(event.id()), topic.name(), topic.keyOf(payload), event.type(),
                event.time().atOffset(ZoneOffset.UTC), json));
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
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
